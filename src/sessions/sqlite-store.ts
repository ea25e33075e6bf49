/**
 * The embedded engine of the session store: Node's built-in `node:sqlite`, one file in DATA_DIR.
 * WAL lets the server, the teams CLI and tests open the file at once; `synchronous = FULL` makes a
 * log that was answered 201 survive a power cut, since the phone will not send it again, and group
 * commit (`group-commit.ts`) keeps that fsync from limiting how many logs a second it takes.
 * `DatabaseSync` is synchronous, so each method runs whole without another request interleaving.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { hashToken, newToken } from './credentials.ts';
import { groupCommit } from './group-commit.ts';
import { logColumnNames, logColumns, logMaterials } from './log-columns.ts';
import { migrations } from './migrations.ts';
import { computeReport } from './report-sql.ts';
import type { SessionLog } from './schema.ts';
import { sameStoredLog } from './log-versions.ts';
import { canonicalJson, type InsertResult, type SessionStore } from './store.ts';
import { reviewLogs } from './review-sql.ts';
import {
  deviceQuarantinedSql,
  deviceStatements,
  rebuildSql,
  reviewDeltas,
  summaryDeltas,
  summaryValues,
  upsertSql,
} from './summary-sql.ts';
import { countLogs, listLogs, sql, toDeviceSummary, toIdentity, toQuarantine, toRecord, toTeam } from './store-sql.ts';
import * as rules from './team-rules.ts';

type Row = Record<string, SQLInputValue>;
/** A log just created, as the summaries need it. */
interface Created {
  columns: Record<string, string | number>;
  deviceId: string;
  materials: readonly string[];
}
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

/**
 * The store holds token hashes, facilitators' names and notes: its folder is 0700 and its files
 * 0600 (SQLite makes its -wal and -shm files with the database file's mode), whatever the umask.
 */
function restrictAccess(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  chmodSync(dirname(file), 0o700);
  closeSync(openSync(file, 'a', 0o600));
  for (const each of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(each)) chmodSync(each, 0o600);
}

