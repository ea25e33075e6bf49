/**
 * The locale table: the one place that describes every language of the site.
 *
 * Astro's i18n routing, the language switcher, Studio's localized fields, the UI-string files
 * and the translation-status report are all derived from it. Adding a language is one row here
 * plus its UI-string file in `src/i18n/ui/<path>.json`.
 *
 * Node's and browsers' `Intl` know none of `hmn`, `ium` or `blt` and silently fall back to the
 * device's locale, so each row names the locale used to format its dates and numbers.
 */

/** One language of the site. */
export interface Locale {
  /** URL path segment and the key of the language in localized Sanity fields, e.g. `hmong`. */
  readonly path: string;
  /** BCP 47 tag for `lang=` attributes, e.g. `hmn-Latn-VN`. */
  readonly tag: string;
  /** English name, for developers, partners and reports. */
  readonly name: string;
  /** Vietnamese name, for communicators in Studio. */
  readonly nameVi: string;
  /** The language's name for itself, shown in the language switcher. */
  readonly endonym: string;
  /** ISO 15924 script code. */
  readonly script: 'Latn' | 'Tavt';
  /** Font stack the text needs; `system` is the Latin system stack with Vietnamese coverage. */
  readonly font: 'system' | 'tai-viet';
  /** Locale that `Intl` really knows, used for dates, numbers and plural rules. */
  readonly formatLocale: string;
  /** Languages to fall back to, in order, when a text is missing or unreviewed here. */
  readonly fallback: readonly string[];
}

/** Time zone for every date shown: Lao Cai's. */
export const timeZone = 'Asia/Ho_Chi_Minh';

export const locales = [
  {
    path: 'vi',
    tag: 'vi',
    name: 'Vietnamese',
    nameVi: 'Tiếng Việt',
    endonym: 'Tiếng Việt',
    script: 'Latn',
    font: 'system',
    formatLocale: 'vi-VN',
    fallback: [],
  },
  {
    path: 'hmong',
    tag: 'hmn-Latn-VN',
    name: 'Hmong (Mông)',
    nameVi: 'Tiếng Mông',
    endonym: 'Hmoob',
    script: 'Latn',
    font: 'system',
    formatLocale: 'vi-VN',
    fallback: ['vi'],
  },
  {
    path: 'dao',
    tag: 'ium-Latn-VN',
    name: 'Iu Mien (Dao Đỏ)',
    nameVi: 'Tiếng Dao',
    endonym: 'Iu Mienh',
    script: 'Latn',
    font: 'system',
    formatLocale: 'vi-VN',
    fallback: ['vi'],
  },
  {
    path: 'thai',
    tag: 'blt-Tavt-VN',
    name: 'Tai Dam (Thái Đen)',
    nameVi: 'Tiếng Thái',
    endonym: 'ꪼꪕꪒꪾ',
    script: 'Tavt',
    font: 'tai-viet',
    formatLocale: 'vi-VN',
    fallback: ['vi'],
  },
  {
    path: 'en',
    tag: 'en',
    name: 'English',
    nameVi: 'Tiếng Anh',
    endonym: 'English',
    script: 'Latn',
    font: 'system',
    formatLocale: 'en-GB',
    fallback: ['vi'],
  },
] as const satisfies readonly Locale[];

/** A language's URL path, e.g. `'hmong'`. */
export type LocalePath = (typeof locales)[number]['path'];

/** The source language: every text is written in it first, and every chain ends in it. */
export const sourceLocale = 'vi' satisfies LocalePath;

/** All URL paths, source language first. */
export const localePaths: readonly LocalePath[] = locales.map((locale) => locale.path);

/** Languages that are translated from the source and so carry a translation status. */
export const translatedLocalePaths: readonly LocalePath[] = localePaths.filter((path) => path !== sourceLocale);

/** Whether a string is one of the site's language paths. */
export function isLocalePath(value: string): value is LocalePath {
  return (localePaths as readonly string[]).includes(value);
}

/** The row for a language path. Throws on an unknown path, which is a programming error. */
export function getLocale(path: LocalePath): Locale {
  const locale = locales.find((row) => row.path === path);
  if (!locale) throw new Error(`Unknown locale path "${path}"`);
  return locale;
}

/**
 * The order in which to look for a text requested in `path`: the language itself, then its
 * fallback chain. Example: `lookupOrder('hmong')` is `['hmong', 'vi']`.
 */
export function lookupOrder(path: LocalePath): readonly LocalePath[] {
  return [path, ...(getLocale(path).fallback as readonly LocalePath[])];
}
