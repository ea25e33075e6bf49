/**
 * POST /api/sessions: one session log, or a batch of 1 to 100, from an enrolled device.
 * The answers are the contract in src/sessions/README.md; each log of a batch is judged alone.
 */
import type { APIRoute } from 'astro';
import { authenticateRequest } from '../../sessions/auth.ts';
import { apiError, json, readJsonBody } from '../../sessions/http.ts';
import { createLogQuota, readQuotaEnv, type LogQuota } from '../../sessions/log-quota.ts';
import { parseLog } from '../../sessions/log-versions.ts';
import type { SessionLog } from '../../sessions/schema.ts';
import { sessionStore } from '../../sessions/server.ts';

export const prerender = false;

/** The most logs one request may carry (the outbox sends larger queues in several requests). */
const maxBatch = 100;
/** Per-device limits on logs (LOG_QUOTA_PER_HOUR, LOG_BATCHES_PER_MINUTE), read at the first request. */
let quota: LogQuota | undefined;

export const POST: APIRoute = async ({ request }) => {
  const body = await readJsonBody(request);
  if (body instanceof Response) return body;
  const store = await sessionStore();
  const device = await authenticateRequest(request, store);
  if (device instanceof Response) return device;
  quota ??= createLogQuota(readQuotaEnv());
  const overQuota = await quota.check(store, device.deviceId, Array.isArray(body.value) ? Math.min(body.value.length, maxBatch) : 1);
  if (overQuota) return overQuota;
  const receivedAt = new Date();

  if (!Array.isArray(body.value)) {
    const parsed = parseLog(body.value);
    if (!parsed.success) {
      const errors = parsed.problems;
      return json(400, { error: 'invalidLog', message: `The log has ${errors.length} problem(s).`, errors });
    }
    const { status, record } = await store.insert(parsed.data, device.deviceId, device.team.id, receivedAt);
    if (status === 'conflict') return json(409, { status, clientId: parsed.data.clientId });
    return json(status === 'created' ? 201 : 200, { status, record });
  }

  const items: unknown[] = body.value;
  if (items.length === 0 || items.length > maxBatch) {
    return apiError(400, 'batchSize', `Send 1 to ${maxBatch} logs at a time; this batch has ${items.length}.`);
  }
  const checked = items.map((item) => parseLog(item));
  const valid = checked.flatMap((result) => (result.success ? [result.data] : []));
  const stored = (await store.insertBatch(valid, device.deviceId, device.team.id, receivedAt)).values();
  const results = checked.map((result, index) => {
    if (!result.success) return { clientId: clientIdOf(items[index]), status: 'invalid', errors: result.problems };
    const { status, record } = stored.next().value!;
    return status === 'conflict' ? { clientId: result.data.clientId, status } : { clientId: result.data.clientId, status, record };
  });
  return json(200, { results });
};

/** Anything but POST: 405, in JSON like every other answer here. */
export const ALL: APIRoute = () => apiError(405, 'methodNotAllowed', 'Use POST.', { Allow: 'POST' });

/** The client id an invalid log claims, so the device can match the answer to it. */
function clientIdOf(item: unknown): SessionLog['clientId'] | null {
  const clientId = item && typeof item === 'object' && 'clientId' in item ? item.clientId : undefined;
  return typeof clientId === 'string' ? clientId : null;
}
