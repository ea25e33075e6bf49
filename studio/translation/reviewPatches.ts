/**
 * When the translation-status input records the hash of the Vietnamese a review checked
 * (src/content/sourceHash.ts). Kept apart from the React component so that it is tested without
 * a browser.
 */

/**
 * Whether a change of a language's status from `previous` to `next` marks it reviewed, so that the
 * input records the source hash. Sanity sends a field's patches to the form, not to the object's
 * input, so the input watches the value instead of intercepting the patch.
 *
 * @example
 * marksReviewed('needsReview', 'reviewed'); // true
 * marksReviewed('reviewed', 'reviewed'); // false: already reviewed, perhaps against an earlier text
 */
export function marksReviewed(previous: unknown, next: unknown): boolean {
  return previous !== 'reviewed' && next === 'reviewed';
}

/** Today as `YYYY-MM-DD` in the editor's time zone, for `reviewedAt`. */
export function today(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