/** Opens (and creates) the store in `file`; call `migrate()` before anything else. */
export function openSqliteStore(file: string = sqliteFile()): SessionStore {
  restrictAccess(file);
  const db = new DatabaseSync(file);
  // busy_timeout first: switching a new file to WAL takes a lock, and two processes opening it at
  // once (a server and a test, two servers) failed with "database is locked" instead of waiting.
  db.exec(
    'PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;',
  );

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
    prepare(
      `UPDATE session_logs SET ${logColumnNames.map((name) => `${name} = :${name}`).join(', ')} WHERE client_id = :client_id`,
    ).run({ ...columns, client_id: clientId });
    for (const material of logMaterials(log)) prepare(sql.insertMaterial).run(clientId, material);
  }

  /** Stores a log; a created one is added to `created`, for the summaries. */
  function insertOne(
    log: SessionLog,
    deviceId: string,
    teamId: string,
    receivedAt: string,
    created: Created[],
  ): InsertResult {
    const json = canonicalJson(log);
    const columns = logColumns(log);
    const row = {
      client_id: log.clientId,
      team_id: teamId,
      device_id: deviceId,
      received_at: receivedAt,
      log: json,
      ...columns,
    };
    if (prepare(insertLogSql).run(row).changes === 1) {
      const materials = logMaterials(log);
      for (const material of materials) prepare(sql.insertMaterial).run(log.clientId, material);
      created.push({ columns, deviceId, materials });
      return { status: 'created', record: toRecord(row) };
    }
    const stored = prepare(sql.logByClientId).get(log.clientId) as Row;
    return {
      status: sameStoredLog(stored['log'] as string, json) ? 'duplicate' : 'conflict',
      record: toRecord(stored),
    };
  }

  /** Runs a rule of `team-rules.ts`, statement by statement, synchronously. */
  const run = <T>(steps: rules.Steps<T>): T => rules.runSync(steps, (text, params) => prepare(text).all(...params));
  /** One synchronous transaction with BEGIN IMMEDIATE: the rules need no lock of their own here. */
  const dialect: rules.Dialect = { lockRow: '' };

  /** Adds the created logs to the summary tables (in the insert's transaction): the report's of devices not quarantined, the review's of all. */
  function addToSummaries(created: readonly Created[]): void {
    const quarantined = new Map<string, boolean>();
    const isQuarantined = (deviceId: string) => {
      if (!quarantined.has(deviceId))
        quarantined.set(deviceId, Boolean(prepare(deviceQuarantinedSql).get(deviceId)?.['quarantined_at']));
      return quarantined.get(deviceId)!;
    };
    const deltas = {
      ...summaryDeltas(created.filter(({ deviceId }) => !isQuarantined(deviceId))),
      // The review's totals hold every log: it leaves quarantined devices out as it reads.
      review_totals: reviewDeltas(
        created.map(({ deviceId, columns }) => ({ deviceId, total: Number(columns['total']) })),
      ),
    };
    for (const table of ['report_sums', 'report_pack_sums', 'review_totals'] as const)
      for (const row of deltas[table]) prepare(upsertSql(table, 1)).run(...summaryValues(table, row));
  }

  /** Takes a device's logs out of the summaries (-1) or puts them back (1), when its quarantine changed. */
  function adjustDevice(deviceId: string, sign: 1 | -1): void {
    for (const [statement, values] of deviceStatements(deviceId, sign)) prepare(statement).run(...values);
  }

  function rebuildSummaries(): void {
    for (const statement of rebuildSql) prepare(statement).run();
  }

  const commitWithOthers = groupCommit((jobs: readonly InsertJob[]) =>
    transaction(() => {
      const created: Created[] = [];
      const results = jobs.map(({ logs, deviceId, teamId, receivedAt }) =>
        logs.map((log) => insertOne(log, deviceId, teamId, receivedAt, created)),
      );
      addToSummaries(created);
      return results;
    }),
  );

  return {
    async migrate() {
      db.exec(sql.createMigrationsTable);
      transaction(() => {
        const applied = new Set(
          prepare(sql.appliedVersions)
            .all()
            .map((row) => Number(row['version'])),
        );
        let summaries = false;
        for (const migration of migrations) {
          if (applied.has(migration.version)) continue;
          if (migration.rederive === true || migration.summaries === true) summaries = true;
          db.exec(migration.sql);
          if (migration.rederive) {
            for (const row of prepare('SELECT client_id, log FROM session_logs').all())
              rederive(String(row['client_id']), JSON.parse(String(row['log'])) as SessionLog);
          }
          prepare(sql.recordMigration).run(migration.version, migration.name, new Date().toISOString());
        }
        if (summaries) rebuildSummaries();
      });
    },

    async createTeam(name, role, now = new Date()) {
      return run(rules.createTeam(name, role, now));
    },

    async createEnrolmentCode(teamId, validDays = 7, now = new Date()) {
      const fresh = await rules.freshCode();
      return run(rules.createEnrolmentCode(teamId, fresh, validDays, now));
    },

    async enrol(typedCode, deviceName, now = new Date(), limit) {
      const hash = await rules.enrolmentHash(typedCode, deviceName);
      // One synchronous transaction: no other request counts or spends between the check and the record.
      return transaction(() => run(rules.enrol(hash, deviceName, now, limit, dialect)));
    },

    async authenticate(token) {
      return toIdentity(prepare(sql.deviceByToken).get(hashToken(token)));
    },

    async revoke(id, now = new Date()) {
      return transaction(() => run(rules.revoke(id, now)));
    },

    async startSession(deviceId, maxAgeSeconds, now = new Date()) {
      const sessionId = newToken();
      prepare(sql.forgetSessionsBefore).run(now.toISOString());
      prepare(sql.insertSession).run(
        hashToken(sessionId),
        deviceId,
        now.toISOString(),
        new Date(now.getTime() + maxAgeSeconds * 1000).toISOString(),
      );
      return sessionId;
    },

    async sessionIdentity(sessionId, now = new Date()) {
      return toIdentity(prepare(sql.deviceBySession).get(hashToken(sessionId)), now);
    },

    async endSession(sessionId) {
      prepare(sql.deleteSession).run(hashToken(sessionId));
    },

    async retryAfter(limit, now = new Date()) {
      return run(rules.retryAfter(limit, now));
    },

    async rememberDelivery(key, keepUntil, now = new Date()) {
      prepare(sql.forgetDeliveriesBefore).run(now.toISOString());
      return prepare(sql.rememberDelivery).get(key, keepUntil.toISOString()) !== undefined;
    },

    async listTeams() {
      const devices = prepare(sql.devicesWithSync).all().map(toDeviceSummary);
      return prepare(sql.teams)
        .all()
        .map((row) => ({ ...toTeam(row), devices: devices.filter((device) => device.teamId === row['id']) }));
    },

    async quarantine(deviceId, now = new Date()) {
      return transaction(() => {
        const before = prepare(deviceQuarantinedSql).get(deviceId);
        const row = prepare(sql.quarantine).get(now.toISOString(), deviceId);
        if (before && !before['quarantined_at']) adjustDevice(deviceId, -1);
        return toQuarantine(deviceId, row);
      });
    },

    async release(deviceId) {
      return transaction(() => {
        const before = prepare(deviceQuarantinedSql).get(deviceId);
        const row = prepare(sql.release).get(deviceId);
        if (before?.['quarantined_at']) adjustDevice(deviceId, 1);
        return toQuarantine(deviceId, row);
      });
    },

    async rebuildSummaries() {
      transaction(rebuildSummaries);
    },

    async logsToReview() {
      return reviewLogs(async (sql, params) => prepare(sql).all(...params));
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
      return prepare(select)
        .all(...values)
        .map(toRecord);
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
