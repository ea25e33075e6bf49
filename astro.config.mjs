// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import { datasetMedia } from './src/integrations/dataset-media.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { pagefindSearch } from './src/integrations/pagefind.ts';
import { precompress } from './src/integrations/precompress.ts';
import { localePaths, sourceLocale } from './src/i18n/locales.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  // Static pages by default; only /api/* and the language redirect at / run on the node server.
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // Rendering a few pages at once hides the wait on image metadata and file writes (2 cores here).
  build: { format: 'directory', concurrency: 4 },
  i18n: {
    locales: [...localePaths],
    defaultLocale: sourceLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [react(), datasetMedia(), serviceWorker({ languages: localePaths }), pagefindSearch(), precompress()],
  image: { domains: ['cdn.sanity.io'] },
  devToolbar: { enabled: false },
});
