/**
 * UI strings: one flat JSON file per language in ./ui/, Vietnamese the source of keys.
 * A key missing in a language falls back along the locale table's chain, like content does.
 */
import i18next, { type TFunction } from 'i18next';
import { getLocale, localePaths, lookupOrder, sourceLocale, timeZone, type LocalePath } from './locales.ts';
import vi from './ui/vi.json';

/** Every UI key, taken from the Vietnamese source file. */
export type UiKey = keyof typeof vi;

const files = import.meta.glob<Record<string, string>>('./ui/*.json', { eager: true, import: 'default' });

/** The UI strings of each language, by URL path (a missing file is an empty set). */
export const uiStrings: Record<LocalePath, Record<string, string>> = Object.fromEntries(
  localePaths.map((path) => [path, files[`./ui/${path}.json`] ?? {}]),
) as Record<LocalePath, Record<string, string>>;

const instance = i18next.createInstance();
await instance.init({
  resources: Object.fromEntries(localePaths.map((path) => [path, { translation: uiStrings[path] }])),
  lng: sourceLocale,
  fallbackLng: Object.fromEntries(localePaths.map((path) => [path, lookupOrder(path).slice(1)])),
  keySeparator: false,
  interpolation: { escapeValue: false },
});

type Translate = (key: UiKey, values?: Record<string, string | number>) => string;
const translators = new Map<LocalePath, Translate>();

/**
 * A translate function for one language: `t('help.call', { number: '111' })`. Strings without
 * values are looked up once per build: a page asks for about a hundred of them.
 */
export function useTranslations(lang: LocalePath): Translate {
  let translate = translators.get(lang);
  if (translate) return translate;
  const t: TFunction = instance.getFixedT(lang);
  const plain = new Map<UiKey, string>();
  translate = (key, values) => {
    if (values) return t(key, values);
    let text = plain.get(key);
    if (text === undefined) plain.set(key, (text = t(key)));
    return text;
  };
  translators.set(lang, translate);
  return translate;
}

// Intl formatters are slow to create and pages format many numbers: one of each per language.
const numberFormats = new Map<LocalePath, Intl.NumberFormat>();
const dateFormats = new Map<LocalePath, Intl.DateTimeFormat>();

/** Formats a number with the row's formatting locale (never the tag, which `Intl` does not know). */
export function formatNumber(lang: LocalePath, value: number): string {
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(getLocale(lang).formatLocale)));
  return format.format(value);
}

/** Formats a date (`YYYY-MM-DD` or a Date) with the row's formatting locale in Lao Cai's time zone. */
export function formatDate(lang: LocalePath, value: string | Date): string {
  const date =
    typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00+07:00` : value) : value;
  let format = dateFormats.get(lang);
  if (!format)
    dateFormats.set(
      lang,
      (format = new Intl.DateTimeFormat(getLocale(lang).formatLocale, { dateStyle: 'long', timeZone })),
    );
  return format.format(date);
}
