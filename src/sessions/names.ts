/**
 * Names of teams and devices: typed by people, shown on the reports page and printed by
 * `npm run teams`. A name may hold any letter of any script, but no control character (NUL
 * included: PostgreSQL cannot store it, and a line break or an escape sequence would let a name
 * forge a line such as "revoked" in the teams list) and no bidirectional override or isolate (which
 * reorders what a terminal or a page shows). The API answers 400, the store refuses, and the
 * command line prints names escaped, so a name stored before this rule cannot forge a line either.
 */
import { z } from 'zod';

/** Characters a name may not hold: C0 and C1 controls, DEL, and bidi overrides and isolates. */
const forbidden = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** Why `name` cannot be a team's or a device's name, or undefined when it can. */
export function nameProblem(name: string): 'empty' | 'tooLong' | 'controlCharacter' | undefined {
  if (forbidden.test(name)) return 'controlCharacter';
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'empty';
  if (trimmed.length > 100) return 'tooLong';
  return undefined;
}

/** A team's or a device's name, trimmed: 1 to 100 characters, none of them a control character. */
export const nameSchema = z
  .string()
  .refine((name) => !forbidden.test(name), { error: 'controlCharacter' })
  .transform((name) => name.trim())
  .pipe(z.string().min(1).max(100));

/** Throws unless `name` may be stored; the store's own check, whatever called it. */
export function assertName(name: string): void {
  const problem = nameProblem(name);
  if (problem) throw new RangeError(`Not a valid name (${problem}): ${escapeName(name)}`);
}

/**
 * A name as a terminal may print it: every forbidden character written as `\u{…}`, so what is
 * printed is exactly what is stored. Example: `escapeName('A\nrevoked')` is `A\u{a}revoked`.
 */
export function escapeName(name: string): string {
  return name.replace(
    new RegExp(forbidden.source, 'gu'),
    (character) => `\\u{${character.codePointAt(0)!.toString(16)}}`,
  );
}
