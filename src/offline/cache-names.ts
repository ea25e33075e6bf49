/**
 * Cache names shared by the service worker and the page scripts that save packs. Each saved
 * pack has a cache of its own, so removing one pack or rolling back a failed save is deleting
 * one cache.
 */

/** Prefix of every cache of a saved pack or a saved search index. Bump to drop old formats. */
export const savedPrefix = 'saved-v1:';

/** The cache of one saved pack, e.g. `saved-v1:pack/hmong/fake-jobs`. */
export const packCacheName = (lang: string, slug: string) => `${savedPrefix}pack/${lang}/${slug}`;

/** The cache of a language's saved search index. */
export const searchCacheName = (lang: string) => `${savedPrefix}search/${lang}`;

/**
 * Prefix of the caches of app pages kept on the device for work offline (the session-log page,
 * saved once a device is enrolled). Not packs: the library neither lists nor removes them.
 */
export const appPrefix = 'app-v1:';

/** The cache of one app page, e.g. `app-v1:page/hmong/log`. */
export const appPageCacheName = (lang: string, page: string) => `${appPrefix}page/${lang}/${page}`;

/** Runtime caches of the service worker. */
export const runtimeCaches = { pages: 'pages-v1', images: 'images-v1', media: 'media-v1', assets: 'assets-v1', search: 'search-v1' } as const;

/** Where a saved pack's own description is kept inside its cache. */
export const metaPath = '/__saved__/meta.json';

/** What the library shows of a saved pack. */
export interface SavedPackMeta {
  lang: string;
  slug: string;
  title: string;
  url: string;
  bytes: number;
  files: number;
  savedAt: string;
}
