/**
 * Builds the service worker after `astro build`: esbuild bundles src/sw/sw.ts, then workbox-build
 * injects the precache manifest of the shell. Done here rather than with @vite-pwa/astro, which
 * lags Astro's majors and, with a static build, writes an empty precache into dist/server.
 * Also writes the per-pack lists that "save for offline" fetches.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';
import { referencedUrls, withImports, writeOfflineManifests } from './offline-manifests.ts';
import { finishPackFiles, preparePackFiles } from './pack-files.ts';

/**
 * The shell pages: each language's home, help, search and offline-library pages. The session-log
 * page is not here: with React it would double the precache of every visitor; an enrolled phone
 * keeps it instead (src/offline/save.ts, savePage).
 */
const shellPages = (languages: readonly string[]) =>
  languages.flatMap((lang) => ['', 'help/', 'offline/', 'search/'].map((page) => `${lang}/${page}index.html`));

/**
 * The shell: what every visit needs, in every language, with the styles and scripts those pages
 * and the pack pages load (read from the built HTML, so chunk names never need guessing).
 * Pack pages themselves, their images and audio are saved on demand.
 */
export function precachePatterns(client: string, languages: readonly string[]): string[] {
  const pages = shellPages(languages).filter((page) => existsSync(join(client, page)));
  const samplePack = languages
    .flatMap((lang) => {
      const list = join(client, lang, 'materials', 'offline.json');
      if (!existsSync(list)) return [];
      const first = (JSON.parse(readFileSync(list, 'utf8')) as { packs: { url: string }[] }).packs[0];
      return first ? [`${first.url.slice(1)}index.html`, `${first.url.slice(1)}present/index.html`] : [];
    })
    .filter((page) => existsSync(join(client, page)));
  const referenced = [...pages, ...samplePack].flatMap((page) =>
    referencedUrls(readFileSync(join(client, page), 'utf8')),
  );
  const code = withImports(client, referenced)
    .filter((url) => /^\/_astro\/[^/]+\.(js|css)$/.test(url))
    .map((url) => url.slice(1));
  return [
    ...new Set([...pages, ...code, '_astro/*tai-viet*.woff2', 'favicon.svg', 'icons/*.png', '*/manifest.webmanifest']),
  ];
}

export function serviceWorker(options: { languages: readonly string[] }): AstroIntegration {
  return {
    name: 'service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const client = fileURLToPath(dir);
        // The pack files' sizes go into the pack pages before the lists hash those pages.
        const packFiles = await preparePackFiles(client, options.languages);
        const packs = writeOfflineManifests(client, options.languages);
        const written = finishPackFiles(client, packFiles);
        const swDest = join(client, 'sw.js');
        await build({
          entryPoints: [fileURLToPath(new URL('../sw/sw.ts', import.meta.url))],
          bundle: true,
          format: 'iife',
          minify: true,
          target: 'es2020',
          outfile: swDest,
          define: { 'process.env.NODE_ENV': '"production"' },
          logLevel: 'warning',
        });
        const { count, size, warnings } = await injectManifest({
          swSrc: swDest,
          swDest,
          globDirectory: client,
          globPatterns: precachePatterns(client, options.languages),
          maximumFileSizeToCacheInBytes: 512 * 1024,
          // Pages are fetched at their own address (`vi/`, not `vi/index.html`): the server sends a
          // page's security headers (its CSP, frame-ancestors) for that address only, and the copy
          // the service worker answers with must carry them.
          manifestTransforms: [
            async (entries) => ({
              manifest: entries.map((entry) => ({ ...entry, url: entry.url.replace(/(^|\/)index\.html$/, '$1') })),
              warnings: [],
            }),
          ],
        });
        for (const warning of warnings) logger.warn(warning);
        logger.info(
          `precache: ${count} files, ${(size / 1024).toFixed(0)} KB; offline lists for ${packs} pack pages and ${written.length} pack files in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
