/**
 * The embedded engine of the session store: Node's built-in `node:sqlite`, one file in DATA_DIR.
 * WAL lets the server, the teams CLI and tests open the file at once; `synchronous = FULL` makes a
 * log that was answered 201 survive a power cut, since the phone will not send it again, and group
 * commit (`group-commit.ts`) keeps that fsync from limiting how many logs a second it takes.
 * `DatabaseSync` is synchronous, so each method runs whole without another request interleaving.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { hashEnrolmentCode, hashToken, newEnrolmentCode, newToken, normalizeEnrolmentCode } from './credentials.ts';
import { groupCommit } from './group-commit.ts';
import { logColumnNames, logColumns, logMaterials } from './log-columns.ts';
import { migrations } from './migrations.ts';
import { computeReport } from './report-sql.ts';
import type { SessionLog } from './schema.ts';
import { canonicalJson, type InsertResult, type Role, type SessionStore, type Team } from './store.ts';
import { countLogs, listLogs, newId, sql, toDeviceSummary, toRecord, toTeam } from './store-sql.ts';

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

const dayMs = 24 * 60 * 60 * 1000;

/** Opens (and creates) the store in `file`; call `migrate()` before anything else. */
export function openSqliteStore(file: string = sqliteFile()): SessionStore {
  mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  // busy_timeout first: switching a new file to WAL takes a lock, and two processes opening it at
  // once (a server and a test, two servers) failed with "database is locked" instead of waiting.
  db.exec('PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');

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

  /** Writes what reports read of a stored log: its columns (the row exists) and its packs. */
  function rederive(clientId: string, log: SessionLog): void {
    const columns = logColumns(log);
    prepare(`UPDATE session_logs SET ${logColumnNames.map((name) => `${name} = :${name}`).join(', ')} WHERE client_id = :client_id`).run({ ...columns, client_id: clientId });
    for (const material of logMaterials(log)) prepare(sql.insertMaterial).run(clientId, material);
  }

  function insertOne(log: SessionLog, deviceId: string, teamId: string, receivedAt: string): InsertResult {
    const json = canonicalJson(log);
    const row = { client_id: log.clientId, team_id: teamId, device_id: deviceId, received_at: receivedAt, log: json, ...logColumns(log) };
    if (prepare(insertLogSql).run(row).changes === 1) {
      for (const material of logMaterials(log)) prepare(sql.insertMaterial).run(log.clientId, material);
      return { status: 'created', record: toRecord(row) };
    }
    const stored = prepare(sql.logByClientId).get(log.clientId) as Row;
    return { status: stored['log'] === json ? 'duplicate' : 'conflict', record: toRecord(stored) };
  }

  const commitWithOthers = groupCommit((jobs: readonly InsertJob[]) =>
    transaction(() => jobs.map(({ logs, deviceId, teamId, receivedAt }) => logs.map((log) => insertOne(log, deviceId, teamId, receivedAt)))),
  );

  return {
    async migrate() {
      db.exec(sql.createMigrationsTable);
      transaction(() => {
        const applied = new Set(prepare(sql.appliedVersions).all().map((row) => Number(row['version'])));
        for (const migration of migrations) {
          if (applied.has(migration.version)) continue;
          db.exec(migration.sql);
          if (migration.rederive) {
            for (const row of prepare('SELECT client_id, log FROM session_logs').all()) rederive(String(row['client_id']), JSON.parse(String(row['log'])) as SessionLog);
          }
          prepare(sql.recordMigration).run(migration.version, migration.name, new Date().toISOString());
        }
      });
    },

    async createTeam(name, role, now = new Date()) {
      const team: Team = { id: newId('team'), name, role, createdAt: now.toISOString(), revokedAt: null };
      prepare(sql.insertTeam).run(team.id, name, role, team.createdAt);
      return team;
    },

    async createEnrolmentCode(teamId, validDays = 7, now = new Date()) {
      const team = prepare(sql.teamRevokedAt).get(teamId);
      if (!team) return 'unknown';
      if (team['revoked_at']) return 'revoked';
      const code = newEnrolmentCode();
      const expiresAt = new Date(now.getTime() + validDays * dayMs).toISOString();
      const hash = await hashEnrolmentCode(normalizeEnrolmentCode(code)!);
      prepare(sql.insertCode).run(hash, teamId, now.toISOString(), expiresAt);
      return { code, teamId, expiresAt };
    },

    async enrol(typedCode, deviceName, now = new Date()) {
      const normalized = normalizeEnrolmentCode(typedCode);
      if (!normalized) return 'unknown';
      const hash = await hashEnrolmentCode(normalized);
      return transaction(() => {
        const code = prepare(sql.codeByHash).get(hash);
        if (!code) return 'unknown';
        if (code['used_at']) return 'used';
        if (String(code['expires_at']) <= now.toISOString()) return 'expired';
        const team = toTeam(prepare(sql.teamById).get(code['team_id']!) as Row);
        if (team.revokedAt) return 'revoked';
        const token = newToken();
        const deviceId = newId('device');
        prepare(sql.insertDevice).run(deviceId, team.id, deviceName, hashToken(token), now.toISOString());
        prepare(sql.spendCode).run(now.toISOString(), deviceId, hash);
        return { token, deviceId, team: { id: team.id, name: team.name }, role: team.role };
      });
    },

    async authenticate(token) {
      const row = prepare(sql.deviceByToken).get(hashToken(token));
      if (!row) return 'unknown';
      if (row['device_revoked_at'] || row['team_revoked_at']) return 'revoked';
      return { deviceId: String(row['id']), deviceName: String(row['name']), team: { id: String(row['team_id']), name: String(row['team_name']) }, role: row['role'] as Role };
    },

    async revoke(id, now = new Date()) {
      for (const kind of ['device', 'team'] as const) {
        const row = prepare(sql.revoke(kind === 'device' ? 'devices' : 'teams')).get(now.toISOString(), id);
        if (row) return { kind, id, name: String(row['name']) };
      }
      return 'unknown';
    },

    async listTeams() {
      const devices = prepare(sql.devicesWithSync).all().map(toDeviceSummary);
      return prepare(sql.teams)
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
      const { sql: select, values } = listLogs(filter);
      return prepare(select).all(...values).map(toRecord);
    },

    async count(filter = {}) {
      const { sql: select, values } = countLogs(filter);
      return Number(prepare(select).get(...values)!['n']);
    },

    async report(filter = {}) {
      return computeReport(async (sql, params) => prepare(sql).all(...params), filter);
    },

    async close() {
      if (db.isOpen) db.close();
    },
  };
}
