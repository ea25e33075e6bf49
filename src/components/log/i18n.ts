/**
 * i18next for the log page's island: the page passes the strings of its language (the same flat
 * files as the server, already resolved along the fallback chain), and the locale that `Intl`
 * knows for dates and numbers (never the tag: `Intl` knows none of hmn, ium, blt).
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { timeZone } from '../../i18n/locales.ts';

export function createI18n(lang: string, strings: Record<string, string>): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    resources: { [lang]: { translation: strings } },
    initAsync: false,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}

export interface Formatters {
  number: (value: number) => string;
  /** A `YYYY-MM-DD` date, e.g. "12 thg 3, 2026". */
  date: (value: string) => string;
  /** A clock time of a timestamp, e.g. "14:05". */
  time: (value: number) => string;
}

export function formatters(formatLocale: string): Formatters {
  const number = new Intl.NumberFormat(formatLocale);
  const date = new Intl.DateTimeFormat(formatLocale, { dateStyle: 'medium', timeZone });
  const time = new Intl.DateTimeFormat(formatLocale, { timeStyle: 'short', timeZone });
  return {
    number: (value) => number.format(value),
    date: (value) => date.format(new Date(`${value}T12:00:00+07:00`)),
    time: (value) => time.format(new Date(value)),
  };
}
