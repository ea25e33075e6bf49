/**
 * Where a lesson pack lives on the site, in each language: the address a communicator opens to
 * see what teachers will see. Paths come from the site's own helper, so they cannot drift.
 */
import { localePath } from '../../src/i18n/paths.ts';
import { getLocale, locales, translatedLocalePaths, type LocalePath } from '../../src/i18n/locales.ts';

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
  return locales.map(({ path }) => pageUrl(siteUrl, slug, path));
}

function pageUrl(siteUrl: string, slug: string, path: LocalePath): SitePreviewUrl {
  const locale = getLocale(path);
  const label = locale.endonym === locale.nameVi ? locale.nameVi : `${locale.nameVi} · ${locale.endonym}`;
  return { lang: path, label, url: new URL(localePath(path, 'materials', slug), siteUrl).href };
}

/** Statuses whose text a reviewer checks in context: written, not yet reviewed. */
const awaitingReview: ReadonlySet<unknown> = new Set(['draft', 'needsReview']);

/**
 * The pack's page on the review preview (`PREVIEW_UNREVIEWED=1 npm run dev`), for each language
 * whose translation is written but not reviewed: there the reviewer reads it on the real layout.
 *
 * @example
 * reviewPreviewUrls('http://localhost:4321', 'viec-lam-gia', { hmong: { status: 'needsReview' } });
 * // [{ lang: 'hmong', label: 'Tiếng Mông · Hmoob', url: 'http://localhost:4321/hmong/materials/viec-lam-gia/' }]
 */
export function reviewPreviewUrls(
  previewUrl: string,
  slug: string | undefined,
  translations: unknown,
): SitePreviewUrl[] {
  if (!slug || typeof translations !== 'object' || translations === null) return [];
  const statusOf = (path: LocalePath) =>
    (translations as Record<string, { status?: unknown } | undefined>)[path]?.status;
  return translatedLocalePaths
    .filter((path) => awaitingReview.has(statusOf(path)))
    .map((path) => pageUrl(previewUrl, slug, path));
}
