/**
 * Saving lesson packs for offline use, all or nothing: every file of a save is downloaded into
 * memory first; only when all arrived, and the device has room, are they written to the pack's
 * own cache. A failure leaves no new cache behind, and a pack that was saved before keeps a
 * complete copy. DOM-free, so the offline library and the update flow reuse it.
 */
import { appPageCacheName, metaPath, packCacheName, savedPrefix, searchCacheName, type SavedPackMeta } from './cache-names.ts';

/** The `offline.json` of a pack, written at build time (src/integrations/offline-manifests.ts). */
export interface PackManifest {
  lang: string;
  slug: string;
  title: string;
  url: string;
  files: { url: string; bytes: number }[];
  bytes: number;
}

export interface SaveProgress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

/** Why a save failed, for a message in the teacher's language. */
export class SaveError extends Error {
  override name = 'SaveError';
  constructor(
    readonly reason: 'network' | 'quota' | 'unsupported',
    readonly detail: { url?: string; needed?: number; free?: number } = {},
  ) {
    super(`${reason}${detail.url ? `: ${detail.url}` : ''}`);
  }
}

/** Marks the save's own requests, which the service worker sends straight to the network. */
const fetchHeaders = { 'x-offline-save': '1' };

export function canSave(): boolean {
  return 'caches' in globalThis && 'fetch' in globalThis;
}

export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: fetchHeaders, cache: 'no-cache' });
  if (!response.ok) throw new SaveError('network', { url });
  return (await response.json()) as T;
}

interface Download {
  cacheName: string;
  entries: { url: string; response: Response; bytes: number }[];
  meta?: SavedPackMeta;
}

/** How many files download at once: on a slow link the round trips, not the bytes, dominate. */
const parallelDownloads = 6;

