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
 * Where a spreadsheet would start a formula, after OWASP's CSV-injection guidance: a cell whose
 * first character is a tab or a carriage return, or whose first non-blank character (spaces, tabs
 * and line breaks before it do not help) is `=`, `+`, `-` or `@`; and a part after a `;` (the
 * separator of our lists, and the field separator of spreadsheets set to Vietnamese or European
 * conventions) whose first non-blank character is one of those four.
 */
const formulaAtStart = /^(?:[\t\r]|\s*[=+\-@])/;
const formulaAfterSemicolon = /;(\s*)(?=[=+\-@])/g;

/**
 * A spreadsheet cell that cannot run as a formula: an apostrophe (which spreadsheets read as "this
 * is text") in front of the cell, and in front of a part after a `;`, where one could start.
 * Numbers are never touched. Examples: `defuseFormula('=HYPERLINK("x")')` is `'=HYPERLINK("x")`;
 * `defuseFormula(' =1')` is `' =1`; `defuseFormula('Mai; =1+1')` is `Mai; '=1+1`.
 */
export function defuseFormula<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  const parts = value.replace(formulaAfterSemicolon, ";$1'");
  return formulaAtStart.test(parts) ? `'${parts}` : parts;
}
