/**
 * The outbox: every session log is written here before anything is sent, and stays here,
 * with its state, until the server has it (then 30 days more, as a local history).
 * DOM-free; the sync (sync-core.ts) and the form use it.
 */
import type { LogProblem, SessionLog } from '../sessions/schema.ts';
import { canonicalJson } from '../sessions/canonical-json.ts';
import { database, type OutboxEntry, type OutboxState } from './db.ts';

export type { OutboxEntry, OutboxState };

/** How long a sent log stays on the device as history. */
export const historyDays = 30;

/**
 * Saves a log to send, and never in the place of a different log:
 * - a new client id: a new entry;
 * - the same log again (a double tap): the one entry is kept as it is;
 * - `replaces` is its own client id and that entry is rejected: the correction takes its place;
 * - any other entry under that client id (another tab restored the same draft, or the log was
 *   sent already): the log is saved beside it under a new client id from `newId`.
 * `replaces` naming another entry (a conflict saved again under a new id) removes that entry in the same step.
 */
export async function saveLog(
  log: SessionLog,
  replaces?: string,
  now = new Date(),
  newId: () => string = () => crypto.randomUUID(),
): Promise<OutboxEntry> {
  const tx = (await database()).transaction('outbox', 'readwrite');
  const previous = await tx.store.get(log.clientId);
  const correcting = previous && replaces === log.clientId && previous.state === 'rejected';
  if (previous && !correcting && canonicalJson(previous.log) === canonicalJson(log)) {
    await tx.done;
    return previous;
  }
  const saved = previous && !correcting ? { ...log, clientId: newId() } : log;
  const entry: OutboxEntry = {
    clientId: saved.clientId,
    log: saved,
    state: 'waiting',
    createdAt: correcting ? previous.createdAt : now.toISOString(),
  };
  await tx.store.put(entry);
  if (replaces && replaces !== log.clientId) await tx.store.delete(replaces);
  await tx.done;
  return entry;
}

/** Every entry, newest first. */
export async function listLogs(): Promise<OutboxEntry[]> {
  const entries = await (await database()).getAll('outbox');
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Entries in one state, oldest first (the order they are sent in). */
export async function logsIn(state: OutboxState): Promise<OutboxEntry[]> {
  const entries = await (await database()).getAllFromIndex('outbox', 'state', state);
  return entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** What the server said about one log of a batch. */
export type Verdict =
  | { clientId: string; state: 'sent' }
  | { clientId: string; state: 'rejected'; problems: LogProblem[] }
  | { clientId: string; state: 'conflict' }
  | { clientId: string; state: 'waiting' | 'sending' };

/** Moves entries to new states in one transaction; an entry that is gone is skipped. */
export async function setStates(verdicts: readonly Verdict[], now = new Date()): Promise<void> {
  const tx = (await database()).transaction('outbox', 'readwrite');
  for (const verdict of verdicts) {
    const entry = await tx.store.get(verdict.clientId);
    if (!entry) continue;
    const { problems: _old, sentAt: _sent, ...rest } = entry;
    const next: OutboxEntry = { ...rest, state: verdict.state };
    if (verdict.state === 'sent') next.sentAt = now.toISOString();
    if (verdict.state === 'rejected') next.problems = verdict.problems;
    await tx.store.put(next);
  }
  await tx.done;
}

/**
 * Puts back to waiting the logs left "sending" by a sync that never finished (the page was
 * closed, the phone slept). Only the holder of the sync lock calls it, so none is really in flight.
 */
export async function resetInterrupted(): Promise<number> {
  const stuck = await logsIn('sending');
  await setStates(stuck.map((entry) => ({ clientId: entry.clientId, state: 'waiting' })));
  return stuck.length;
}

/** Drops sent logs older than the history window; returns how many. */
export async function pruneSent(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - historyDays * 24 * 3600 * 1000).toISOString();
  const tx = (await database()).transaction('outbox', 'readwrite');
  let pruned = 0;
  for (const entry of await tx.store.index('state').getAll('sent')) {
    if ((entry.sentAt ?? entry.createdAt) < cutoff) {
      await tx.store.delete(entry.clientId);
      pruned += 1;
    }
  }
  await tx.done;
  return pruned;
}
