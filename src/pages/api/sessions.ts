/**
 * POST /api/sessions: one session log, or a batch of 1 to 100, from an enrolled device.
 * The answers are the contract in src/sessions/README.md; the logs are judged and stored by
 * src/sessions/intake.ts.
 */
import type { APIRoute } from 'astro';
import { authenticateRequest } from '../../sessions/auth.ts';
import { apiError, json, readJsonBody } from '../../sessions/http.ts';
import { logsClaimed, takeLogs } from '../../sessions/intake.ts';
import { createLogQuota, readQuotaEnv, type LogQuota } from '../../sessions/log-quota.ts';
import { sessionStore } from '../../sessions/server.ts';

export const prerender = false;

/** Per-device limits on logs (LOG_QUOTA_PER_HOUR, LOG_BATCHES_PER_MINUTE), read at the first request. */
let quota: LogQuota | undefined;

export const POST: APIRoute = async ({ request }) => {
  const body = await readJsonBody(request);
  if (body instanceof Response) return body;
  const store = await sessionStore();
  const device = await authenticateRequest(request, store);
  if (device instanceof Response) return device;
  quota ??= createLogQuota(readQuotaEnv());
  const overQuota = await quota.check(store, device.deviceId, logsClaimed(body.value));
  if (overQuota) return overQuota;
  const answer = await takeLogs(body.value, store, device);
  return json(answer.status, answer.body);
};

/** Anything but POST: 405, in JSON like every other answer here. */
export const ALL: APIRoute = () => apiError(405, 'methodNotAllowed', 'Use POST.', { Allow: 'POST' });
