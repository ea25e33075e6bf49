/**
 * What a report may show of a count of people. DESIGN.md's safeguarding rule: no group of one to
 * four people can be singled out, so such a count is shown and exported as "<5"; zero and five
 * or more are shown as they are. A share whose part or whole is such a count is hidden the same
 * way, or it would give the count back. The raw-log export is the coordinator's and unsuppressed.
 */

/** The mark shown instead of a count of 1 to 4 people. */
export const suppressed = '<5';

/** A count of people, or a share of them, as a report may show it; null where there is nothing to divide. */
export type Cell = number | typeof suppressed | null;

/** Whether a count of people is small enough to single someone out. */
export const isSmall = (count: number) => count >= 1 && count <= 4;

/** A count of people: `people(3)` is "<5", `people(0)` is 0, `people(12)` is 12. */
export function people(count: number): Cell {
  return isSmall(count) ? suppressed : count;
}

/** `part / whole` from 0 to 1, or "<5" when either count is 1–4, or null when `whole` is 0. */
export function share(part: number, whole: number): Cell {
  if (whole === 0) return null;
  if (isSmall(part) || isSmall(whole)) return suppressed;
  return part / whole;
}

/**
 * A spreadsheet cell that cannot run as a formula: text starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading apostrophe (OWASP's advice for CSV injection). Numbers are
 * never touched. Example: `defuseFormula('=HYPERLINK("x")')` is `'=HYPERLINK("x")`.
 */
export function defuseFormula<T>(value: T): T | string {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
