/**
 * The rescue file: the unsent logs of a phone (waiting, rejected, conflict) with the device that
 * made them, for the days the network never comes. The phone writes it (the log page's export,
 * through the Web Share API or a download); a coordinator imports it on the reports page or with
 * `npm run teams -- import <file>`. JSON for the server; a CSV beside it, in the raw export's
 * columns, for a person to read. DOM-free, shared by the page and the server.
 */
import { z } from 'zod';
import { logsCsv } from '../reports/exports.ts';
import type { OutboxEntry } from './db.ts';
import type { Enrolment } from './db.ts';

export const rescueFormat = 'outreach-unsent-logs';

/** The outbox states a rescue file carries: every log the server does not hold yet. */
export const unsentStates = ['waiting', 'sending', 'rejected', 'conflict'] as const;

/** The file as the server reads it; each log is judged alone later (parseLog), so it is `unknown` here. */
export const rescueFileSchema = z.object({
  format: z.literal(rescueFormat),
  version: z.literal(1),
  exportedAt: z.string(),
  device: z.object({ id: z.string().min(1), teamId: z.string().min(1), teamName: z.string() }),
  logs: z.array(z.object({ state: z.string(), createdAt: z.string(), log: z.unknown() })).max(10_000),
});

export type RescueFile = z.infer<typeof rescueFileSchema>;

/** The logs of the outbox that a rescue file takes, oldest first. */
export function unsentEntries(entries: readonly OutboxEntry[]): OutboxEntry[] {
  return entries
    .filter((entry) => (unsentStates as readonly string[]).includes(entry.state))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The JSON rescue file of `entries` (already the unsent ones) made by this device. */
export function rescueJson(
  enrolment: Pick<Enrolment, 'deviceId' | 'team'>,
  entries: readonly OutboxEntry[],
  now = new Date(),
): string {
  const file: RescueFile = {
    format: rescueFormat,
    version: 1,
    exportedAt: now.toISOString(),
    device: { id: enrolment.deviceId, teamId: enrolment.team.id, teamName: enrolment.team.name },
    logs: entries.map((entry) => ({ state: entry.state, createdAt: entry.createdAt, log: entry.log })),
  };
  return JSON.stringify(file, null, 1);
}

/** The same logs as CSV, in the raw export's columns; `received_at` stays empty (not received yet). */
export function rescueCsv(enrolment: Pick<Enrolment, 'deviceId' | 'team'>, entries: readonly OutboxEntry[]): string {
  return logsCsv(
    entries.map((entry) => ({ ...entry.log, receivedAt: '', teamId: enrolment.team.id, deviceId: enrolment.deviceId })),
  );
}

/** The files' names: the day and the device, so two phones' files never overwrite each other. */
export function rescueFileName(enrolment: Pick<Enrolment, 'deviceId'>, now: Date, extension: 'json' | 'csv'): string {
  return `unsent-logs-${now.toISOString().slice(0, 10)}-${enrolment.deviceId}.${extension}`;
}
