/**
 * Strings and formats for the log page's island: the page hands over the strings of its language
 * the one way (src/i18n/translate.ts), and the locale that `Intl` knows for dates and numbers
 * (never the tag: `Intl` knows none of hmn, ium, blt). No i18next in the browser: it would cost
 * more than the form itself, and the island needs only `{{placeholders}}`.
 */
import { createContext, useContext } from 'react';
import { timeZone } from '../../i18n/locales.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { UiKey } from '../../i18n/ui.ts';

/** The island's strings: the page's `log.*`, `outbox.*`, `enrol.*`, `setting.*` and `audience.*` keys. */
export const islandKeyPrefixes = ['log.', 'outbox.', 'enrol.', 'setting.', 'audience.'] as const;
export type IslandKey = Extract<UiKey, `${(typeof islandKeyPrefixes)[number]}${string}`>;
export type IslandTranslate = Translate<IslandKey>;

/** What the island's components read: the translate function and the page's language (URL path). */
export interface IslandStrings {
  t: IslandTranslate;
  lang: string;
}

export const TranslateContext = createContext<IslandStrings>({ t: () => '', lang: '' });

/** The island's translate function and language, as `const { t, lang } = useTranslation()`. */
export function useTranslation(): IslandStrings {
  return useContext(TranslateContext);
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
