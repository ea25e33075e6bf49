/**
 * Picks the UI strings a browser script needs, in the page's language (translate.ts says how
 * they are handed over and used). Runs at build time only.
 */
import type { LocalePath } from './locales.ts';
import type { ClientStrings } from './translate.ts';
import { uiStrings, useTranslations, type UiKey } from './ui.ts';

/** The strings of `keys` in `lang`, for an island's `strings` prop. */
export function pickStrings<K extends UiKey>(lang: LocalePath, keys: readonly K[]): ClientStrings<K> {
  const t = useTranslations(lang);
  return Object.fromEntries(keys.map((key) => [key, t(key)])) as ClientStrings<K>;
}

/** Every UI key that starts with one of `prefixes` (e.g. `log.`): the strings of a whole feature. */
export function keysStartingWith<P extends string>(...prefixes: readonly P[]): Extract<UiKey, `${P}${string}`>[] {
  return (Object.keys(uiStrings.vi) as UiKey[]).filter((key): key is Extract<UiKey, `${P}${string}`> =>
    prefixes.some((prefix) => key.startsWith(prefix)),
  );
}

/** The strings of `keys` in `lang`, as the JSON a component puts in its `data-strings` attribute. */
export function clientStrings(lang: LocalePath, keys: readonly UiKey[]): string {
  return JSON.stringify(pickStrings(lang, keys));
}
