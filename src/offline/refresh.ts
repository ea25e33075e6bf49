/**
 * Keeps saved packs current with no click: compares them with the published index of content
 * versions (`/offline-versions.json`, written by src/integrations/offline-manifests.ts) and
 * downloads a changed pack again, all or nothing (src/offline/save.ts: the old copy serves until
 * the new one is whole and checked). Runs on a page load, on the `online` event and when a new
 * service worker activates (src/offline/register.ts). A pack no longer published is marked,
 * never deleted. With "update only when I press", a newer version is only noted, with its size.
 * Also checks every saved file against its size and hash and repairs a damaged pack.
 */
import { savedPrefix, type SavedPackMeta } from './cache-names.ts';
import { exclusive, isIntact } from './integrity.ts';
import { fetchJson, savePacksLocked, SaveError, type PackManifest, type SaveProgress } from './save.ts';
import { listSaved, savedCopies, updateMeta } from './saved.ts';

/** The published index of versions, keyed `lang/slug` (OfflineVersionIndex at build time). */
interface VersionIndex {
  packs: Record<string, { version: string; bytes: number }>;
}

export const versionIndexUrl = '/offline-versions.json';

/** Where the teacher's choice "update only when I press" is kept. */
export const updateModeKey = 'offline.updateOnlyWhenPressed';

export const updatesOnlyWhenPressed = () => localStorage.getItem(updateModeKey) === '1';

/** What a check did, for a message in the teacher's language. */
export interface RefreshReport {
  updated: SavedPackMeta[];
  failed: { pack: SavedPackMeta; reason: SaveError['reason'] }[];
  waiting: SavedPackMeta[];
  unpublished: SavedPackMeta[];
  /** Packs imported from a file whose version the published index confirmed. */
  checked: SavedPackMeta[];
  /** Bytes fetched from the network for the updates. */
  downloaded: number;
}

const emptyReport = (): RefreshReport => ({
  updated: [],
  failed: [],
  waiting: [],
  unpublished: [],
  checked: [],
  downloaded: 0,
});

/** Bytes a refresh to `manifest` would download: the files the saved copy lacks or holds in another version. */
export function bytesToDownload(saved: SavedPackMeta, manifest: PackManifest): number {
  const have = new Set((saved.contents ?? []).map((file) => `${file.url} ${file.hash}`));
  return manifest.files
    .filter((file) => !have.has(`${file.url} ${file.hash ?? ''}`))
    .reduce((sum, file) => sum + file.bytes, 0);
}

/** Saves the pack again from its published manifest (reusing intact files); records the outcome. */
async function renew(
  pack: SavedPackMeta,
  report: RefreshReport,
  onProgress: (progress: SaveProgress) => void,
): Promise<void> {
  try {
    const manifest = await fetchJson<PackManifest>(`${pack.url}offline.json`);
    const progress = await savePacksLocked([manifest], onProgress, true);
    report.downloaded += progress.downloaded;
    report.updated.push({ ...pack, title: manifest.title });
  } catch (error) {
    report.failed.push({ pack, reason: error instanceof SaveError ? error.reason : 'network' });
  }
}

/** Removes what an interrupted write left: copies without their description, and older copies of a pack. */
async function tidy(): Promise<void> {
  const whole = await savedCopies();
  const keep = new Set<string>();
  const newest = new Set<string>();
  for (const { meta, cacheName } of whole) {
    const key = `${meta.lang}/${meta.slug}`;
    if (newest.has(key)) continue;
    newest.add(key);
    keep.add(cacheName);
  }
  for (const name of await caches.keys())
    if (name.startsWith(`${savedPrefix}pack/`) && !keep.has(name)) await caches.delete(name);
}

/**
 * Compares the saved packs with the published index and updates the changed ones (or, with
 * "update only when I press" and `pressed` false, notes them with their size). Quietly does
 * nothing offline, when nothing is saved, or while another tab or trigger is already at it.
 * Example: `await checkForUpdates({ pressed: false })` on a page load.
 */
export async function checkForUpdates(
  options: { pressed?: boolean; onProgress?: (progress: SaveProgress) => void } = {},
): Promise<RefreshReport> {
  const report = emptyReport();
  if (!('caches' in globalThis) || !navigator.onLine) return report;
  const result = await exclusive(async () => {
    await tidy();
    const saved = await listSaved();
    if (saved.length === 0) return report;
    const index = await fetchJson<VersionIndex>(versionIndexUrl).catch(() => undefined);
    if (!index) return report;
    const apply = options.pressed === true || !updatesOnlyWhenPressed();
    for (const pack of saved) {
      const published = index.packs[`${pack.lang}/${pack.slug}`];
      if (!published) {
        if (!pack.unpublished) await updateMeta(pack.lang, pack.slug, (meta) => ({ ...meta, unpublished: true }));
        report.unpublished.push(pack);
        continue;
      }
      if (published.version === pack.version) {
        // A pack imported from a file is now checked: the published index has its version.
        if (pack.unpublished || pack.pending || pack.fromFile)
          await updateMeta(pack.lang, pack.slug, ({ unpublished: _u, pending: _p, fromFile: _f, ...meta }) => meta);
        if (pack.fromFile) report.checked.push(pack);
        continue;
      }
      if (apply) {
        await renew(pack, report, options.onProgress ?? (() => undefined));
        continue;
      }
      const manifest = await fetchJson<PackManifest>(`${pack.url}offline.json`).catch(() => undefined);
      if (!manifest) continue;
      const pending = { version: published.version, bytes: bytesToDownload(pack, manifest) };
      await updateMeta(pack.lang, pack.slug, ({ unpublished: _u, ...meta }) => ({ ...meta, pending }));
      report.waiting.push({ ...pack, pending });
    }
    return report;
  }, options.pressed !== true);
  return result ?? report;
}

/** A saved pack with a missing or altered file, and which. */
export interface DamagedPack {
  pack: SavedPackMeta;
  urls: string[];
}

/** Checks every file of every saved pack against its size and hash. */
export async function checkSaved(): Promise<DamagedPack[]> {
  const damaged: DamagedPack[] = [];
  const seen = new Set<string>();
  for (const { meta, cacheName } of await savedCopies()) {
    if (seen.has(`${meta.lang}/${meta.slug}`)) continue;
    seen.add(`${meta.lang}/${meta.slug}`);
    const cache = await caches.open(cacheName);
    const urls: string[] = [];
    for (const file of meta.contents ?? []) {
      const blob = await (await cache.match(file.url))?.blob();
      if (!blob || !(await isIntact(blob, file))) urls.push(file.url);
    }
    if (urls.length > 0) damaged.push({ pack: meta, urls });
  }
  return damaged;
}

/** Downloads again what the damaged packs miss (intact files are kept); returns the outcome. */
export async function repair(damaged: readonly DamagedPack[]): Promise<RefreshReport> {
  const report = emptyReport();
  await exclusive(async () => {
    for (const { pack } of damaged) await renew(pack, report, () => undefined);
  });
  return report;
}
