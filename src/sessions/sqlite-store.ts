/**
 * The embedded engine of the session store: Node's built-in `node:sqlite`, one file in DATA_DIR.
 * WAL lets the server, the teams CLI and tests open the file at once; `synchronous = FULL` makes a
 * log that was answered 201 survive a power cut, since the phone will not send it again, and group
 * commit (`group-commit.ts`) keeps that fsync from limiting how many logs a second it takes.
 * `DatabaseSync` is synchronous, so each method runs whole without another request interleaving.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { hashEnrolmentCode, hashToken, newEnrolmentCode, newToken, normalizeEnrolmentCode } from './credentials.ts';
import { groupCommit } from './group-commit.ts';
import { logColumnNames, logColumns, logMaterials } from './log-columns.ts';
import { migrations } from './migrations.ts';
import { computeReport } from './report-sql.ts';
import type { SessionLog } from './schema.ts';
import {
  canonicalJson,
  type DeviceSummary,
  type InsertResult,
  type LogFilter,
  type Role,
  type SessionStore,
  type StoredSessionLog,
  type Team,
} from './store.ts';

type Row = Record<string, SQLInputValue>;
interface InsertJob {
  logs: readonly SessionLog[];
  deviceId: string;
  teamId: string;
  receivedAt: string;
}

/** Where the store lives: `${DATA_DIR ?? './data'}/sessions.sqlite`. */
export function sqliteFile(dataDir: string = process.env['DATA_DIR'] || './data'): string {
  return join(dataDir, 'sessions.sqlite');
}

const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;
const dayMs = 24 * 60 * 60 * 1000;

const toTeam = (row: Row): Team => ({
  id: String(row['id']),
  name: String(row['name']),
  role: row['role'] as Role,
  createdAt: String(row['created_at']),
  revokedAt: (row['revoked_at'] as string | null) ?? null,
});

const toRecord = (row: Row): StoredSessionLog => ({
  ...(JSON.parse(String(row['log'])) as SessionLog),
  receivedAt: String(row['received_at']),
  teamId: String(row['team_id']),
  deviceId: String(row['device_id']),
});

