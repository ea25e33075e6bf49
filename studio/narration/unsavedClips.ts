/**
 * A recorded clip not yet saved, kept in the browser (IndexedDB, via `idb`) until it is saved or
 * discarded: closing the slide, reloading the Studio or a crash between "stop" and "save" then
 * loses no take. While recording, the raw take so far is kept every few seconds, so even a tab
 * closed mid-recording leaves what was said. One clip per document and field; a newer recording
 * replaces it.
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
}

/** A recording as the browser made it, not yet decoded, timed or encoded. */
export interface RawTake {
  raw: Blob;
  /** Seconds from the start at which "next sentence" was pressed. */
  marks: number[];
  recordedAt: string;
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

export const keepUnsaved = (key: string, clip: UnsavedClip | RawTake) => attempt((db) => db.put('clips', clip, key));
export const loadUnsaved = (key: string) => attempt((db) => db.get('clips', key));
export const forgetUnsaved = (key: string) => attempt((db) => db.delete('clips', key));
