/**
 * Device tokens and enrolment codes. Neither is stored in clear: a token is 32 random bytes, so a
 * plain SHA-256 of it cannot be reversed; an enrolment code is short enough to type (about 40
 * bits), so it is hashed with scrypt, which makes trying every code from a stolen database slow.
 * The scrypt salt is fixed because the hash is also the lookup key.
 */
import { createHash, randomBytes, randomInt, scrypt } from 'node:crypto';

/** A new bearer token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token (hex SHA-256). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Letters and digits nobody confuses when reading a code aloud or off paper: no I, L, O, 0, 1. */
export const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const codeLength = 8;

/** A new enrolment code as shown to people, e.g. `K7QM-3XHP`. */
export function newEnrolmentCode(): string {
  const chars = Array.from({ length: codeLength }, () => codeAlphabet[randomInt(codeAlphabet.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/**
 * The code as typed, reduced to its letters: case, spaces and dashes do not matter, so
 * `k7qm 3xhp` is `K7QM3XHP`. Undefined when it cannot be a code (wrong length or letters).
 */
export function normalizeEnrolmentCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== codeLength || Array.from(code).some((char) => !codeAlphabet.includes(char))) return undefined;
  return code;
}

/** The stored form of a normalized code (hex scrypt, N = 2^14: tens of milliseconds a try). */
export function hashEnrolmentCode(normalized: string): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(normalized, 'laocai-outreach/enrolment-code', 32, { N: 2 ** 14, r: 8, p: 1 }, (error, key) =>
      error ? reject(error) : resolve(key.toString('hex')),
    );
  });
}
