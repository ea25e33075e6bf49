/**
 * Saving lesson packs for offline use, all or nothing: every file of a save is downloaded into
 * memory first; only when all arrived, and the device has room, are they written to the pack's
 * own cache. A failure leaves no new cache behind, and a pack that was saved before keeps a
 * complete copy. DOM-free, so the offline library and the update flow reuse it.
 */
import { appPageCacheName, metaPath, packCacheName, searchCacheName, type SavedPackMeta } from './cache-names.ts';
import { exclusive, isIntact } from './integrity.ts';
import { canSave, copiesOf } from './saved.ts';

/** The `offline.json` of a pack, written at build time (src/integrations/offline-manifests.ts). */
export interface PackManifest {
  lang: string;
  slug: string;
  title: string;
  url: string;
  version?: string;
  files: { url: string; bytes: number; hash?: string }[];
  bytes: number;
}

export interface SaveProgress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
  /** Bytes actually fetched from the network (files already on the device are reused). */
  downloaded: number;
}

/** Why a save failed, for a message in the teacher's language. */
export class SaveError extends Error {
  override name = 'SaveError';
  constructor(
    readonly reason: 'network' | 'quota' | 'unsupported' | 'integrity',
    readonly detail: { url?: string; needed?: number; free?: number } = {},
  ) {
    super(`${reason}${detail.url ? `: ${detail.url}` : ''}`);
  }
}

/** Marks the save's own requests, which the service worker sends straight to the network. */
const fetchHeaders = { 'x-offline-save': '1' };

export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: fetchHeaders, cache: 'no-cache' });
  if (!response.ok) throw new SaveError('network', { url });
  return (await response.json()) as T;
}

interface Plan {
  cacheName: string;
  files: { url: string; bytes: number; hash?: string }[];
  meta?: SavedPackMeta;
  /** Caches of an older copy: their intact files are reused, and they are deleted once this one is whole. */
  replaces?: string[];
}

interface Download extends Plan {
  entries: { url: string; response: Response; bytes: number }[];
}

/** How many files download at once: on a slow link the round trips, not the bytes, dominate. */
const parallelDownloads = 6;

/** An intact copy of the file in one of the older caches, if there is one. */
async function reusable(file: Plan['files'][number], from: readonly string[]): Promise<Blob | undefined> {
  if (!file.hash) return undefined;
  for (const name of from) {
    const cached = await caches.match(file.url, { cacheName: name });
    const blob = await cached?.blob();
    if (blob && (await isIntact(blob, file))) return blob;
  }
  return undefined;
}

/**
 * Gets every file into memory, reusing intact files of an older copy and downloading the rest,
 * each checked against its size and hash; reports progress; throws SaveError('network') or
 * SaveError('integrity') on the first failure.
 */
