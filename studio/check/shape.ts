/**
 * What a file can get wrong that Sanity's validator does not look at, because the Studio never
 * writes it: array members without a `_key` (or with a repeated one), a localized object with a
 * key that is not a language of the locale table, Portable Text that is not made of blocks, and
 * text in the wrong script for its language (Tai Dam in Latin letters). Plus one piece of advice:
 * a language waiting for review should have every text, or the reviewer reviews half a pack.
 */
import { scriptProblem } from '../../src/content/translations/checks.ts';
import { missingTranslations, translationStatus } from '../../src/content/translation.ts';
import { getLocale, isLocalePath, translatedLocalePaths } from '../../src/i18n/locales.ts';
import { localizedTypeNames } from '../schemaTypes/objects/localized.ts';
import type { DatasetProblem } from './problems.ts';
import type { ExportDocument } from './readExport.ts';

const localizedTypes = new Set<string>(localizedTypeNames);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The plain text of a localized value: a string, or the spans of Portable Text. */
function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  return value
    .flatMap((block) => (isRecord(block) && Array.isArray(block['children']) ? (block['children'] as unknown[]) : []))
    .map((span) => (isRecord(span) && typeof span['text'] === 'string' ? span['text'] : ''))
    .join('\n');
}

const isBlock = (value: unknown) =>
  isRecord(value) && value['_type'] === 'block' && Array.isArray(value['children']) && Array.isArray(value['markDefs']);

function localizedProblems(value: Record<string, unknown>, inArray: boolean): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (key === '_type' || (inArray && key === '_key')) continue;
    if (!isLocalePath(key))
      problems.push(
        `"${key}" is not a language of the site (src/i18n/locales.ts): remove it or add the language there.`,
      );
  }
  if (value['_type'] === 'localeAudio') return problems;
  for (const [key, text] of Object.entries(value)) {
    if (!isLocalePath(key)) continue;
    if (value['_type'] === 'localeBlockContent' && (!Array.isArray(text) || !text.every(isBlock))) {
      problems.push(`${getLocale(key).name}: not Portable Text (a list of blocks with children and markDefs).`);
      continue;
    }
    const script = scriptProblem(key, plainText(text));
    if (script) problems.push(`${getLocale(key).name} ${script}.`);
  }
  return problems;
}

/** Walks a document, collecting the shape problems of every array and localized object. */
function collect(value: unknown, field: string, inArray: boolean, found: { field: string; message: string }[]): void {
  if (Array.isArray(value)) {
    const keys = new Set<string>();
    value.forEach((item, index) => {
      if (isRecord(item)) {
        const key = item['_key'];
        if (typeof key !== 'string' || key === '')
          found.push({
            field: `${field}[${index}]`,
            message: 'an array member needs a "_key" (the Studio cannot edit it without one).',
          });
        else if (keys.has(key))
          found.push({
            field: `${field}[${index}]`,
            message: `"_key" "${key}" is used twice in this list; each member needs its own.`,
          });
        else keys.add(key);
      }
      collect(item, `${field}[${index}]`, true, found);
    });
    return;
  }
  if (!isRecord(value)) return;
  if (typeof value['_type'] === 'string' && localizedTypes.has(value['_type'])) {
    for (const message of localizedProblems(value, inArray)) found.push({ field, message });
  }
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('_')) continue;
    collect(child, field === '' ? key : `${field}.${key}`, false, found);
  }
}

/** The shape problems of one document (errors), and languages waiting for review with gaps (warnings). */
export function shapeProblems(document: ExportDocument): DatasetProblem[] {
  const found: { field: string; message: string }[] = [];
  collect(document, '', false, found);
  const problems: DatasetProblem[] = found.map(({ field, message }) => ({
    id: document._id,
    field,
    level: 'error',
    message,
  }));
  for (const lang of translatedLocalePaths) {
    if (translationStatus(document, lang) !== 'needsReview') continue;
    const missing = missingTranslations(document, lang);
    if (missing.length === 0) continue;
    problems.push({
      id: document._id,
      field: `translations.${lang}.status`,
      level: 'warning',
      message: `${getLocale(lang).name} waits for review but misses ${missing.length} text(s), e.g. ${missing.slice(0, 3).join(', ')}: translate them first.`,
    });
  }
  return problems;
}
