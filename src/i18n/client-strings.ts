/** Picks UI strings for a page script, as the JSON its component puts in `data-strings`. */
import type { LocalePath } from './locales.ts';
import { useTranslations, type UiKey } from './ui.ts';

export function clientStrings(lang: LocalePath, keys: readonly UiKey[]): string {
  const t = useTranslations(lang);
  return JSON.stringify(Object.fromEntries(keys.map((key) => [key, t(key)])));
}