/** Opens (and creates) the store in `file`; call `migrate()` before anything else. */
export function openSqliteStore(file: string = sqliteFile()): SessionStore {
  mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');

  const statements = new Map<string, StatementSync>();
  /** A prepared statement, kept for the next call with the same SQL. */
  function prepare(sql: string): StatementSync {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  }

  /** Runs `work` in a write transaction, taking the write lock first so two processes queue. */
  function transaction<T>(work: () => T): T {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }

  const insertLogSql = `INSERT INTO session_logs (client_id, team_id, device_id, received_at, log, ${logColumnNames.join(', ')})
    VALUES (:client_id, :team_id, :device_id, :received_at, :log, ${logColumnNames.map((name) => `:${name}`).join(', ')})
    ON CONFLICT (client_id) DO NOTHING`;
  const insertMaterialSql = 'INSERT INTO session_log_materials (client_id, material) VALUES (?, ?) ON CONFLICT DO NOTHING';

  /** Writes what reports read of a stored log: its columns (the row exists) and its packs. */
  function rederive(clientId: string, log: SessionLog): void {
    const columns = logColumns(log);
    prepare(`UPDATE session_logs SET ${logColumnNames.map((name) => `${name} = :${name}`).join(', ')} WHERE client_id = :client_id`).run({ ...columns, client_id: clientId });
    for (const material of logMaterials(log)) prepare(insertMaterialSql).run(clientId, material);
  }

  function insertOne(log: SessionLog, deviceId: string, teamId: string, receivedAt: string): InsertResult {
    const json = canonicalJson(log);
    const row = { client_id: log.clientId, team_id: teamId, device_id: deviceId, received_at: receivedAt, log: json, ...logColumns(log) };
    if (prepare(insertLogSql).run(row).changes === 1) {
      for (const material of logMaterials(log)) prepare(insertMaterialSql).run(log.clientId, material);
      return { status: 'created', record: toRecord(row) };
    }
    const stored = prepare('SELECT * FROM session_logs WHERE client_id = ?').get(log.clientId) as Row;
    return { status: stored['log'] === json ? 'duplicate' : 'conflict', record: toRecord(stored) };
  }

  const commitWithOthers = groupCommit((jobs: readonly InsertJob[]) =>
    transaction(() => jobs.map(({ logs, deviceId, teamId, receivedAt }) => logs.map((log) => insertOne(log, deviceId, teamId, receivedAt)))),
  );

  function where(filter: LogFilter): { sql: string; values: SQLInputValue[] } {
    const conditions: string[] = [];
    const values: SQLInputValue[] = [];
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

  return {
    async migrate() {
      db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      transaction(() => {
        const applied = new Set(prepare('SELECT version FROM schema_migrations').all().map((row) => Number(row['version'])));
        for (const migration of migrations) {
          if (applied.has(migration.version)) continue;
          db.exec(migration.sql);
          if (migration.rederive) {
            for (const row of prepare('SELECT client_id, log FROM session_logs').all()) rederive(String(row['client_id']), JSON.parse(String(row['log'])) as SessionLog);
          }
          prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
        }
      });
    },

    async createTeam(name, role, now = new Date()) {
      const team: Team = { id: newId('team'), name, role, createdAt: now.toISOString(), revokedAt: null };
      prepare('INSERT INTO teams (id, name, role, created_at) VALUES (?, ?, ?, ?)').run(team.id, name, role, team.createdAt);
      return team;
    },

    async createEnrolmentCode(teamId, validDays = 7, now = new Date()) {
      const team = prepare('SELECT revoked_at FROM teams WHERE id = ?').get(teamId);
      if (!team) return 'unknown';
      if (team['revoked_at']) return 'revoked';
      const code = newEnrolmentCode();
      const expiresAt = new Date(now.getTime() + validDays * dayMs).toISOString();
      const hash = await hashEnrolmentCode(normalizeEnrolmentCode(code)!);
      prepare('INSERT INTO enrolment_codes (code_hash, team_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(hash, teamId, now.toISOString(), expiresAt);
      return { code, teamId, expiresAt };
    },

    async enrol(typedCode, deviceName, now = new Date()) {
      const normalized = normalizeEnrolmentCode(typedCode);
      if (!normalized) return 'unknown';
      const hash = await hashEnrolmentCode(normalized);
      return transaction(() => {
        const code = prepare('SELECT * FROM enrolment_codes WHERE code_hash = ?').get(hash);
        if (!code) return 'unknown';
        if (code['used_at']) return 'used';
        if (String(code['expires_at']) <= now.toISOString()) return 'expired';
        const team = toTeam(prepare('SELECT * FROM teams WHERE id = ?').get(code['team_id']!) as Row);
        if (team.revokedAt) return 'revoked';
        const token = newToken();
        const deviceId = newId('device');
        prepare('INSERT INTO devices (id, team_id, name, token_hash, enrolled_at) VALUES (?, ?, ?, ?, ?)').run(deviceId, team.id, deviceName, hashToken(token), now.toISOString());
        prepare('UPDATE enrolment_codes SET used_at = ?, device_id = ? WHERE code_hash = ?').run(now.toISOString(), deviceId, hash);
        return { token, deviceId, team: { id: team.id, name: team.name }, role: team.role };
      });
    },

    async authenticate(token) {
      const row = prepare(`SELECT d.id, d.name, d.revoked_at AS device_revoked_at, t.id AS team_id, t.name AS team_name, t.role, t.revoked_at AS team_revoked_at
          FROM devices d JOIN teams t ON t.id = d.team_id WHERE d.token_hash = ?`)
        .get(hashToken(token));
      if (!row) return 'unknown';
      if (row['device_revoked_at'] || row['team_revoked_at']) return 'revoked';
      return { deviceId: String(row['id']), deviceName: String(row['name']), team: { id: String(row['team_id']), name: String(row['team_name']) }, role: row['role'] as Role };
    },

    async revoke(id, now = new Date()) {
      for (const kind of ['device', 'team'] as const) {
        const table = kind === 'device' ? 'devices' : 'teams';
        const row = prepare(`SELECT name FROM ${table} WHERE id = ?`).get(id);
        if (!row) continue;
        prepare(`UPDATE ${table} SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?`).run(now.toISOString(), id);
        return { kind, id, name: String(row['name']) };
      }
      return 'unknown';
    },

    async listTeams() {
      const devices = prepare(`SELECT d.id, d.team_id, d.name, d.enrolled_at, d.revoked_at, MAX(l.received_at) AS last_sync_at, COUNT(l.client_id) AS logs_sent
          FROM devices d LEFT JOIN session_logs l ON l.device_id = d.id
          GROUP BY d.id, d.team_id, d.name, d.enrolled_at, d.revoked_at ORDER BY d.enrolled_at, d.id`)
        .all()
        .map(
          (row): DeviceSummary => ({
            id: String(row['id']),
            teamId: String(row['team_id']),
            name: String(row['name']),
            enrolledAt: String(row['enrolled_at']),
            revokedAt: (row['revoked_at'] as string | null) ?? null,
            lastSyncAt: (row['last_sync_at'] as string | null) ?? null,
            logsSent: Number(row['logs_sent']),
          }),
        );
      return prepare('SELECT * FROM teams ORDER BY created_at, id')
        .all()
        .map((row) => ({ ...toTeam(row), devices: devices.filter((device) => device.teamId === row['id']) }));
    },

    async insert(log, deviceId, teamId, receivedAt = new Date()) {
      return (await commitWithOthers({ logs: [log], deviceId, teamId, receivedAt: receivedAt.toISOString() }))[0]!;
    },

    async insertBatch(logs, deviceId, teamId, receivedAt = new Date()) {
      if (logs.length === 0) return [];
      return commitWithOthers({ logs, deviceId, teamId, receivedAt: receivedAt.toISOString() });
    },

    async list(filter = {}) {
      const { sql, values } = where(filter);
      const limit = filter.limit === undefined ? '' : ' LIMIT ?';
      if (filter.limit !== undefined) values.push(Math.max(0, Math.floor(filter.limit)));
      return prepare(`SELECT * FROM session_logs ${sql} ORDER BY received_at, client_id${limit}`).all(...values).map(toRecord);
    },

    async count(filter = {}) {
      const { sql, values } = where(filter);
      return Number(prepare(`SELECT COUNT(*) AS n FROM session_logs ${sql}`).get(...values)!['n']);
    },

    async report(filter = {}) {
      return computeReport(async (sql, params) => prepare(sql).all(...params), filter);
    },

    async close() {
      if (db.isOpen) db.close();
    },
  };
}
