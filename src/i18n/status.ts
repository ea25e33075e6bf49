/**
 * The translation-status report's counting, kept pure so it can be tested on hand-made documents;
 * `scripts/i18n-status.ts` only reads the files, fetches the content and prints.
 *
 * What counts as text, which field types are localized and how a document records its status
 * come from the Studio's completeness rule, so that the report and Studio's "reviewed means
 * complete" check never disagree.
 */
import { isGlossaryTerm } from '../content/glossary.ts';
import { isOutdated } from '../content/sourceHash.ts';
import { hasText, localizedTextTypes, translationStatus } from '../content/translation.ts';
import { sourceLocale } from './locales.ts';

/** How many of `total` items are done. */
export interface Count {
  readonly done: number;
  readonly total: number;
}

/** Content counts for one language: every text counted, and only those a native speaker vouched for. */
export interface ContentCounts {
  readonly translated: Count;
  readonly reviewed: Count;
}

/** One language's row of the report. */
export interface LanguageStatus {
  /** Language path, e.g. `hmong`. */
  readonly lang: string;
  /** English name, e.g. `Hmong (Mông)` (endonyms in Tai Viet need a font many terminals lack). */
  readonly name: string;
  readonly ui: ContentCounts;
  readonly content: ContentCounts;
  /** Documents reviewed in this language whose Vietnamese changed since (still published). */
  readonly outdated: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * How many keys of the source file a language's UI file holds with a non-blank string. Keys the
 * source does not have are not counted (the unit test rejects them).
 *
 * @example
 * uiStringCount({ 'a': 'Một', 'b': 'Hai' }, { 'a': 'Ib', 'b': ' ', 'c': 'Peb' }); // { done: 1, total: 2 }
 */
export function uiStringCount(source: Record<string, unknown>, strings: Record<string, unknown> | undefined): Count {
  const keys = Object.keys(source);
  const done = keys.filter((key) => hasText(strings?.[key])).length;
  return { done, total: keys.length };
}

/**
 * UI-string counts of a language: translated (present and non-blank) and reviewed, which is all
 * of them once a native speaker has marked the language's file reviewed in `ui-review.json`.
 */
export function uiCounts(
  source: Record<string, unknown>,
  strings: Record<string, unknown> | undefined,
  status: string | undefined,
): ContentCounts {
  const translated = uiStringCount(source, strings);
  return { translated, reviewed: { done: status === 'reviewed' ? translated.done : 0, total: translated.total } };
}

/** The source keys a language's UI file lacks or leaves blank, in source order. */
export function missingUiKeys(source: Record<string, unknown>, strings: Record<string, unknown> | undefined): string[] {
  return Object.keys(source).filter((key) => !hasText(strings?.[key]));
}

/**
 * Every localized text field of a document (objects whose `_type` is `localeString`, `localeText`
 * or `localeBlockContent`), however deep: in slides, quiz options, image alt texts. System fields
 * (`_id`, `_key`, ...) and the `translations` status block are not walked.
 */
export function localizedTextFields(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap((item) => localizedTextFields(item));
  if (!isRecord(value)) return [];
  const type = value['_type'];
  if (typeof type === 'string' && localizedTextTypes.has(type)) return [value];
  return Object.entries(value)
    .filter(([key]) => !key.startsWith('_') && key !== 'translations')
    .flatMap(([, child]) => localizedTextFields(child));
}

/**
 * Counts, over `documents`, the localized text fields that have Vietnamese (the total), those that
 * also have text in `lang` (translated), and those of them in documents whose translation into
 * `lang` is marked `reviewed` (reviewed). Vietnamese, the source, is complete by definition.
 *
 * @example
 * contentCounts([{ _id: 'a', title: { _type: 'localeString', vi: 'Xin chào', dao: 'Yiem longx' },
 *   translations: { dao: { status: 'needsReview' } } }], 'dao');
 * // { translated: { done: 1, total: 1 }, reviewed: { done: 0, total: 1 } }
 */
export function contentCounts(documents: readonly unknown[], lang: string): ContentCounts {
  let total = 0;
  let translated = 0;
  let reviewed = 0;
  // Glossary terms are the translators' reference, with no status of their own: not content to count.
  for (const document of documents.filter((found) => !isGlossaryTerm(found))) {
    const isReviewed = lang === sourceLocale || translationStatus(document, lang) === 'reviewed';
    for (const field of localizedTextFields(document)) {
      if (!hasText(field[sourceLocale])) continue;
      total += 1;
      if (!hasText(field[lang])) continue;
      translated += 1;
      if (isReviewed) reviewed += 1;
    }
  }
  return { translated: { done: translated, total }, reviewed: { done: reviewed, total } };
}

/**
 * How many of `documents` are outdated in `lang`: marked reviewed against a Vietnamese text that
 * has changed since (src/content/sourceHash.ts). They are still published, with a notice.
 */
export function outdatedCount(documents: readonly unknown[], lang: string): number {
  return documents.filter((document) => isOutdated(document, lang)).length;
}

/**
 * A count as a whole percentage, rounded down so that 100% means complete; 100 when there is
 * nothing to translate. Example: `percent({ done: 2, total: 3 })` is `66`.
 */
export function percent(count: Count): number {
  return count.total === 0 ? 100 : Math.floor((count.done / count.total) * 100);
}

/** A count as `12/40  30%`, padded for a table column. */
function cell(count: Count): string {
  return `${count.done}/${count.total}`.padStart(9) + `${percent(count)}%`.padStart(6);
}

/** The report as a plain-text table, one row per language. */
export function formatStatusTable(rows: readonly LanguageStatus[]): string {
  const nameWidth = Math.max(8, ...rows.map((row) => `${row.lang}  ${row.name}`.length));
  const header = [
    'language'.padEnd(nameWidth),
    'UI translated'.padStart(15),
    'UI reviewed'.padStart(15),
    'content translated'.padStart(20),
    'content reviewed'.padStart(20),
    'outdated docs'.padStart(13),
  ];
  const lines = rows.map((row) =>
    [
      `${row.lang}  ${row.name}`.padEnd(nameWidth),
      cell(row.ui.translated),
      cell(row.ui.reviewed),
      cell(row.content.translated).padStart(20),
      cell(row.content.reviewed).padStart(20),
      String(row.outdated).padStart(13),
    ].join('  '),
  );
  const head = header.join('  ');
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}
