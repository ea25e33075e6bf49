/**
 * The packs saved on this device: each whole copy with its description (written last, so a copy
 * being written is not listed), rewriting that description, and removing packs.
 */
import { isPackCache, metaPath, savedPrefix, searchCacheName, type SavedPackMeta } from './cache-names.ts';

/** Whether this browser can keep packs (Cache Storage and fetch). */
export function canSave(): boolean {
  return 'caches' in globalThis && 'fetch' in globalThis;
}

/** The caches of every copy of a pack on the device, oldest first. */
export async function copiesOf(lang: string, slug: string): Promise<string[]> {
  return (await caches.keys()).filter((name) => isPackCache(name, lang, slug));
}

/** A saved copy: its description and the cache that holds it. */
export interface SavedCopy {
  meta: SavedPackMeta;
  cacheName: string;
}

/** Every whole saved copy (one with its description: that is written last), newest first. */
export async function savedCopies(): Promise<SavedCopy[]> {
  if (!canSave()) return [];
  const copies: SavedCopy[] = [];
  for (const cacheName of await caches.keys()) {
    if (!cacheName.startsWith(`${savedPrefix}pack/`)) continue;
    const meta = await (await caches.open(cacheName)).match(metaPath);
    if (meta) copies.push({ meta: (await meta.json()) as SavedPackMeta, cacheName });
  }
  return copies.sort((a, b) => b.meta.savedAt.localeCompare(a.meta.savedAt));
}

/** Every saved pack (its newest whole copy), newest first. */
export async function listSaved(): Promise<SavedPackMeta[]> {
  const seen = new Set<string>();
  return (await savedCopies()).flatMap(({ meta }) => {
    const key = `${meta.lang}/${meta.slug}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [meta];
  });
}

/** Rewrites the description of a saved pack (a mark, a waiting update), in each cache that holds it. */
export async function updateMeta(
  lang: string,
  slug: string,
  change: (meta: SavedPackMeta) => SavedPackMeta,
): Promise<void> {
  for (const { meta, cacheName } of await savedCopies()) {
    if (meta.lang !== lang || meta.slug !== slug) continue;
    await (
      await caches.open(cacheName)
    ).put(metaPath, new Response(JSON.stringify(change(meta)), { headers: { 'Content-Type': 'application/json' } }));
  }
}

export async function isSaved(lang: string, slug: string): Promise<boolean> {
  return canSave() && (await listSaved()).some((pack) => pack.lang === lang && pack.slug === slug);
}

export async function removeSaved(lang: string, slug: string): Promise<void> {
  for (const name of await copiesOf(lang, slug)) await caches.delete(name);
  const others = (await listSaved()).filter((pack) => pack.lang === lang);
  if (others.length === 0) await caches.delete(searchCacheName(lang));
}

export async function removeAllSaved(): Promise<void> {
  for (const name of await caches.keys()) if (name.startsWith(savedPrefix)) await caches.delete(name);
}
