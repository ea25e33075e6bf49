/**
 * Sends the outbox to the server: one module for the page (src/offline/sync.ts) and the service
 * worker's Background Sync (src/sw/sw.ts), so both follow the same rules. DOM-free.
 *
 * - One sync at a time, across tabs and the worker (Web Locks): a log is never in two requests.
 * - Waiting logs go as arrays of at most 100 (and at most ~200 KB: the server takes 256 KB).
 * - `created` or `duplicate` marks a log sent: the server is idempotent by client id, so a
 *   retry after a lost answer is safe. `invalid` marks it rejected with the server's problems
 *   and never holds back the others; `conflict` marks it as a conflict.
 * - No connection or a 5xx leaves the logs waiting; 401/403 stops until the device enrols again.
 * - A 429 (this device sent too much) leaves them waiting too, and says when to try again: the
 *   server's `Retry-After`, which the scheduler (sync.ts) waits at least.
 */
import type { LogProblem } from '../sessions/schema.ts';
import { getEnrolment } from './device.ts';
import { logsIn, pruneSent, resetInterrupted, setStates, type OutboxEntry, type Verdict } from './outbox.ts';

/** How a sync ended. `waiting` counts the logs still to send. */
export type SyncOutcome =
  | { kind: 'done'; sent: number; rejected: number; conflicts: number; waiting: number }
  | {
      kind: 'offline' | 'server';
      waiting: number;
      /** Seconds the server asked to wait (429 Retry-After). */ retryAfter?: number;
    }
  | { kind: 'notEnrolled' | 'revoked'; waiting: number };

/** The lock, the tag of Background Sync and the channel that tells pages the outbox changed. */
export const syncLock = 'outbox-sync';
export const syncTag = 'outbox-sync';
export const outboxChannel = 'outbox';

export const maxBatch = 100;
const maxBatchBytes = 200_000;
const requestTimeout = 60_000;

interface BatchResult {
  clientId: string;
  status: 'created' | 'duplicate' | 'conflict' | 'invalid';
  errors?: LogProblem[];
}

/** Splits the waiting logs into batches the server takes: ≤ 100 logs, ≤ ~200 KB each. */
export function batches(entries: readonly OutboxEntry[]): OutboxEntry[][] {
  const encoder = new TextEncoder();
  const result: OutboxEntry[][] = [];
  let batch: OutboxEntry[] = [];
  let bytes = 2;
  for (const entry of entries) {
    const size = encoder.encode(JSON.stringify(entry.log)).length + 1;
    if (batch.length > 0 && (batch.length === maxBatch || bytes + size > maxBatchBytes)) {
      result.push(batch);
      batch = [];
      bytes = 2;
    }
    batch.push(entry);
    bytes += size;
  }
  if (batch.length > 0) result.push(batch);
  return result;
}

/** The verdict on each log of a batch from the server's `results`; a log it left out waits. */
function verdicts(batch: readonly OutboxEntry[], results: readonly BatchResult[]): Verdict[] {
  const byId = new Map(results.map((result) => [result.clientId, result]));
  return batch.map(({ clientId }): Verdict => {
    const result = byId.get(clientId);
    if (result?.status === 'created' || result?.status === 'duplicate') return { clientId, state: 'sent' };
    if (result?.status === 'invalid') return { clientId, state: 'rejected', problems: result.errors ?? [] };
    if (result?.status === 'conflict') return { clientId, state: 'conflict' };
    return { clientId, state: 'waiting' };
  });
}

/**
 * A `Retry-After` header in seconds: a number of seconds, or an HTTP date; undefined when absent or
 * unreadable. Example: `retryAfterSeconds('120')` is 120.
 */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Tells the pages (other tabs too) that the outbox changed. */
export function notify(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(outboxChannel);
  channel.postMessage({ type: 'changed' });
  channel.close();
}

async function post(token: string, logs: unknown[], fetcher: typeof fetch): Promise<Response | undefined> {
  try {
    return await fetcher('/api/sessions/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(logs),
      ...('timeout' in AbortSignal ? { signal: AbortSignal.timeout(requestTimeout) } : {}),
    });
  } catch {
    return undefined;
  }
}

async function run(fetcher: typeof fetch): Promise<SyncOutcome> {
  await resetInterrupted();
  const enrolment = await getEnrolment();
  const waitingCount = async () => (await logsIn('waiting')).length;
  if (!enrolment) return { kind: 'notEnrolled', waiting: await waitingCount() };
  const totals = { sent: 0, rejected: 0, conflicts: 0 };
  const tried = new Set<string>();
  // Logs saved while this sync runs are picked up by the next round of the loop.
  for (
    let pending = await logsIn('waiting');
    pending.length > 0;
    pending = (await logsIn('waiting')).filter((entry) => !tried.has(entry.clientId))
  ) {
    for (const batch of batches(pending)) {
      const ids = batch.map(({ clientId }) => clientId);
      for (const id of ids) tried.add(id);
      await setStates(ids.map((clientId) => ({ clientId, state: 'sending' })));
      notify();
      const response = await post(
        enrolment.token,
        batch.map((entry) => entry.log),
        fetcher,
      );
      const results = response?.ok
        ? ((await response.json().catch(() => undefined)) as { results?: BatchResult[] } | undefined)?.results
        : undefined;
      if (!Array.isArray(results)) {
        await setStates(ids.map((clientId) => ({ clientId, state: 'waiting' })));
        notify();
        const kind = !response
          ? 'offline'
          : response.status === 401
            ? 'notEnrolled'
            : response.status === 403
              ? 'revoked'
              : 'server';
        const retryAfter =
          response?.status === 429 ? retryAfterSeconds(response.headers.get('Retry-After')) : undefined;
        return { kind, waiting: await waitingCount(), ...(retryAfter !== undefined && { retryAfter }) };
      }
      const judged = verdicts(batch, results);
      await setStates(judged);
      notify();
      for (const { state } of judged) {
        if (state === 'sent') totals.sent += 1;
        if (state === 'rejected') totals.rejected += 1;
        if (state === 'conflict') totals.conflicts += 1;
      }
    }
  }
  await pruneSent();
  const waiting = await logsIn('waiting');
  // A tried log still waits only when the server's answer missed it: try again later. One saved
  // in the last moment was not tried; the page's next run sends it.
  const missed = waiting.filter((entry) => tried.has(entry.clientId)).length;
  return missed === 0
    ? { kind: 'done', ...totals, waiting: waiting.length }
    : { kind: 'server', waiting: waiting.length };
}

/**
 * Sends every waiting log, one sync at a time on this device.
 * Example: `const outcome = await syncOutbox(); if (outcome.kind === 'offline') retryLater();`
 */
export async function syncOutbox(fetcher: typeof fetch = (...args) => fetch(...args)): Promise<SyncOutcome> {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  if (!locks) return run(fetcher);
  return locks.request(syncLock, () => run(fetcher));
}
