/**
 * Search: after the build, Pagefind indexes the lesson-pack pages (the only pages marked
 * `data-pagefind-body`) into <client>/pagefind/, one index per `<html lang>`. Then, per
 * language of the locale table, it writes <client>/pagefind/offline/<path>.json, the files
 * searching that language needs, for the service worker to cache when a pack is saved
 * (see ./pagefind-files.ts for how they are picked).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { locales } from '../i18n/locales.ts';
import { fileEntry } from './offline-manifests.ts';
import { offlineFiles, type BundleFile, type PagefindEntry } from './pagefind-files.ts';

/** Parts of a pack page that are controls or repeated on every pack, not its content. */
const excludeSelectors = ['.no-print', '.print-hint', '.slide-number', '.help-panel'];

/** Runs Pagefind and throws with its own messages when it reports errors; returns the HTML files seen. */
async function buildIndex(site: string, output: string): Promise<number> {
  const fail = (step: string, errors: string[]) => {
    if (errors.length > 0) throw new Error(`Pagefind failed to ${step}: ${errors.join('; ')}`);
  };
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors });
    fail('start', errors);
    if (!index) throw new Error('Pagefind failed to start: no index was created');
    const added = await index.addDirectory({ path: site });
    fail(`index ${site}`, added.errors);
    fail(`write ${output}`, (await index.writeFiles({ outputPath: output })).errors);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** Every file under a folder, with `/`-separated paths relative to it. */
function listFiles(folder: string): BundleFile[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((path) => ({ path: path.split(sep).join('/'), full: join(folder, path) }))
    .filter(({ full }) => statSync(full).isFile())
    .map(({ path, full }) => ({ path, bytes: statSync(full).size }));
}

export function pagefindSearch(): AstroIntegration {
  return {
    name: 'pagefind-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const output = join(site, 'pagefind');
        rmSync(output, { recursive: true, force: true });
        let htmlFiles: number;
        try {
          htmlFiles = await buildIndex(site, output);
        } catch (error) {
          throw new Error(`Search index not built. ${error instanceof Error ? error.message : String(error)}`, {
            cause: error,
          });
        }
        const entry = JSON.parse(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
        const pages = Object.values(entry.languages).reduce((total, language) => total + language.page_count, 0);
        if (pages === 0) throw new Error(`Search index not built: Pagefind indexed no page in ${site}`);
        // With no data-pagefind-body anywhere, Pagefind silently indexes every page (menus, lists, 404).
        if (pages === htmlFiles)
          throw new Error(
            'Search index not built: no page carries data-pagefind-body (the lesson-pack <article> should)',
          );
        const bundle = listFiles(output);
        mkdirSync(join(output, 'offline'), { recursive: true });
        const summary = locales.map((locale) => {
          const { language, files, bytes } = offlineFiles(entry, bundle, locale.tag);
          // Each file's size and hash too: a refresh checks what it downloads and reuses what did not change.
          const entries = files.map((url) => fileEntry(join(site, url), url, 'other'));
          writeFileSync(
            join(output, 'offline', `${locale.path}.json`),
            `${JSON.stringify({ language, files, bytes, entries })}\n`,
          );
          const own = language === locale.tag.toLowerCase();
          if (!own) logger.warn(`no lesson pack in ${locale.path}: its search page would search "${language}"`);
          return `${locale.path} ${own ? (entry.languages[language]?.page_count ?? 0) : 0}`;
        });
        logger.info(
          `indexed ${pages} lesson-pack pages: ${summary.join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
