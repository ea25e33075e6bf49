/** UI strings for the small page scripts: rendered into a data attribute by the server, in the page's language. */

export type Strings = Record<string, string>;

/** The strings a component put in its `data-strings` attribute. */
export function readStrings(element: HTMLElement): Strings {
  return JSON.parse(element.dataset['strings'] ?? '{}') as Strings;
}

/** Fills `{{name}}` placeholders, as i18next does on the server. */
export function format(template: string | undefined, values: Record<string, string | number> = {}): string {
  return (template ?? '').replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** Megabytes with one decimal, in the page's formatting locale (data-format-locale on <html>). */
export function megabytes(bytes: number): string {
  return formatMegabytes(document.documentElement.dataset['formatLocale'] ?? 'vi-VN', bytes);
}

/** Megabytes with one decimal in a formatting locale; the build uses it too (pack file sizes). */
export function formatMegabytes(locale: string, bytes: number): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1_000_000);
}

/** Dates in the page's formatting locale (never a minority-language tag, which Intl does not know). */
export function dates(): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(document.documentElement.dataset['formatLocale'] ?? 'vi-VN', { dateStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' });
}
