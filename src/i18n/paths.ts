/** URL helpers that keep the language segment in one place. */
import { isLocalePath, type LocalePath } from './locales.ts';

/** The same page in another language: `/hmong/help/` → `/dao/help/` for `dao`. */
export function switchLanguage(pathname: string, lang: LocalePath): string {
  const [, first = '', ...rest] = pathname.split('/');
  if (!isLocalePath(first)) return `/${lang}/`;
  return `/${[lang, ...rest].join('/')}`;
}

/** A site path in a language: `localePath('thai', 'materials', 'x')` → `/thai/materials/x/`. */
export function localePath(lang: LocalePath, ...segments: string[]): string {
  return `/${[lang, ...segments].filter(Boolean).join('/')}/`;
}
