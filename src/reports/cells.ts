/**
 * What a report may show of a count of people. DESIGN.md's safeguarding rule: no group of one to
 * four people can be singled out, so such a count is withheld, and so is every figure that would
 * give it back by subtraction (`disclosure.ts`: threshold rule plus complementary suppression).
 * A withheld count, and a share built on one, is shown and exported as "x" (one mark for both, as
 * Statistics Canada writes it: a second mark would tell a reader which cell is the small one).
 * Zero and the other counts are shown as they are. The raw-log export is the coordinator's and
 * unsuppressed.
 */
import { isSmall } from './disclosure.ts';

export { isSmall };

/** The mark shown instead of a withheld count or share. */
export const suppressed = 'x';

/** A count of people, or a share of them, as a report may show it; null where there is nothing to divide. */
export type Cell = number | typeof suppressed | null;

/**
 * A count of people that no published figure adds up with (a pack's reach, the referrals):
 * `people(3)` is "x", `people(0)` is 0, `people(12)` is 12.
 */
export function people(count: number): Cell {
  return isSmall(count) ? suppressed : count;
}

/**
 * `part / whole` from 0 to 1, or "x" when either is withheld (by default: when either is 1–4),
 * or null when `whole` is 0.
 */
export function share(part: number, whole: number, withheld = isSmall(part) || isSmall(whole)): Cell {
  if (whole === 0) return null;
  if (withheld) return suppressed;
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
