/**
 * `npm run translations -- export <lang> [--pack <slug>] [--format xliff|csv|xlsx] [--out <file>]`
 * `npm run translations -- import <file> [--lang <lang>] [--skip-conflicts] [--dry-run]`
 *
 * The round trip for translators who work offline, in a translation tool (XLIFF 1.2) or a
 * spreadsheet (CSV, XLSX). The import writes into the content source the build reads (the embedded
 * dataset, CONTENT_DATASET_DIR, or the Sanity project of SANITY_PROJECT_ID with SANITY_TOKEN), always
 * as "needs review". The work is in src/content/translations/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { readContentEnv } from '../src/content/env.ts';
import { createTransferClient } from '../src/content/transfer/client.ts';
import {
  extensions,
  exportUnits,
  formatOf,
  formats,
  planImport,
  readUnits,
  writeUnits,
  type Format,
} from '../src/content/translations/roundTrip.ts';
import { datasetStore, sanityStore, type TranslationStore } from '../src/content/translations/store.ts';
import { isLocalePath, translatedLocalePaths, type LocalePath } from '../src/i18n/locales.ts';

const usage = `Usage:
  npm run translations -- export <lang> [--pack <slug>] [--format xliff|csv|xlsx] [--out <file>]
  npm run translations -- import <file> [--lang <lang>] [--skip-conflicts] [--dry-run]
<lang> is one of: ${translatedLocalePaths.join(', ')}.`;

class UsageError extends Error {}

function store(): TranslationStore {
  const env = readContentEnv();
  if (!env.SANITY_PROJECT_ID) return datasetStore(env.CONTENT_DATASET_DIR ?? 'studio/dataset');
  return sanityStore(
    createTransferClient('translations -- import'),
    `Sanity project ${env.SANITY_PROJECT_ID}, dataset ${env.SANITY_DATASET}`,
  );
}

function language(value: string | undefined): LocalePath {
  if (value === undefined || !isLocalePath(value) || !translatedLocalePaths.includes(value)) {
    throw new UsageError(
      `"${value ?? ''}" is not a language to translate into: use one of ${translatedLocalePaths.join(', ')}.`,
    );
  }
  return value;
}

async function exportCommand(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { pack: { type: 'string' }, format: { type: 'string', default: 'xliff' }, out: { type: 'string' } },
  });
  const lang = language(positionals[0]);
  const format = values.format as Format;
  if (!formats.includes(format)) throw new UsageError(`--format is one of ${formats.join(', ')}`);
  const source = store();
  const units = exportUnits(await source.documents(), lang, values.pack);
  const out = values.out ?? `translations-${lang}${values.pack ? `-${values.pack}` : ''}.${extensions[format]}`;
  writeFileSync(out, await writeUnits(units, lang, format));
  const untranslated = units.filter((unit) => unit.target.length === 0).length;
  console.log(
    `${out}: ${units.length} texts from ${source.description}, ${untranslated} without a ${lang} translation.`,
  );
}

async function importCommand(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      lang: { type: 'string' },
      'skip-conflicts': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('name the file to import');
  const format = formatOf(file);
  if (!format) throw new UsageError(`${file}: the name must end in .xlf, .xliff, .csv or .xlsx`);
  const read = await readUnits(readFileSync(file), format);
  const named = values.lang ?? read.lang ?? /^translations-([a-z]+)/.exec(basename(file))?.[1];
  if (named === undefined) {
    throw new UsageError(
      `${file} does not say its language (a CSV file never does, nor a name not starting "translations-<lang>"): add --lang <lang>, one of ${translatedLocalePaths.join(', ')}.`,
    );
  }
  const lang = language(named);
  if (read.lang && read.lang !== lang) throw new UsageError(`${file} is for ${read.lang}, not ${lang}`);

  const target = store();
  const plan = planImport(await target.documents(), read.units, lang);
  const count = (result: string) => plan.outcomes.filter((outcome) => outcome.result === result).length;
  for (const outcome of plan.outcomes) {
    if (outcome.result === 'unchanged') continue;
    console.log(`${outcome.result.padEnd(9)} ${outcome.id}${outcome.reason ? `: ${outcome.reason}` : ''}`);
  }
  const problems = count('conflict') + count('refused');
  const write = !values['dry-run'] && plan.changes.length > 0 && (problems === 0 || values['skip-conflicts']);
  if (write) await target.write(plan.changes, lang);
  console.log(
    `\n${file} → ${target.description} (${lang}): ${count('updated')} updated, ${count('unchanged')} unchanged, ` +
      `${count('conflict')} conflict(s), ${count('refused')} refused. ` +
      (write
        ? `${plan.changes.length} document(s) written, marked "needs review".`
        : problems > 0 && plan.changes.length > 0
          ? 'Nothing written: fix the file, or import the rest with --skip-conflicts.'
          : 'Nothing written.'),
  );
  if (problems > 0) process.exitCode = 1;
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'export') await exportCommand(rest);
  else if (command === 'import') await importCommand(rest);
  else throw new UsageError(usage);
} catch (error) {
  console.error(
    error instanceof UsageError ? `${error.message}\n\n${usage}` : error instanceof Error ? error.message : error,
  );
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
