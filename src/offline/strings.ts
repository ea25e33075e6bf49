/** Formatting for the small page scripts; their UI strings come the one way (src/i18n/translate.ts). */
import type { ClientStrings } from '../i18n/translate.ts';
import { getLocale, sourceLocale, timeZone } from '../i18n/locales.ts';

/** The formatting locale when a page names none: the source language's. */
const defaultFormatLocale = getLocale(sourceLocale).formatLocale;

export { format, readStrings } from '../i18n/translate.ts';

/** The strings of a page script, by UI key. */
export type Strings = ClientStrings;

/** Megabytes with one decimal, in the page's formatting locale (data-format-locale on <html>). */
export function megabytes(bytes: number): string {
  return formatMegabytes(document.documentElement.dataset['formatLocale'] ?? defaultFormatLocale, bytes);
}

/** Megabytes with one decimal in a formatting locale; the build uses it too (pack file sizes). */
export function formatMegabytes(locale: string, bytes: number): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    bytes / 1_000_000,
  );
}

/** Dates in the page's formatting locale (never a minority-language tag, which Intl does not know). */
export function dates(): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(document.documentElement.dataset['formatLocale'] ?? defaultFormatLocale, {
    dateStyle: 'medium',
    timeZone,
  });
}
