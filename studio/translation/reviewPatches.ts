/**
 * What the translation-status input adds to an editor's change: when a language is marked
 * reviewed, the hash of the Vietnamese it was reviewed against (src/content/sourceHash.ts). Kept
 * apart from the React component so that it is tested without a browser.
 */

/** The shape of Sanity's form patches that matters here (a subset of `FormPatch`). */
export interface StatusPatch {
  readonly type: string;
  readonly path: readonly unknown[];
  readonly value?: unknown;
}

/**
 * `patches` plus a `set` of `sourceHash` to `hash` when one of them marks the language reviewed.
 *
 * @example
 * withSourceHash([{ type: 'set', path: ['status'], value: 'reviewed' }], 'ab12');
 * // [..., { type: 'set', path: ['sourceHash'], value: 'ab12' }]
 */
export function withSourceHash<P extends StatusPatch>(patches: readonly P[], hash: string, make: (hash: string) => P): P[] {
  const marksReviewed = patches.some(
    (patch) => patch.type === 'set' && patch.path.length === 1 && patch.path[0] === 'status' && patch.value === 'reviewed',
  );
  return marksReviewed ? [...patches, make(hash)] : [...patches];
}

/** Today as `YYYY-MM-DD` in the editor's time zone, for `reviewedAt`. */
export function today(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
