/**
 * Imports a rescue file (src/offline/rescue-file.ts) into the session store: each log exactly
 * once by client id, under the device that made it and that device's team (as the store knows
 * them, never as the file says), upgraded from its schema version like a synced log. A file from
 * an unknown or revoked device (or a revoked team) is refused whole. Used by the reports page and
 * `npm run teams -- import <file>`.
 */
import { rescueFileSchema } from '../offline/rescue-file.ts';
import { parseLog } from './log-versions.ts';
import type { LogProblem } from './schema.ts';
import type { InsertResult, SessionStore } from './store.ts';

/** What became of one log of the file. */
export interface ImportedLog {
  clientId: string | null;
  status: 'created' | 'duplicate' | 'conflict' | 'invalid';
  errors?: LogProblem[];
}

export type ImportAnswer =
  | { ok: true; device: { id: string; name: string; teamId: string }; results: ImportedLog[] }
  | { ok: false; error: 'notARescueFile' | 'unknownDevice' | 'revoked'; message: string };

const batchSize = 100;

const clientIdOf = (log: unknown): string | null =>
  log && typeof log === 'object' && typeof (log as { clientId?: unknown }).clientId === 'string'
    ? (log as { clientId: string }).clientId
    : null;

/** Reads the file's text and stores its logs; never throws for a bad file. */
export async function importRescueFile(store: SessionStore, text: string, now = new Date()): Promise<ImportAnswer> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return {
      ok: false,
      error: 'notARescueFile',
      message: 'This is not a JSON file of unsent logs (the .json file the log page exports).',
    };
  }
  const file = rescueFileSchema.safeParse(json);
  if (!file.success)
    return {
      ok: false,
      error: 'notARescueFile',
      message: 'This JSON is not a file of unsent logs (format "outreach-unsent-logs", version 1).',
    };
  const teams = await store.listTeams();
  const team = teams.find((each) => each.devices.some((device) => device.id === file.data.device.id));
  const device = team?.devices.find((each) => each.id === file.data.device.id);
  if (!team || !device)
    return {
      ok: false,
      error: 'unknownDevice',
      message: `No device ${file.data.device.id} is enrolled here: the file comes from another server, or was altered.`,
    };
  if (device.revokedAt || team.revokedAt) {
    return {
      ok: false,
      error: 'revoked',
      message: `The device ${device.name} (${device.id}) is revoked: its logs are refused. If they are genuine, enrol the phone again and let it send them.`,
    };
  }

  const parsed = file.data.logs.map(({ log }) => ({ log, result: parseLog(log) }));
  const valid = parsed.flatMap(({ result }) => (result.success ? [result.data] : []));
  const stored: InsertResult[] = [];
  for (let start = 0; start < valid.length; start += batchSize) {
    stored.push(...(await store.insertBatch(valid.slice(start, start + batchSize), device.id, team.id, now)));
  }
  let next = 0;
  const results = parsed.map(({ log, result }): ImportedLog => {
    if (!result.success) return { clientId: clientIdOf(log), status: 'invalid', errors: result.problems };
    return { clientId: result.data.clientId, status: stored[next++]!.status };
  });
  return { ok: true, device: { id: device.id, name: device.name, teamId: team.id }, results };
}

/** How many logs of each status an import had. */
export function tally(results: readonly ImportedLog[]): Record<ImportedLog['status'], number> {
  const counts = { created: 0, duplicate: 0, conflict: 0, invalid: 0 };
  for (const { status } of results) counts[status] += 1;
  return counts;
}
