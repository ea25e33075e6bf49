/**
 * The fallback rule (DESIGN.md): a text is shown in the requested language only if that
 * language's translation is marked reviewed and the text is there; otherwise the text of the
 * next language in the row's chain is shown (minority language → Vietnamese), and the value
 * says which language it really is in.
 */
import { localePaths, lookupOrder, sourceLocale, type LocalePath } from '../i18n/locales.ts';
import { hasValue, type LocalizedField } from './documents.ts';

/** A text together with the language it is really in. */
export interface Localized<T> {
  value: T;
  lang: LocalePath;
}

type Translations =
  Partial<Record<string, { status?: string | null | undefined } | null | undefined>> | null | undefined;

/**
 * The languages whose text of a document may be published: the source language always, the
 * others only when marked reviewed by a native speaker.
 */
export function publishedLanguages(translations: Translations): ReadonlySet<LocalePath> {
  const published = new Set<LocalePath>([sourceLocale]);
  for (const [path, translation] of Object.entries(translations ?? {})) {
    if (translation?.status === 'reviewed') published.add(path as LocalePath);
  }
  return published;
}

/**
 * Picks the text to show for `lang`. Example: with Hmong unreviewed,
 * `pick({ vi: 'Xin chào', hmong: 'Nyob zoo' }, 'hmong', new Set(['vi']))` is
 * `{ value: 'Xin chào', lang: 'vi' }`. Undefined when no language in the chain has the text.
 */
export function pick<T>(
  field: LocalizedField<T> | null | undefined,
  lang: LocalePath,
  published: ReadonlySet<LocalePath>,
): Localized<T> | undefined {
  if (!field) return undefined;
  for (const candidate of lookupOrder(lang)) {
    const value = field[candidate];
    if (published.has(candidate) && value != null && hasValue(value)) return { value, lang: candidate };
  }
  return undefined;
}

/**
 * A picker bound to one document and one language, which remembers whether anything fell back
 * and, in preview (src/content/preview.ts), whether it showed text no native speaker reviewed.
 */
export function createPicker(lang: LocalePath, translations: Translations, { preview = false } = {}) {
  const published = publishedLanguages(translations);
  // The preview shows every language's text; `unreviewed` says when that mattered.
  const shown: ReadonlySet<LocalePath> = preview ? new Set(localePaths) : published;
  let fellBack = false;
  let unreviewed = false;
  function choose<T>(field: LocalizedField<T> | null | undefined): Localized<T> | undefined {
    const picked = pick(field, lang, shown);
    if (picked && !published.has(picked.lang)) unreviewed = true;
    return picked;
  }
  function text<T>(field: LocalizedField<T> | null | undefined): Localized<T> | undefined {
    const picked = choose(field);
    if (picked && picked.lang !== lang) fellBack = true;
    return picked;
  }
  /** The same for a field the schema guarantees in Vietnamese. */
  function required<T>(field: LocalizedField<T>): Localized<T> {
    const picked = text(field);
    if (!picked) throw new Error('a required Vietnamese text is missing; check the document schema');
    return picked;
  }
  /**
   * Optional media (audio per language): picked by the same rule and tagged with its real
   * language, but a recording that exists only in Vietnamese does not make the page "untranslated".
   */
  function media<T>(field: LocalizedField<T> | null | undefined): Localized<T> | undefined {
    return choose(field);
  }
  return { text, required, media, fellBack: () => fellBack, unreviewed: () => unreviewed };
}
