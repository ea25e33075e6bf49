// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { datasetMedia } from './src/integrations/dataset-media.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { pagefindSearch } from './src/integrations/pagefind.ts';
import { securityHeadersFile } from './src/integrations/security-headers.ts';
import { nodeServerEntry } from './src/integrations/node-server.ts';
import { adapterBodyLimit } from './src/sessions/http.ts';
import { precompress } from './src/integrations/precompress.ts';
import { localePaths, sourceLocale } from './src/i18n/locales.ts';

// Astro's dev server sends the policy without hashes for the styles Vite injects, so no style
// applies there (withastro/astro#13986) and the review preview would lose the page layout: the
// policy is for builds, which is what the browser tests check.
const devServer = process.argv[2] === 'dev';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  // Static pages by default; only /api/* and the language redirect at / run on the node server.
  output: 'static',
  // The adapter stops reading any body past a backstop above every route's limit (src/sessions/http.ts);
  // staticHeaders sends the static pages' CSP (and the headers securityHeadersFile adds) as headers.
  adapter: node({ mode: 'standalone', bodySizeLimit: adapterBodyLimit, staticHeaders: true }),
  outDir: process.env.OUT_DIR ?? './dist',
  // Pages live at paths ending in `/`; the middleware redirects other forms of a path there
  // (src/security/canonical-path.ts). 'ignore' so that `POST /api/sessions` is answered as
  // `POST /api/sessions/` rather than redirected (a client follows a 301 with a GET).
  trailingSlash: 'ignore',
  security: {
    // The middleware checks the Origin of every request that changes something, JSON included,
    // against the public origin (SITE_URL), which Astro's own check (http://<Host>) cannot know.
    checkOrigin: false,
    // A Content-Security-Policy with hashes of the pages' scripts and styles, never 'unsafe-inline' for scripts.
    csp: !devServer,
  },
  // Rendering a few pages at once hides the wait on image metadata and file writes (2 cores here).
  // The adapter's entry is astro.mjs: server/entry.mjs is ours (src/server/entry.ts), which puts the
  // canonical-path redirect and the security headers in front of the adapter's static file server.
  build: { format: 'directory', concurrency: 4, serverEntry: 'astro.mjs' },
  i18n: {
    locales: [...localePaths],
    defaultLocale: sourceLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  // The log island is written against React's API and runs on Preact's compat layer: the same
  // components at a tenth of react-dom's bytes on a village phone (issue 17).
  integrations: [
    preact({ compat: true }),
    datasetMedia(),
    serviceWorker({ languages: localePaths }),
    pagefindSearch(),
    securityHeadersFile(),
    nodeServerEntry(),
    precompress(),
  ],
  image: { domains: ['cdn.sanity.io'] },
  devToolbar: { enabled: false },
});
