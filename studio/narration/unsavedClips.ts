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
 * tab lost in between, or an edit Sanity never gets, would lose the take. So "Save" moves the
 * copy, marked with the asset it was uploaded as (`savedAs`), to a second slot of the field's
 * (`awaitingKey`): it waits there until Sanity holds the field with that asset and those timings
 * (NarrationInput.tsx), and a later visit offers it again if Sanity does not. A new take goes to
 * the first slot and never replaces a clip waiting there.
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
  /** The asset it was uploaded as by a "Save" whose edit did not reach Sanity; else undefined. */
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

/** The slot where `key`'s clip waits, once uploaded, for Sanity to hold it. */
export const awaitingKey = (key: string) => `${key} (awaiting Sanity)`;

/**
 * Moves `clip` (uploaded: its `savedAs` set) to the field's waiting slot, replacing what waited
 * there, and out of its first slot if it is still there; the other tabs hear it is gone from there.
 */
export async function putAwayUploaded(key: string, clip: UnsavedClip): Promise<void> {
  await attempt(async (db) => {
    const transaction = db.transaction('clips', 'readwrite');
    const kept = await transaction.store.get(key);
    if (kept?.recordedAt === clip.recordedAt) await transaction.store.delete(key);
    await transaction.store.put(clip, awaitingKey(key));
    await transaction.done;
  });
  tell({ key, recordedAt: clip.recordedAt, change: 'forgotten' });
}

/**
 * Moves the clip waiting under `key` back to its first slot (Sanity does not hold it), unless a
 * clip is there already; returns the clip moved, or undefined.
 */
export async function takeBackAwaiting(key: string, recordedAt: string): Promise<UnsavedClip | undefined> {
  return attempt(async (db) => {
    const transaction = db.transaction('clips', 'readwrite');
    const [kept, waiting] = await Promise.all([transaction.store.get(key), transaction.store.get(awaitingKey(key))]);
    if (kept || !waiting || isRawTake(waiting) || waiting.recordedAt !== recordedAt) return undefined;
    await transaction.store.put(waiting, key);
    await transaction.store.delete(awaitingKey(key));
    await transaction.done;
    return waiting;
  });
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

/**
 * Forgets the clip waiting under `key` for Sanity if it was uploaded as `assetId`: the saved
 * narration was removed or edited on purpose, so what Sanity holds is what is meant.
 */
export async function forgetUploaded(key: string, assetId: string): Promise<void> {
  const waiting = await loadUnsaved(awaitingKey(key));
  if (waiting && !isRawTake(waiting) && waiting.savedAs === assetId)
    await forgetUnsaved(awaitingKey(key), waiting.recordedAt);
}

/** Calls `listener` with the changes other tabs make; returns the way to stop. */
export function watchUnsaved(listener: (change: UnsavedChange) => void): () => void {
  const receive = (event: MessageEvent<UnsavedChange>) => listener(event.data);
  channel?.addEventListener('message', receive);
  return () => channel?.removeEventListener('message', receive);
}
