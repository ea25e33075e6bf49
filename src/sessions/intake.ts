/**
 * What POST /api/sessions/ does with a body once the request has passed its checks (size, JSON,
 * token, quota): one log, or a batch of 1 to `maxBatch` judged log by log, stored for the device.
 * Answers the status and JSON body of the contract in src/sessions/README.md; the route only sends it.
 */
import { parseLog } from './log-versions.ts';
import type { SessionLog } from './schema.ts';
import type { DeviceIdentity, SessionStore } from './store.ts';

/** The most logs one request may carry (the outbox sends larger queues in several requests). */
export const maxBatch = 100;

/** An answer to send as JSON. */
export interface IntakeAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** How many logs `value` asks to store, as the per-device quota counts them (a batch past `maxBatch` counts `maxBatch`). */
export function logsClaimed(value: unknown): number {
  return Array.isArray(value) ? Math.min(value.length, maxBatch) : 1;
}

/**
 * Stores the log or batch `value` for `device`. One log: 201 created, 200 duplicate, 409 conflict,
 * 400 invalid. A batch: 200 with one result per log, in order; an invalid log never blocks the others.
 */
export async function takeLogs(
  value: unknown,
  store: SessionStore,
  device: DeviceIdentity,
  receivedAt: Date = new Date(),
): Promise<IntakeAnswer> {
  if (!Array.isArray(value)) {
    const parsed = parseLog(value);
    if (!parsed.success) {
      const errors = parsed.problems;
      return {
        status: 400,
        body: { error: 'invalidLog', message: `The log has ${errors.length} problem(s).`, errors },
      };
    }
    const { status, record } = await store.insert(parsed.data, device.deviceId, device.team.id, receivedAt);
    if (status === 'conflict') return { status: 409, body: { status, clientId: parsed.data.clientId } };
    return { status: status === 'created' ? 201 : 200, body: { status, record } };
  }

  const items: unknown[] = value;
  if (items.length === 0 || items.length > maxBatch) {
    return {
      status: 400,
      body: { error: 'batchSize', message: `Send 1 to ${maxBatch} logs at a time; this batch has ${items.length}.` },
    };
  }
  const checked = items.map((item) => parseLog(item));
  const valid = checked.flatMap((result) => (result.success ? [result.data] : []));
  const stored = (await store.insertBatch(valid, device.deviceId, device.team.id, receivedAt)).values();
  const results = checked.map((result, index) => {
    if (!result.success) return { clientId: clientIdOf(items[index]), status: 'invalid', errors: result.problems };
    const { status, record } = stored.next().value!;
    return status === 'conflict'
      ? { clientId: result.data.clientId, status }
      : { clientId: result.data.clientId, status, record };
  });
  return { status: 200, body: { results } };
}

/** The client id an invalid log claims, so the device can match the answer to it. */
function clientIdOf(item: unknown): SessionLog['clientId'] | null {
  const clientId = item && typeof item === 'object' && 'clientId' in item ? item.clientId : undefined;
  return typeof clientId === 'string' ? clientId : null;
}
