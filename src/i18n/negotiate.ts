/** Choosing a visitor's language at `/`: a saved choice, else Accept-Language, else Vietnamese. */
import { isLocalePath, locales, sourceLocale, type LocalePath } from './locales.ts';

/**
 * The best language for an Accept-Language header, matching by BCP 47 tag then by primary
 * subtag. Example: `fromAcceptLanguage('en-US,en;q=0.8,vi;q=0.5')` is `'en'`; `hmn` → `'hmong'`.
 */
export function fromAcceptLanguage(header: string | null | undefined): LocalePath | undefined {
  const ranges = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = Number(params.find((param) => param.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { range: range.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter(({ range, q }) => range !== '' && range !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { range } of ranges) {
    const exact = locales.find((locale) => locale.tag.toLowerCase() === range);
    if (exact) return exact.path;
    const primary = range.split('-')[0];
    const loose = locales.find((locale) => locale.tag.toLowerCase().split('-')[0] === primary);
    if (loose) return loose.path;
  }
  return undefined;
}

/** The language to send a visitor of `/` to. */
export function chooseLanguage(savedChoice: string | undefined, acceptLanguage: string | null): LocalePath {
  if (savedChoice && isLocalePath(savedChoice)) return savedChoice;
  return fromAcceptLanguage(acceptLanguage) ?? sourceLocale;
}
