/**
 * POST /api/enrol `{ code, deviceName }`: spends a one-time enrolment code and answers the
 * device's token. Failed attempts are limited per client address, so codes cannot be guessed.
 */
import type { APIRoute } from 'astro';
import { z } from 'zod';
import { apiError, checkOrigin, json, readJsonBody } from '../../sessions/http.ts';
import { nameSchema } from '../../sessions/names.ts';
import { createRateLimiter } from '../../sessions/rate-limit.ts';
import { describeProblems } from '../../sessions/schema.ts';
import { sessionStore } from '../../sessions/server.ts';
import type { EnrolmentFailure } from '../../sessions/store.ts';

export const prerender = false;

/**
 * Ten failed attempts per address in ten minutes. Only failures count: a coordinator enrolling a
 * dozen phones from one office connection is not slowed, a guesser is.
 */
const failures = createRateLimiter(10, 10 * 60 * 1000);

const enrolRequestSchema = z.strictObject({
  /** As printed by `npm run teams -- add`, e.g. `ABCD-EFGH`. */
  code: z.string().min(1).max(40),
  /** A name that tells the coordinator which phone this is (no control characters: names.ts). */
  deviceName: nameSchema,
});

const refusals: Record<EnrolmentFailure, [error: string, message: string]> = {
  unknown: ['unknownCode', 'This enrolment code is not known; check it or ask a coordinator for a new one.'],
  used: ['usedCode', 'This enrolment code has been used already; ask a coordinator for a new one.'],
  expired: ['expiredCode', 'This enrolment code has expired; ask a coordinator for a new one.'],
  revoked: ['revokedTeam', 'The team of this code has been revoked.'],
};

export const POST: APIRoute = async ({ request, url, clientAddress }) => {
  const refused = checkOrigin(request, url, import.meta.env.SITE);
  if (refused) return refused;
  const wait = failures.retryAfter(clientAddress);
  if (wait > 0) return apiError(429, 'tooManyAttempts', `Too many failed enrolment attempts; try again in ${Math.ceil(wait / 60)} minute(s).`, { 'Retry-After': String(wait) });

  const answer = await enrol(request);
  if (answer.status !== 201) failures.record(clientAddress);
  return answer;
};

/** Anything but POST: 405, in JSON like every other answer here. */
export const ALL: APIRoute = () => apiError(405, 'methodNotAllowed', 'Use POST.', { Allow: 'POST' });

async function enrol(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (body instanceof Response) return body;
  const parsed = enrolRequestSchema.safeParse(body.value);
  if (!parsed.success) {
    const errors = describeProblems(parsed.error);
    return json(400, { error: 'invalidRequest', message: 'Send { "code", "deviceName" }.', errors });
  }
  const enrolment = await (await sessionStore()).enrol(parsed.data.code, parsed.data.deviceName);
  if (typeof enrolment === 'string') return apiError(403, ...refusals[enrolment]);
  return json(201, enrolment);
}
