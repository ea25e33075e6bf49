/**
 * Checks that a saved file is the one the build listed: same size and SHA-256. Used when a file
 * is downloaded (a save or a refresh), when a refresh reuses a file already on the device, and
 * when the library checks the saved packs.
 */

/** SHA-256 of a blob, hex, as the build writes it (src/integrations/offline-manifests.ts). */
export async function sha256(blob: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether a blob is the listed file. A file listed without a hash (a search-index file, whose
 * list gives only a total size) cannot be checked and passes.
 */
export async function isIntact(blob: Blob, file: { bytes: number; hash?: string }): Promise<boolean> {
  if (!file.hash) return true;
  return blob.size === file.bytes && (await sha256(blob)) === file.hash;
}

/**
 * Runs `task` while no other tab or trigger writes saved packs (Web Locks where the browser has
 * them). With `ifAvailable`, returns undefined at once when another writer holds the lock:
 * a background check that finds one already running has nothing to add.
 */
export async function exclusive<T>(task: () => Promise<T>, ifAvailable = false): Promise<T | undefined> {
  const locks = (navigator as Partial<Navigator>).locks;
  if (!locks) return task();
  return locks.request('saved-packs', { ifAvailable }, async (lock) => (lock ? task() : undefined));
}
