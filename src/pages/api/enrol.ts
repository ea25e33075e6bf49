/**
 * POST /api/enrol `{ code, deviceName }`: spends a one-time enrolment code and answers the
 * device's token. Failed attempts are limited per client address, so codes cannot be guessed:
 * counted in the session store before the code is tried (a request in flight counts; servers
 * sharing the store share the count), keyed by the client's own address (TRUST_PROXY), not the
 * proxy's, so one guesser does not lock out every phone behind the same proxy.
 */
import type { APIRoute } from 'astro';
import { z } from 'zod';
import { apiError, json, readJsonBody } from '../../sessions/http.ts';
import { describeProblems } from '../../sessions/schema.ts';
import { sessionStore } from '../../sessions/server.ts';
import type { EnrolmentFailure, SessionStore } from '../../sessions/store.ts';

export const prerender = false;

/**
 * Ten failed attempts per address in any ten minutes. Only failures count (a success gives
 * its attempt back): a coordinator enrolling a dozen phones from one office is not slowed, a guesser is.
 */
const enrolmentAttempts = { limit: 10, windowMs: 10 * 60 * 1000 } as const;

const enrolRequestSchema = z.strictObject({
  /** As printed by `npm run teams -- add`, e.g. `ABCD-EFGH`. */
  code: z.string().min(1).max(40),
  /** A name that tells the coordinator which phone this is. */
  deviceName: z.string().trim().min(1).max(100),
});

const refusals: Record<EnrolmentFailure, [error: string, message: string]> = {
  unknown: ['unknownCode', 'This enrolment code is not known; check it or ask a coordinator for a new one.'],
  used: ['usedCode', 'This enrolment code has been used already; ask a coordinator for a new one.'],
  expired: ['expiredCode', 'This enrolment code has expired; ask a coordinator for a new one.'],
  revoked: ['revokedTeam', 'The team of this code has been revoked.'],
};

export const POST: APIRoute = async ({ request, locals }) => {
  const store = await sessionStore();
  const key = `enrol ${locals.clientAddress}`;
  const attempt = await store.limitAttempt(key, enrolmentAttempts.limit, enrolmentAttempts.windowMs);
  if ('retryAfterSeconds' in attempt) {
    const wait = attempt.retryAfterSeconds;
    return apiError(429, 'tooManyAttempts', `Too many failed enrolment attempts; try again in ${Math.ceil(wait / 60)} minute(s).`, { 'Retry-After': String(wait) });
  }
  const answer = await enrol(request, store);
  if (answer.status === 201) await store.uncountAttempt(attempt.id);
  return answer;
};

/** Anything but POST: 405, in JSON like every other answer here. */
export const ALL: APIRoute = () => apiError(405, 'methodNotAllowed', 'Use POST.', { Allow: 'POST' });

async function enrol(request: Request, store: SessionStore): Promise<Response> {
  const body = await readJsonBody(request);
  if (body instanceof Response) return body;
  const parsed = enrolRequestSchema.safeParse(body.value);
  if (!parsed.success) {
    const errors = describeProblems(parsed.error);
    return json(400, { error: 'invalidRequest', message: 'Send { "code", "deviceName" }.', errors });
  }
  const enrolment = await store.enrol(parsed.data.code, parsed.data.deviceName);
  if (typeof enrolment === 'string') return apiError(403, ...refusals[enrolment]);
  return json(201, enrolment);
}
