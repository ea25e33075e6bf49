/**
 * Where a lesson pack lives on the site, in each language: the address a communicator opens to
 * see what teachers will see. Paths come from the site's own helper, so they cannot drift.
 */
import { localePath } from '../../src/i18n/paths.ts';
import { getLocale, locales, type LocalePath } from '../../src/i18n/locales.ts';

export interface SitePreviewUrl {
  readonly lang: LocalePath;
  /** The language as communicators name it, e.g. `Tiếng Mông · Hmoob`. */
  readonly label: string;
  readonly url: string;
}

/**
 * The pack's page in every language, or none before it has a slug. A language not yet reviewed
 * has a page too: it shows the Vietnamese with a "not yet translated" notice.
 *
 * @example
 * sitePreviewUrls('https://example.org/', 'viec-lam-gia')[1]?.url; // 'https://example.org/hmong/materials/viec-lam-gia/'
 */
export function sitePreviewUrls(siteUrl: string, slug: string | undefined): SitePreviewUrl[] {
  if (!slug) return [];
  return locales.map(({ path }) => {
    const locale = getLocale(path);
    const label = locale.endonym === locale.nameVi ? locale.nameVi : `${locale.nameVi} · ${locale.endonym}`;
    return { lang: path, label, url: new URL(localePath(path, 'materials', slug), siteUrl).href };
  });
}
