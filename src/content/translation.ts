/**
 * Which texts a translation still lacks. A language marked `reviewed` is published as it is, so
 * it must hold every text that Vietnamese holds; otherwise a learner would get a lesson pack with
 * holes in it. Shared by the Studio's validation, the site's fallback rule and the
 * translation-status report; free of Sanity imports so that scripts run it under
 * `node --experimental-strip-types` too.
 */
import { sourceLocale, translatedLocalePaths } from '../i18n/locales.ts';

/** Where one language's translation of a document stands. Only `reviewed` is published. */
export const translationStatusValues = ['missing', 'draft', 'needsReview', 'reviewed'] as const;

export type TranslationStatusValue = (typeof translationStatusValues)[number];

/** Localized types that hold text. `localeAudio` is left out: audio is welcome, never required. */
export const localizedTextTypes: ReadonlySet<string> = new Set(['localeString', 'localeText', 'localeBlockContent']);

/** A language whose translation is marked reviewed but lacks texts that Vietnamese has. */
export interface TranslationGap {
  /** Language path, e.g. `hmong`. */
  readonly lang: string;
  /** Paths of the texts it lacks, e.g. `slides[2].heading`. */
  readonly missing: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether one language's value holds text: a string that is not blank, or Portable Text with at
 * least one span that is not blank (an empty paragraph left behind by the editor does not count).
 */
export function hasText(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (!Array.isArray(value)) return false;
  return value.some(
    (block) =>
      isRecord(block) &&
      Array.isArray(block['children']) &&
      block['children'].some((span) => isRecord(span) && hasText(span['text'])),
  );
}

function collectMissing(value: unknown, path: string, lang: string, missing: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectMissing(item, `${path}[${index}]`, lang, missing));
    return;
  }
  if (!isRecord(value)) return;
  const type = value['_type'];
  if (typeof type === 'string' && localizedTextTypes.has(type)) {
    if (hasText(value[sourceLocale]) && !hasText(value[lang])) missing.push(path);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    // System fields (`_id`, `_key`, ...) and the status block hold no translatable text.
    if (key.startsWith('_') || key === 'translations') continue;
    collectMissing(child, path === '' ? key : `${path}.${key}`, lang, missing);
  }
}

/**
 * Paths of the texts that have Vietnamese but no text in `lang`, in document order. Array items
 * are counted from 0.
 *
 * @example
 * missingTranslations(
 *   { slides: [{ heading: { _type: 'localeString', vi: 'Việc làm giả', hmong: '' } }] },
 *   'hmong',
 * ); // ['slides[0].heading']
 */
export function missingTranslations(doc: unknown, lang: string): string[] {
  const missing: string[] = [];
  if (lang !== sourceLocale) collectMissing(doc, '', lang, missing);
  return missing;
}

/** The translation status a document records for a language, if any. */
export function translationStatus(doc: unknown, lang: string): string | undefined {
  if (!isRecord(doc) || !isRecord(doc['translations'])) return undefined;
  const entry = doc['translations'][lang];
  return isRecord(entry) && typeof entry['status'] === 'string' ? entry['status'] : undefined;
}

/** Every language marked reviewed on `doc` that still lacks texts, with the texts it lacks. */
export function reviewedTranslationGaps(doc: unknown): TranslationGap[] {
  return translatedLocalePaths
    .filter((lang) => translationStatus(doc, lang) === 'reviewed')
    .map((lang) => ({ lang, missing: missingTranslations(doc, lang) }))
    .filter((gap) => gap.missing.length > 0);
}
