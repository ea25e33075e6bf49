/**
 * Cache names shared by the service worker and the page scripts that save packs. Each saved
 * pack has a cache of its own, so removing one pack or rolling back a failed save is deleting
 * one cache.
 */

/** Prefix of every cache of a saved pack or a saved search index. Bump to drop old formats. */
export const savedPrefix = 'saved-v1:';

/**
 * The cache of one saved pack, e.g. `saved-v1:pack/hmong/fake-jobs`; with its content version,
 * `saved-v1:pack/hmong/fake-jobs@3f2a…`. A refresh writes the new version into a cache of its
 * own and deletes the old one only once the new one is whole, so the old copy serves until then
 * (the service worker answers from the first cache created that holds a URL).
 */
export const packCacheName = (lang: string, slug: string, version?: string) =>
  `${savedPrefix}pack/${lang}/${slug}${version ? `@${version}` : ''}`;

/** Whether a cache holds (a version of) the given pack. */
export const isPackCache = (name: string, lang: string, slug: string) =>
  name === packCacheName(lang, slug) || name.startsWith(`${packCacheName(lang, slug)}@`);

/** The cache of a language's saved search index. */
export const searchCacheName = (lang: string) => `${savedPrefix}search/${lang}`;

/**
 * Prefix of the caches of app pages kept on the device for work offline (the session-log page,
 * saved once a device is enrolled). Not packs: the library neither lists nor removes them.
 */
export const appPrefix = 'app-v1:';

/** The cache of one app page, e.g. `app-v1:page/hmong/log`. */
export const appPageCacheName = (lang: string, page: string) => `${appPrefix}page/${lang}/${page}`;

/**
 * Where the service worker leaves a pack file shared to the installed app (the manifest's
 * share_target posts it to `/<lang>/offline/?share-target`) until the library imports it.
 */
export const shareInbox = {
  cacheName: 'share-inbox-v1',
  url: '/__shared__/pack.html',
  action: 'share-target',
  received: 'shared',
} as const;

/** Runtime caches of the service worker. */
export const runtimeCaches = {
  pages: 'pages-v1',
  images: 'images-v1',
  media: 'media-v1',
  assets: 'assets-v1',
  search: 'search-v1',
} as const;

/** Where a saved pack's own description is kept inside its cache. */
export const metaPath = '/__saved__/meta.json';

/** One saved file as the build listed it: what the integrity check compares the cache with. */
export interface SavedFile {
  url: string;
  bytes: number;
  hash: string;
}

/** What the library shows of a saved pack, and what a refresh compares with the published index. */
export interface SavedPackMeta {
  lang: string;
  slug: string;
  title: string;
  url: string;
  bytes: number;
  files: number;
  /** When this copy was saved or last updated (ISO). */
  savedAt: string;
  /** Its content version (absent on copies saved before versions existed). */
  version?: string;
  /** Its files with size and hash. */
  contents?: SavedFile[];
  /** The pack is no longer published: kept until the teacher removes it. */
  unpublished?: boolean;
  /** A newer version waits for the teacher to press "update" (update only when I press). */
  pending?: { version: string; bytes: number };
  /** Imported from a pack file and not yet found in the published index (src/offline/import-file.ts). */
  fromFile?: boolean;
}
