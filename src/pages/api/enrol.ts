/**
 * POST /api/enrol `{ code, deviceName }`: spends a one-time enrolment code and answers the
 * device's token. Failed attempts are limited per client address, so codes cannot be guessed:
 * counted in the session store in the same transaction that tries the code (a request in flight
 * counts; servers sharing the store share the count), keyed by the client's own address
 * (TRUST_PROXY), not the proxy's, so one guesser does not lock out every phone behind the proxy.
 */
import type { APIRoute } from 'astro';
import { z } from 'zod';
import { apiError, json, readJsonBody } from '../../sessions/http.ts';
import { nameSchema } from '../../sessions/names.ts';
import { describeProblems } from '../../sessions/schema.ts';
import { sessionStore } from '../../sessions/server.ts';
import type { AttemptLimit, EnrolmentFailure } from '../../sessions/store.ts';

export const prerender = false;

/**
 * Ten failed attempts per address in any ten minutes. Only failures count: a coordinator enrolling
 * a dozen phones at once from one office is not slowed, a guesser is.
 */
const enrolmentAttempts = { limit: 10, windowMs: 10 * 60 * 1000 } as const;

const enrolRequestSchema = z.strictObject({
  /** As printed by `npm run teams -- add`, e.g. `ABCD-EFGH`. */
  code: z.string().min(1).max(40),
  /** A name that tells the coordinator which phone this is (no control characters: names.ts). */
  deviceName: nameSchema,
});

const refusals: Record<Exclude<EnrolmentFailure, 'tooManyAttempts'>, [error: string, message: string]> = {
  unknown: ['unknownCode', 'This enrolment code is not known; check it or ask a coordinator for a new one.'],
  used: ['usedCode', 'This enrolment code has been used already; ask a coordinator for a new one.'],
  expired: ['expiredCode', 'This enrolment code has expired; ask a coordinator for a new one.'],
  revoked: ['revokedTeam', 'The team of this code has been revoked.'],
};

export const POST: APIRoute = async ({ request, locals }) => {
  const store = await sessionStore();
  const limit: AttemptLimit = { key: `enrol ${locals.clientAddress}`, ...enrolmentAttempts };
  // A cheap look first, so a guesser past the limit costs no scrypt; enrol checks again, atomically.
  const wait = await store.retryAfter(limit);
  if (wait > 0) return tooManyAttempts(wait);
  const body = await readJsonBody(request);
  if (body instanceof Response) return body;
  const parsed = enrolRequestSchema.safeParse(body.value);
  if (!parsed.success) {
    const errors = describeProblems(parsed.error);
    return json(400, { error: 'invalidRequest', message: 'Send { "code", "deviceName" }.', errors });
  }
  const enrolment = await store.enrol(parsed.data.code, parsed.data.deviceName, new Date(), limit);
  if (enrolment === 'tooManyAttempts') return tooManyAttempts(await store.retryAfter(limit));
  if (typeof enrolment === 'string') return apiError(403, ...refusals[enrolment]);
  return json(201, enrolment);
};

function tooManyAttempts(wait: number): Response {
  return apiError(
    429,
    'tooManyAttempts',
    `Too many failed enrolment attempts; try again in ${Math.ceil(wait / 60)} minute(s).`,
    { 'Retry-After': String(Math.max(1, wait)) },
  );
}

/** Anything but POST: 405, in JSON like every other answer here. */
export const ALL: APIRoute = () => apiError(405, 'methodNotAllowed', 'Use POST.', { Allow: 'POST' });
