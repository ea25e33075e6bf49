/**
 * The SQL both engines of the session store run, with `?` placeholders (the PostgreSQL engine
 * numbers them), and the mapping of their rows to objects: one copy, so SQLite and PostgreSQL
 * cannot drift apart. The rules of teams and enrolment that run this SQL are in `team-rules.ts`, once.
 * What differs stays in each engine: SQLite's named-parameter insert with group commit, PostgreSQL's
 * multi-row insert and its locks (`Dialect` of `team-rules.ts`: FOR UPDATE on `codeByHash`).
 */
import { randomBytes } from 'node:crypto';
import type { SessionLog } from './schema.ts';
import type { DeviceIdentity, DeviceSummary, LogFilter, Quarantine, Role, StoredSessionLog, Team } from './store.ts';

/** A row as a driver returns it: column name → value. */
export type Row = Record<string, unknown>;

export const sql = {
  createMigrationsTable:
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  appliedVersions: 'SELECT version FROM schema_migrations',
  recordMigration: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  insertTeam: 'INSERT INTO teams (id, name, role, created_at) VALUES (?, ?, ?, ?)',
  teamRevokedAt: 'SELECT revoked_at FROM teams WHERE id = ?',
  teamById: 'SELECT * FROM teams WHERE id = ?',
  insertCode: 'INSERT INTO enrolment_codes (code_hash, team_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  codeByHash: 'SELECT * FROM enrolment_codes WHERE code_hash = ?',
  spendCode: 'UPDATE enrolment_codes SET used_at = ?, device_id = ? WHERE code_hash = ?',
  insertDevice: 'INSERT INTO devices (id, team_id, name, token_hash, enrolled_at) VALUES (?, ?, ?, ?, ?)',
  deviceByToken: `SELECT d.id, d.name, d.revoked_at AS device_revoked_at, t.id AS team_id, t.name AS team_name, t.role, t.revoked_at AS team_revoked_at
    FROM devices d JOIN teams t ON t.id = d.team_id WHERE d.token_hash = ?`,
  /** Revokes once: a second revoke keeps the first time. Answers the name, or no row. */
  revoke: (table: 'devices' | 'teams') =>
    `UPDATE ${table} SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? RETURNING name`,
  /** Quarantines once: a second quarantine keeps the first time. Answers the name and time, or no row. */
  quarantine:
    'UPDATE devices SET quarantined_at = COALESCE(quarantined_at, ?) WHERE id = ? RETURNING name, quarantined_at',
  release: 'UPDATE devices SET quarantined_at = NULL WHERE id = ? RETURNING name, quarantined_at',
  devicesWithSync: `SELECT d.id, d.team_id, d.name, d.enrolled_at, d.revoked_at, d.quarantined_at, MAX(l.received_at) AS last_sync_at, COUNT(l.client_id) AS logs_sent
    FROM devices d LEFT JOIN session_logs l ON l.device_id = d.id
    GROUP BY d.id, d.team_id, d.name, d.enrolled_at, d.revoked_at, d.quarantined_at ORDER BY d.enrolled_at, d.id`,
  teams: 'SELECT * FROM teams ORDER BY created_at, id',
  insertMaterial: 'INSERT INTO session_log_materials (client_id, material) VALUES (?, ?) ON CONFLICT DO NOTHING',
  logByClientId: 'SELECT * FROM session_logs WHERE client_id = ?',
  insertSession: 'INSERT INTO browser_sessions (id_hash, device_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  deviceBySession: `SELECT d.id, d.name, d.revoked_at AS device_revoked_at, t.id AS team_id, t.name AS team_name, t.role, t.revoked_at AS team_revoked_at, s.expires_at
    FROM browser_sessions s JOIN devices d ON d.id = s.device_id JOIN teams t ON t.id = d.team_id WHERE s.id_hash = ?`,
  deleteSession: 'DELETE FROM browser_sessions WHERE id_hash = ?',
  forgetSessionsBefore: 'DELETE FROM browser_sessions WHERE expires_at <= ?',
  /** Ends the sessions of a revoked device, or of every device of a revoked team. */
  deleteSessionsOf: (kind: 'device' | 'team') =>
    kind === 'device'
      ? 'DELETE FROM browser_sessions WHERE device_id = ?'
      : 'DELETE FROM browser_sessions WHERE device_id IN (SELECT id FROM devices WHERE team_id = ?)',
  insertAttempt: 'INSERT INTO attempts (id, attempt_key, attempted_at) VALUES (?, ?, ?)',
  countAttempts: 'SELECT COUNT(*) AS n FROM attempts WHERE attempt_key = ? AND attempted_at > ?',
  /** The attempt whose expiry lets one more in: the `limit`-th newest (OFFSET limit - 1). */
  nthNewestAttempt:
    'SELECT attempted_at FROM attempts WHERE attempt_key = ? AND attempted_at > ? ORDER BY attempted_at DESC LIMIT 1 OFFSET ?',
  forgetAttemptsBefore: 'DELETE FROM attempts WHERE attempted_at <= ?',
  /** Remembers a delivery; answers a row only when it was not remembered yet. */
  rememberDelivery:
    'INSERT INTO webhook_deliveries (delivery_key, keep_until) VALUES (?, ?) ON CONFLICT (delivery_key) DO NOTHING RETURNING delivery_key',
  forgetDeliveriesBefore: 'DELETE FROM webhook_deliveries WHERE keep_until < ?',
} as const;

/** Seconds until an attempt made at `oldest` leaves a window of `windowMs`: at least 1. */
export const secondsUntilExpiry = (oldest: string | undefined, windowMs: number, now: Date): number =>
  oldest === undefined ? 1 : Math.max(1, Math.ceil((Date.parse(oldest) + windowMs - now.getTime()) / 1000));

/** A row of `sql.deviceByToken` or `sql.deviceBySession` as the device it names, or why not. */
export const toIdentity = (row: Row | undefined, now?: Date): DeviceIdentity | 'unknown' | 'revoked' => {
  if (!row) return 'unknown';
  if (now && String(row['expires_at']) <= now.toISOString()) return 'unknown';
  if (row['device_revoked_at'] || row['team_revoked_at']) return 'revoked';
  return {
    deviceId: String(row['id']),
    deviceName: String(row['name']),
    team: { id: String(row['team_id']), name: String(row['team_name']) },
    role: row['role'] as Role,
  };
};

/** A new id such as `team-3f9a0c1b2d4e`: 48 random bits, readable in the teams command. */
export const newId = (prefix: string): string => `${prefix}-${randomBytes(6).toString('hex')}`;

export const toTeam = (row: Row): Team => ({
  id: String(row['id']),
  name: String(row['name']),
  role: row['role'] as Role,
  createdAt: String(row['created_at']),
  revokedAt: (row['revoked_at'] as string | null) ?? null,
});

/** A row of `sql.devicesWithSync`. */
export const toDeviceSummary = (row: Row): DeviceSummary => ({
  id: String(row['id']),
  teamId: String(row['team_id']),
  name: String(row['name']),
  enrolledAt: String(row['enrolled_at']),
  revokedAt: (row['revoked_at'] as string | null) ?? null,
  quarantinedAt: (row['quarantined_at'] as string | null) ?? null,
  lastSyncAt: (row['last_sync_at'] as string | null) ?? null,
  // COUNT is a bigint in PostgreSQL, which its driver hands over as a string.
  logsSent: Number(row['logs_sent']),
});

/** A `session_logs` row as the stored log: its JSON, plus who sent it and when it arrived. */
export const toRecord = (row: Row): StoredSessionLog => ({
  ...(JSON.parse(String(row['log'])) as SessionLog),
  receivedAt: String(row['received_at']),
  teamId: String(row['team_id']),
  deviceId: String(row['device_id']),
});

/** A row of `sql.quarantine` or `sql.release` as what `quarantine`/`release` answer. */
export const toQuarantine = (id: string, row: Row | undefined): Quarantine | 'unknown' =>
  row ? { id, name: String(row['name']), quarantinedAt: (row['quarantined_at'] as string | null) ?? null } : 'unknown';

/**
 * `WHERE …` (or nothing) and its values for the logs a filter takes. `alias` prefixes the columns
 * (`l` for `session_logs l`); `extra` conditions, without values, go first (a join's condition).
 * The logs of a quarantined device are left out unless the filter includes them.
 */
export function whereLogs(
  filter: LogFilter,
  alias = '',
  extra: readonly string[] = [],
): { sql: string; values: (string | number)[] } {
  const conditions = [...extra];
  const values: (string | number)[] = [];
  const column = alias ? `${alias}.` : '';
  const add = (condition: string, value: string | undefined) => {
    if (value === undefined) return;
    conditions.push(`${column}${condition}`);
    values.push(value);
  };
  add('team_id = ?', filter.teamId);
  add('device_id = ?', filter.deviceId);
  add('session_date >= ?', filter.from);
  add('session_date <= ?', filter.to);
  add('area_id = ?', filter.areaId);
  add('setting = ?', filter.setting);
  add('received_at >= ?', filter.receivedFrom);
  if (!filter.includeQuarantined)
    conditions.push(`${column}device_id NOT IN (SELECT id FROM devices WHERE quarantined_at IS NOT NULL)`);
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', values };
}

/** The logs of `filter`, oldest received first, at most `filter.limit`. */
export function listLogs(filter: LogFilter): { sql: string; values: (string | number)[] } {
  const { sql: where, values } = whereLogs(filter);
  if (filter.limit !== undefined) values.push(Math.max(0, Math.floor(filter.limit)));
  return {
    sql: `SELECT * FROM session_logs ${where} ORDER BY received_at, client_id${filter.limit === undefined ? '' : ' LIMIT ?'}`,
    values,
  };
}

/** How many logs `filter` takes, as the column `n`. */
export function countLogs(filter: LogFilter): { sql: string; values: (string | number)[] } {
  const { sql: where, values } = whereLogs(filter);
  return { sql: `SELECT COUNT(*) AS n FROM session_logs ${where}`, values };
}
