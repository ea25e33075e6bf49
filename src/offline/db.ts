/**
 * The device's own database (IndexedDB, through `idb`): the outbox of session logs and the
 * device's enrolment. DOM-free, so the page and the service worker open the same database.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LogProblem, SessionLog } from '../sessions/schema.ts';

/** Where a log is on its way to the server. */
export type OutboxState = 'waiting' | 'sending' | 'sent' | 'rejected' | 'conflict';

/** One log in the outbox: written before anything is sent, kept 30 days after it was sent. */
export interface OutboxEntry {
  /** The log's identity, also `log.clientId`: a resend is never a second log. */
  clientId: string;
  log: SessionLog;
  state: OutboxState;
  /** When the log was first saved on this device (ISO). */
  createdAt: string;
  /** When the server accepted it (ISO), for the 30-day history. */
  sentAt?: string;
  /** The server's reasons, for a rejected log. */
  problems?: LogProblem[];
}

/** What the server gave this device when it enrolled (src/sessions/README.md). */
export interface Enrolment {
  token: string;
  deviceId: string;
  team: { id: string; name: string };
  role: 'team' | 'coordinator';
  enrolledAt: string;
}

interface OutreachSchema extends DBSchema {
  outbox: { key: string; value: OutboxEntry; indexes: { state: OutboxState } };
  device: { key: 'enrolment'; value: Enrolment };
}

export type OutreachDB = IDBPDatabase<OutreachSchema>;

let opened: Promise<OutreachDB> | undefined;

/** The database, opened once per page or worker; versioned upgrades go in `upgrade`. */
export function database(): Promise<OutreachDB> {
  opened ??= openDB<OutreachSchema>('outreach', 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'clientId' }).createIndex('state', 'state');
      db.createObjectStore('device');
    },
  });
  return opened;
}
