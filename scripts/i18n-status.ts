/**
 * `npm run i18n:status`: how far each language is, in UI strings and in content, so communicators
 * see which languages still miss which texts. Content comes from the configured source (the
 * embedded dataset, or Sanity when SANITY_PROJECT_ID is set). The counting is in src/i18n/status.ts.
 *
 * Runs under Node's type stripping: local imports carry `.ts`, and src/i18n/ui.ts (Vite-only
 * `import.meta.glob`) is not imported; the UI files are read from disk instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { allDocumentsQuery } from '../src/content/queries.ts';
import { createContentSource } from '../src/content/source.ts';
import { getLocale, locales, sourceLocale } from '../src/i18n/locales.ts';
import { formatNarrationTable, narrationCoverage } from '../src/content/narrationCoverage.ts';
import {
  contentCounts,
  formatStatusTable,
  missingUiKeys,
  outdatedCount,
  uiCounts,
  type LanguageStatus,
} from '../src/i18n/status.ts';

const uiFolder = new URL('../src/i18n/ui/', import.meta.url);

/** A language's UI strings, or undefined when its file does not exist yet. */
function readUiStrings(path: string): Record<string, unknown> | undefined {
  const file = new URL(`${path}.json`, uiFolder);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`src/i18n/ui/${path}.json is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

async function main(): Promise<void> {
  const source = readUiStrings(sourceLocale);
  if (!source) throw new Error(`src/i18n/ui/${sourceLocale}.json, the source of UI keys, is missing.`);
  const content = createContentSource();
  const documents = await content.fetch<unknown[]>(allDocumentsQuery);

  const strings = new Map(locales.map((locale) => [locale.path, readUiStrings(locale.path)]));
  const review = JSON.parse(readFileSync(new URL('../src/i18n/ui-review.json', import.meta.url), 'utf8')) as Record<
    string,
    { status?: string }
  >;

  const rows: LanguageStatus[] = locales.map((locale) => ({
    lang: locale.path,
    name: locale.name,
    ui: uiCounts(
      source,
      strings.get(locale.path),
      locale.path === sourceLocale ? 'reviewed' : review[locale.path]?.status,
    ),
    content: contentCounts(documents, locale.path),
    outdated: outdatedCount(documents, locale.path),
  }));

  console.log(
    `Translation status. Source: ${getLocale(sourceLocale).name}. Content: ${content.description}, ${documents.length} published documents.`,
  );
  console.log(
    'Reviewed counts only documents whose translation a native speaker marked reviewed; only those are published.',
  );
  console.log(
    'Outdated documents are reviewed, but their Vietnamese changed since: still published, with a notice, until a reviewer confirms them.',
  );
  console.log('UI strings are reviewed per language file (src/i18n/ui-review.json).\n');
  console.log(formatStatusTable(rows));
  console.log('\nNarration (read-along): slides of published lesson packs with a recording in the language, and');
  console.log('sentences of its slide text whose recording has a start and end for each sentence.\n');
  console.log(
    formatNarrationTable(
      locales.map((locale) => ({
        lang: locale.path,
        name: locale.name,
        coverage: narrationCoverage(documents, locale.path),
      })),
    ),
  );
  for (const [path, file] of strings) {
    const missing = missingUiKeys(source, file);
    if (!file) console.log(`\n${path}: no UI-string file yet; add src/i18n/ui/${path}.json.`);
    else if (missing.length > 0) console.log(`\n${path}: UI strings missing: ${missing.join(', ')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
