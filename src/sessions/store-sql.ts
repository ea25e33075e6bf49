/**
 * Rows to objects, and the WHERE clause of a `LogFilter`, for engines that speak SQL with `?`
 * placeholders. The PostgreSQL engine uses them; the SQLite engine has its own copies so far
 * (the same SQL), which could move here.
 */
import { randomBytes } from 'node:crypto';
import type { SessionLog } from './schema.ts';
import type { LogFilter, Role, StoredSessionLog, Team } from './store.ts';

/** A row as a driver returns it: column name → value. */
export type Row = Record<string, unknown>;

/** A new id such as `team-3f9a0c1b2d4e`: 48 random bits, readable in the teams command. */
export const newId = (prefix: string): string => `${prefix}-${randomBytes(6).toString('hex')}`;

export const toTeam = (row: Row): Team => ({
  id: String(row['id']),
  name: String(row['name']),
  role: row['role'] as Role,
  createdAt: String(row['created_at']),
  revokedAt: (row['revoked_at'] as string | null) ?? null,
});

/** A `session_logs` row as the stored log: its JSON, plus who sent it and when it arrived. */
export const toRecord = (row: Row): StoredSessionLog => ({
  ...(JSON.parse(String(row['log'])) as SessionLog),
  receivedAt: String(row['received_at']),
  teamId: String(row['team_id']),
  deviceId: String(row['device_id']),
});

/** `WHERE …` (or nothing) and its values for the logs a filter takes; `limit` is the caller's. */
export function whereLogs(filter: LogFilter): { sql: string; values: (string | number)[] } {
  const conditions: string[] = [];
  const values: (string | number)[] = [];
  const add = (condition: string, value: string | undefined) => {
    if (value === undefined) return;
    conditions.push(condition);
    values.push(value);
  };
  add('team_id = ?', filter.teamId);
  add('device_id = ?', filter.deviceId);
  add('session_date >= ?', filter.from);
  add('session_date <= ?', filter.to);
  add('area_id = ?', filter.areaId);
  add('setting = ?', filter.setting);
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', values };
}