async function download(plans: Plan[], onProgress: (progress: SaveProgress) => void): Promise<Download[]> {
  const totalFiles = plans.reduce((sum, plan) => sum + plan.files.length, 0);
  const totalBytes = plans.reduce((sum, plan) => sum + plan.files.reduce((bytes, file) => bytes + file.bytes, 0), 0);
  const progress: SaveProgress = { files: 0, totalFiles, bytes: 0, totalBytes, downloaded: 0 };
  onProgress({ ...progress });
  const downloads: Download[] = plans.map((plan) => ({ ...plan, entries: [] }));
  const queue = plans.flatMap((plan, index) => plan.files.map((file) => ({ file, into: downloads[index]! })));
  let failure: SaveError | undefined;
  const worker = async () => {
    for (let next = queue.shift(); next && !failure; next = queue.shift()) {
      const { file, into } = next;
      let body = await reusable(file, into.replaces ?? []);
      let headers: Headers | undefined;
      if (!body) {
        const response = await fetch(file.url, { headers: fetchHeaders, cache: 'no-cache' }).catch(() => undefined);
        if (!response?.ok) {
          failure ??= new SaveError('network', { url: file.url });
          return;
        }
        body = await response.blob();
        headers = response.headers;
        progress.downloaded += body.size;
        if (!(await isIntact(body, file))) {
          failure ??= new SaveError('integrity', { url: file.url });
          return;
        }
      }
      const type = headers?.get('content-type') ?? body.type;
      into.entries.push({
        url: file.url,
        response: new Response(body, { status: 200, headers: headers ?? (type ? { 'Content-Type': type } : {}) }),
        bytes: body.size,
      });
      progress.files += 1;
      progress.bytes += body.size;
      onProgress({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: parallelDownloads }, worker));
  if (failure) throw failure;
  return downloads;
}

/** Fails with SaveError('quota') when the device reports less room than the save needs. */
async function ensureRoom(bytes: number): Promise<void> {
  const estimate = await (
    (navigator as Partial<Navigator>).storage as Partial<StorageManager> | undefined
  )?.estimate?.();
  if (!estimate?.quota) return;
  const free = estimate.quota - (estimate.usage ?? 0);
  if (bytes > free) throw new SaveError('quota', { needed: bytes, free });
}

/**
 * Writes the downloads; on any failure removes the caches this save created, then rethrows, so
 * an older copy of each pack stays whole and keeps serving. Once every write succeeded, the
 * older copies a download replaces are deleted. A cache written in place (a repair of the same
 * version) loses the files the pack no longer uses only after every write succeeded.
 */
async function write(downloads: Download[]): Promise<void> {
  const existing = new Set(await caches.keys());
  try {
    for (const { cacheName, entries, meta } of downloads) {
      const cache = await caches.open(cacheName);
      for (const { url, response } of entries) await cache.put(url, response);
      if (meta)
        await cache.put(
          metaPath,
          new Response(JSON.stringify(meta), { headers: { 'Content-Type': 'application/json' } }),
        );
    }
  } catch (error) {
    for (const { cacheName } of downloads) if (!existing.has(cacheName)) await caches.delete(cacheName);
    throw error instanceof DOMException && error.name === 'QuotaExceededError' ? new SaveError('quota') : error;
  }
  for (const { cacheName, entries, replaces } of downloads) {
    for (const old of replaces ?? []) if (old !== cacheName) await caches.delete(old);
    if (!existing.has(cacheName)) continue;
    const wanted = new Set([
      ...entries.map((entry) => new URL(entry.url, location.href).href),
      new URL(metaPath, location.href).href,
    ]);
    const cache = await caches.open(cacheName);
    for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
  }
}

/** Asks once, after the first save, that the browser keep saved packs when space runs low. */
async function askToPersist(): Promise<void> {
  if (localStorage.getItem('offline.persistAsked')) return;
  localStorage.setItem('offline.persistAsked', '1');
  await ((navigator as Partial<Navigator>).storage as Partial<StorageManager> | undefined)?.persist?.();
}

/**
 * The search-index files of a language, saved with its first pack and again on a refresh
 * (a new deployment has a new index); empty where the site has no index.
 */
async function searchPlan(lang: string, refresh: boolean): Promise<Plan[]> {
  const cacheName = searchCacheName(lang);
  const saved = await caches.has(cacheName);
  if (!refresh && saved) return [];
  try {
    const list = await fetchJson<{
      files: string[];
      bytes: number;
      entries?: { url: string; bytes: number; hash: string }[];
    }>(`/pagefind/offline/${lang}.json`);
    // Listed with sizes and hashes: a refresh downloads only the files that changed.
    if (list.entries) return [{ cacheName, files: list.entries, ...(saved ? { replaces: [cacheName] } : {}) }];
    // An older list gives one total; spread it so the progress bar still counts megabytes.
    const share = Math.round(list.bytes / Math.max(list.files.length, 1));
    return [{ cacheName, files: list.files.map((url) => ({ url, bytes: share })) }];
  } catch {
    return [];
  }
}

/** A pack's description as saved with it. */
export function metaOf(manifest: PackManifest, savedAt: string): SavedPackMeta {
  const contents = manifest.files.flatMap((file) =>
    file.hash ? [{ url: file.url, bytes: file.bytes, hash: file.hash }] : [],
  );
  return {
    lang: manifest.lang,
    slug: manifest.slug,
    title: manifest.title,
    url: manifest.url,
    bytes: manifest.bytes,
    files: manifest.files.length,
    savedAt,
    ...(manifest.version ? { version: manifest.version } : {}),
    ...(contents.length === manifest.files.length ? { contents } : {}),
  };
}

/**
 * Saves packs without taking the lock (the caller holds it): each into the cache of its
 * version, reusing the intact files of a copy already saved. Resolves to the progress at the end.
 */
export async function savePacksLocked(
  manifests: PackManifest[],
  onProgress: (progress: SaveProgress) => void,
  refresh = false,
): Promise<SaveProgress> {
  if (!canSave()) throw new SaveError('unsupported');
  const savedAt = new Date().toISOString();
  const plans: Plan[] = [];
  for (const manifest of manifests) {
    plans.push({
      cacheName: packCacheName(manifest.lang, manifest.slug, manifest.version),
      files: manifest.files,
      meta: metaOf(manifest, savedAt),
      replaces: await copiesOf(manifest.lang, manifest.slug),
    });
  }
  if (manifests[0]) plans.push(...(await searchPlan(manifests[0].lang, refresh)));
  let last: SaveProgress = { files: 0, totalFiles: 0, bytes: 0, totalBytes: 0, downloaded: 0 };
  const downloads = await download(plans, (progress) => {
    last = progress;
    onProgress(progress);
  });
  // The new copy sits beside the old one until it is whole: room for both is needed.
  await ensureRoom(
    downloads.reduce((sum, item) => sum + item.entries.reduce((bytes, entry) => bytes + entry.bytes, 0), 0),
  );
  await write(downloads);
  await askToPersist();
  return last;
}

/**
 * Saves packs (one, or every pack of a language) as one all-or-nothing action.
 * Example: `await savePacks([manifest], (p) => bar.value = p.bytes / p.totalBytes)`.
 */
export async function savePacks(
  manifests: PackManifest[],
  onProgress: (progress: SaveProgress) => void,
  refresh = false,
): Promise<void> {
  await exclusive(() => savePacksLocked(manifests, onProgress, refresh));
}

/**
 * Keeps an app page (its HTML, scripts, styles) on the device, all or nothing, from the
 * `offline.json` written next to it at build time. Example: `savePage('hmong', 'log')`.
 */
export async function savePage(lang: string, page: string): Promise<void> {
  if (!canSave()) throw new SaveError('unsupported');
  const manifest = await fetchJson<{ files: { url: string; bytes: number; hash?: string }[] }>(
    `/${lang}/${page}/offline.json`,
  );
  const downloads = await download(
    [{ cacheName: appPageCacheName(lang, page), files: manifest.files }],
    () => undefined,
  );
  await write(downloads);
}
