/**
 * A recorded clip not yet saved, kept in the browser (IndexedDB, via `idb`) until it is saved or
 * discarded: closing the slide, reloading the Studio or a crash between "stop" and "save" then
 * loses no take. While recording, the raw take so far is kept every few seconds, so even a tab
 * closed mid-recording leaves what was said. One clip per document and field; a newer recording
 * replaces it.
 *
 * Several tabs share the store, so each entry is known by when it was recorded (`recordedAt`):
 * an edit writes only over the same take, a discard or save deletes only that take, and every
 * change is told to the other tabs (BroadcastChannel) so that a tab drops its copy of a take
 * another tab saved. A take being recorded carries a heartbeat (`live`): another tab leaves it
 * alone while the heartbeat is fresh, and takes it up when it stops (the recording tab was lost).
 *
 * Saving does not end the copy at once: the Studio sends its edit a moment after "Save", and a
 * tab lost in between would lose the take. So the copy is marked with the asset it was uploaded
 * as (`savedAs`) and forgotten once Sanity holds the field with that asset (NarrationInput.tsx);
 * a later visit drops a marked copy the document already has, and shows one it has not again.
 *
 * Best effort: where IndexedDB is unavailable (a private window that refuses it), the clip lives
 * on the page only, as before, and nothing fails.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SentenceTiming } from '../../src/content/narration.ts';
import type { TimingSource } from './clip.ts';

export interface UnsavedClip {
  blob: Blob;
  timings: SentenceTiming[];
  found: TimingSource;
  /** When it was recorded or taken from a file (ISO 8601). */
  recordedAt: string;
  /** The asset it was uploaded as, once "Save" uploaded it; until then undefined. */
  savedAs?: string;
}

/** A recording as the browser made it, not yet decoded, timed or encoded. */
export interface RawTake {
  raw: Blob;
  /** Seconds from the start at which "next sentence" was pressed. */
  marks: number[];
  recordedAt: string;
  /** While it is being recorded: when its tab last wrote it (ms since 1970). */
  live?: { keptAt: number };
}

/** A live take whose heartbeat is older than this (ms) was left by a lost tab. */
export const heartbeat = 10_000;

/** Whether `take` is being recorded right now, in some tab. */
export const isBeingRecorded = (take: RawTake, now = Date.now()): boolean =>
  take.live !== undefined && now - take.live.keptAt < heartbeat;

/** What a tab tells the others: the take under `key` was kept or forgotten. */
export interface UnsavedChange {
  key: string;
  recordedAt: string;
  change: 'kept' | 'forgotten';
}

interface Schema extends DBSchema {
  clips: { key: string; value: UnsavedClip | RawTake };
}

export const isRawTake = (kept: UnsavedClip | RawTake): kept is RawTake => 'raw' in kept;

let database: Promise<IDBPDatabase<Schema>> | undefined;
const open = () =>
  (database ??= openDB<Schema>('narration-unsaved', 1, {
    upgrade: (db) => db.createObjectStore('clips'),
  }));

/** Runs `use` on the store; undefined when IndexedDB is not there or refuses. */
async function attempt<T>(use: (db: IDBPDatabase<Schema>) => Promise<T>): Promise<T | undefined> {
  try {
    return await use(await open());
  } catch (error) {
    console.warn('Unsaved narration is kept on this page only:', error);
    return undefined;
  }
}

const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('narration-unsaved');
const tell = (change: UnsavedChange) => channel?.postMessage(change);

/** Keeps `clip` under `key`, whatever was there (a new take replaces the old). */
export async function keepUnsaved(key: string, clip: UnsavedClip | RawTake): Promise<void> {
  await attempt((db) => db.put('clips', clip, key));
  tell({ key, recordedAt: clip.recordedAt, change: 'kept' });
}

/** Writes `clip` over the same take only (an edit); false when that take was saved or replaced elsewhere. */
export async function updateUnsaved(key: string, clip: UnsavedClip): Promise<boolean> {
  const written = await attempt(async (db) => {
    const transaction = db.transaction('clips', 'readwrite');
    const kept = await transaction.store.get(key);
    if (kept?.recordedAt !== clip.recordedAt) return false;
    await transaction.store.put(clip, key);
    await transaction.done;
    return true;
  });
  return written ?? true;
}

/**
 * Writes `clip` (the same take only) marked as uploaded as `assetId`; false when that take is not
 * kept here (another tab replaced it, or IndexedDB refuses).
 */
export async function markUploaded(key: string, clip: UnsavedClip, assetId: string): Promise<boolean> {
  const marked = await attempt(async (db) => {
    const transaction = db.transaction('clips', 'readwrite');
    const kept = await transaction.store.get(key);
    if (kept?.recordedAt !== clip.recordedAt) return false;
    await transaction.store.put({ ...clip, savedAs: assetId }, key);
    await transaction.done;
    return true;
  });
  return marked ?? false;
}

export const loadUnsaved = (key: string) => attempt((db) => db.get('clips', key));

/** Forgets the take recorded at `recordedAt` under `key`; a newer take there stays. */
export async function forgetUnsaved(key: string, recordedAt: string): Promise<void> {
  await attempt(async (db) => {
    const transaction = db.transaction('clips', 'readwrite');
    const kept = await transaction.store.get(key);
    if (kept?.recordedAt === recordedAt) await transaction.store.delete(key);
    await transaction.done;
  });
  tell({ key, recordedAt, change: 'forgotten' });
}

/** Forgets the clip kept under `key` if it is the one uploaded as `assetId` (its narration was removed). */
export async function forgetUploaded(key: string, assetId: string): Promise<void> {
  const kept = await loadUnsaved(key);
  if (kept && !isRawTake(kept) && kept.savedAs === assetId) await forgetUnsaved(key, kept.recordedAt);
}

/** Calls `listener` with the changes other tabs make; returns the way to stop. */
export function watchUnsaved(listener: (change: UnsavedChange) => void): () => void {
  const receive = (event: MessageEvent<UnsavedChange>) => listener(event.data);
  channel?.addEventListener('message', receive);
  return () => channel?.removeEventListener('message', receive);
}