/** Downloads the files into memory, reporting progress; throws SaveError('network') on the first failure. */
async function download(
  plans: { cacheName: string; files: { url: string; bytes: number }[]; meta?: SavedPackMeta }[],
  onProgress: (progress: SaveProgress) => void,
): Promise<Download[]> {
  const totalFiles = plans.reduce((sum, plan) => sum + plan.files.length, 0);
  const totalBytes = plans.reduce((sum, plan) => sum + plan.files.reduce((bytes, file) => bytes + file.bytes, 0), 0);
  const progress: SaveProgress = { files: 0, totalFiles, bytes: 0, totalBytes };
  onProgress({ ...progress });
  const downloads: Download[] = plans.map((plan) => ({ cacheName: plan.cacheName, entries: [], ...(plan.meta ? { meta: plan.meta } : {}) }));
  const queue = plans.flatMap((plan, index) => plan.files.map((file) => ({ file, into: downloads[index]! })));
  let failure: SaveError | undefined;
  const worker = async () => {
    for (let next = queue.shift(); next && !failure; next = queue.shift()) {
      const { file, into } = next;
      const response = await fetch(file.url, { headers: fetchHeaders, cache: 'no-cache' }).catch(() => undefined);
      if (!response?.ok) {
        failure ??= new SaveError('network', { url: file.url });
        return;
      }
      const body = await response.blob();
      into.entries.push({ url: file.url, response: new Response(body, { status: 200, headers: response.headers }), bytes: body.size });
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
  const estimate = await navigator.storage?.estimate?.();
  if (!estimate?.quota) return;
  const free = estimate.quota - (estimate.usage ?? 0);
  if (bytes > free) throw new SaveError('quota', { needed: bytes, free });
}

/**
 * Writes the downloads; on any failure removes the caches this save created, then rethrows.
 * A cache that existed (a refresh) is overwritten key by key, so it always holds a whole copy,
 * and loses the files the new version no longer uses only once every write succeeded.
 */
async function write(downloads: Download[]): Promise<void> {
  const existing = new Set(await caches.keys());
  try {
    for (const { cacheName, entries, meta } of downloads) {
      const cache = await caches.open(cacheName);
      for (const { url, response } of entries) await cache.put(url, response);
      if (meta) await cache.put(metaPath, new Response(JSON.stringify(meta), { headers: { 'Content-Type': 'application/json' } }));
    }
  } catch (error) {
    for (const { cacheName } of downloads) if (!existing.has(cacheName)) await caches.delete(cacheName);
    throw error instanceof DOMException && error.name === 'QuotaExceededError' ? new SaveError('quota') : error;
  }
  for (const { cacheName, entries } of downloads) {
    if (!existing.has(cacheName)) continue;
    const wanted = new Set([...entries.map((entry) => new URL(entry.url, location.href).href), new URL(metaPath, location.href).href]);
    const cache = await caches.open(cacheName);
    for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
  }
}

/** Asks once, after the first save, that the browser keep saved packs when space runs low. */
async function askToPersist(): Promise<void> {
  if (localStorage.getItem('offline.persistAsked')) return;
  localStorage.setItem('offline.persistAsked', '1');
  await navigator.storage?.persist?.();
}

/**
 * The search-index files of a language, saved with its first pack and again on a refresh
 * (a new deployment has a new index); empty where the site has no index.
 */
async function searchPlan(lang: string, refresh: boolean): Promise<{ cacheName: string; files: { url: string; bytes: number }[] }[]> {
  if (!refresh && (await caches.has(searchCacheName(lang)))) return [];
  try {
    const list = await fetchJson<{ files: string[]; bytes: number }>(`/pagefind/offline/${lang}.json`);
    // The list gives one total; spread it so the progress bar still counts megabytes.
    const share = Math.round(list.bytes / Math.max(list.files.length, 1));
    return [{ cacheName: searchCacheName(lang), files: list.files.map((url) => ({ url, bytes: share })) }];
  } catch {
    return [];
  }
}

/**
 * Saves packs (one, or every pack of a language) as one all-or-nothing action.
 * Example: `await savePacks([manifest], (p) => bar.value = p.bytes / p.totalBytes)`.
 */
export async function savePacks(manifests: PackManifest[], onProgress: (progress: SaveProgress) => void, refresh = false): Promise<void> {
  if (!canSave()) throw new SaveError('unsupported');
  const savedAt = new Date().toISOString();
  const plans = [
    ...manifests.map((manifest) => ({
      cacheName: packCacheName(manifest.lang, manifest.slug),
      files: manifest.files,
      meta: { lang: manifest.lang, slug: manifest.slug, title: manifest.title, url: manifest.url, bytes: manifest.bytes, files: manifest.files.length, savedAt },
    })),
    ...(manifests[0] ? await searchPlan(manifests[0].lang, refresh) : []),
  ];
  const downloads = await download(plans, onProgress);
  await ensureRoom(downloads.reduce((sum, item) => sum + item.entries.reduce((bytes, entry) => bytes + entry.bytes, 0), 0));
  await write(downloads);
  await askToPersist();
}

/**
 * Keeps an app page (its HTML, scripts, styles) on the device, all or nothing, from the
 * `offline.json` written next to it at build time. Example: `savePage('hmong', 'log')`.
 */
export async function savePage(lang: string, page: string): Promise<void> {
  if (!canSave()) throw new SaveError('unsupported');
  const manifest = await fetchJson<{ files: { url: string; bytes: number }[] }>(`/${lang}/${page}/offline.json`);
  const downloads = await download([{ cacheName: appPageCacheName(lang, page), files: manifest.files }], () => {});
  await write(downloads);
}

/** Every saved pack, newest first. */
export async function listSaved(): Promise<SavedPackMeta[]> {
  if (!canSave()) return [];
  const packs: SavedPackMeta[] = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(`${savedPrefix}pack/`)) continue;
    const meta = await (await caches.open(name)).match(metaPath);
    if (meta) packs.push((await meta.json()) as SavedPackMeta);
  }
  return packs.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function isSaved(lang: string, slug: string): Promise<boolean> {
  return canSave() && (await caches.has(packCacheName(lang, slug)));
}

export async function removeSaved(lang: string, slug: string): Promise<void> {
  await caches.delete(packCacheName(lang, slug));
  const others = (await listSaved()).filter((pack) => pack.lang === lang);
  if (others.length === 0) await caches.delete(searchCacheName(lang));
}

export async function removeAllSaved(): Promise<void> {
  for (const name of await caches.keys()) if (name.startsWith(savedPrefix)) await caches.delete(name);
}

/**
 * Downloads every saved pack again (after an update). Each pack is all or nothing: one that
 * fails keeps its old copy. Returns the packs that could not be refreshed.
 */
export async function refreshSaved(onProgress: (progress: SaveProgress) => void = () => {}): Promise<SavedPackMeta[]> {
  const failed: SavedPackMeta[] = [];
  for (const pack of await listSaved()) {
    try {
      const manifest = await fetchJson<PackManifest>(`${pack.url}offline.json`);
      await savePacks([manifest], onProgress, true);
    } catch {
      failed.push(pack);
    }
  }
  return failed;
}
