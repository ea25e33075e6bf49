/**
 * The PostgreSQL engine of the session store, for a national programme: several app servers behind
 * a load balancer share one database (DATABASE_URL). It runs the same migrations and keeps the same
 * contract as the SQLite engine (tests/unit/store-contract.ts). What SQLite gets from being one
 * synchronous connection, this engine gets from the database: the unique client id makes a log sent
 * to two servers at once one row (ON CONFLICT waits for the other insert to commit), an enrolment
 * code is locked (FOR UPDATE) while it is spent, and migrations take an advisory lock, so four
 * servers starting together migrate once. Logs that arrive together go in one statement
 * (`postgres-logs.ts`, `groupCommitAsync`).
 */
import pg from 'pg';
import { hashToken, newToken } from './credentials.ts';
import { migrations } from './migrations.ts';
import { groupCommitAsync } from './group-commit.ts';
import { insertJobs, rederiveAll, type InsertJob, type Query } from './postgres-logs.ts';
import { computeReport } from './report-sql.ts';
import { reviewLogs } from './review-sql.ts';
import { deviceQuarantinedSql, deviceStatements, rebuildSql } from './summary-sql.ts';
import {
  countLogs,
  listLogs,
  sql,
  toDeviceSummary,
  toIdentity,
  toQuarantine,
  toRecord,
  toTeam,
  type Row,
} from './store-sql.ts';
import type { SessionStore } from './store.ts';
import * as rules from './team-rules.ts';

/**
 * What the rules of `team-rules.ts` need here, where several servers share the database: the code's
 * row locked while it is spent (a second server spending it waits, then sees it used), and one
 * attempt of a key at a time on every server (the count each sees holds every failure before it).
 */
const dialect: rules.Dialect = {
  lockRow: ' FOR UPDATE',
  lockKey: (key) => ({ sql: 'SELECT pg_advisory_xact_lock(hashtext(?))', params: [key] }),
};

/**
 * Turns the portable `?` placeholders into PostgreSQL's `$1..$n` (no `?` is inside a string
 * literal). SQL without parameters (a migration, whose comments may ask questions) is left alone.
 * Example: `numbered('a = ? AND b = ?', 2)` is `a = $1 AND b = $2`.
 */
export function numbered(text: string, parameters: number): string {
  if (parameters === 0) return text;
  let index = 0;
  return text.replace(/\?/g, () => `$${++index}`);
}

/**
 * Recomputes the summary tables from the logs. The lock conflicts with the row locks of inserts,
 * quarantines and releases (not with reports): those in flight finish first, and the new ones
 * wait, then add their logs on top of the rebuilt rows.
 */
async function rebuildSummaries(run: Query): Promise<void> {
  await run('LOCK TABLE report_sums, report_pack_sums, review_totals IN SHARE ROW EXCLUSIVE MODE');
  for (const statement of rebuildSql) await run(statement);
}

/** Opens a pool on `connectionString`; call `migrate()` before anything else. */
export function openPostgresStore(connectionString: string, { poolSize = 10 } = {}): SessionStore {
  // Without a connect timeout a request would hang while the database is unreachable; failing in
  // 10 s answers 500, and the phone keeps the log and sends it again later.
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 10_000 });
  // A pooled connection the server drops while idle (a failover, a restart) must not stop the
  // process; the next query takes a new one.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  let closed = false;

  const query: Query = async (sql, params = []) =>
    (await pool.query<Row>(numbered(sql, params.length), [...params])).rows;

  /** Runs `work` in one transaction on one pooled connection. */
  async function transaction<T>(work: (run: Query) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(begin);
      // One query at a time on the connection, in call order, even when `work` starts several at
      // once (computeReport does): the driver would queue them, but that is deprecated in pg 9.
      let previous: Promise<unknown> = Promise.resolve();
      const result = await work((sql, params = []) => {
        const rows = previous.then(
          async () => (await client.query<Row>(numbered(sql, params.length), [...params])).rows,
        );
        previous = rows.catch(() => undefined);
        return rows;
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError as Error));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /**
   * `transaction`, run again when PostgreSQL ends it as a deadlock's victim (40P01). Inserts lock
   * summary rows in their key order, a quarantine in its query's order: two of them touching the
   * same rows can wait on each other; the database breaks the circle, and the victim, rolled back
   * whole, runs again.
   */
  async function retried<T>(work: (run: Query) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await transaction(work);
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
      }
    }
  }

  /** Quarantines (-1) or releases (1) a device and moves its logs out of or back into the summaries. */
  const setQuarantine = (deviceId: string, sign: 1 | -1, change: Parameters<Query>) =>
    retried(async (run) => {
      const [before] = await run(`${deviceQuarantinedSql} FOR UPDATE`, [deviceId]);
      const [row] = await run(...change);
      if (before && Boolean(before['quarantined_at']) === (sign === 1))
        for (const [statement, values] of deviceStatements(deviceId, sign)) await run(statement, values);
      return toQuarantine(deviceId, row);
    });

  const commitWithOthers = groupCommitAsync((jobs: readonly InsertJob[]) => insertJobs(query, retried, jobs));

  return {
    async migrate() {
      await transaction(async (run) => {
        // One migrator per schema at a time; the others wait, then find nothing left to do.
        await run("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ' session store migrations'))");
        await run(sql.createMigrationsTable);
        const applied = new Set((await run(sql.appliedVersions)).map((row) => Number(row['version'])));
        let summaries = false;
        for (const migration of migrations) {
          if (applied.has(migration.version)) continue;
          if (migration.rederive === true || migration.summaries === true) summaries = true;
          // Without parameters the driver sends the simple protocol, which takes several statements.
          await run(migration.sql);
          if (migration.rederive) await rederiveAll(run);
          await run(sql.recordMigration, [migration.version, migration.name, new Date().toISOString()]);
        }
        if (summaries) await rebuildSummaries(run);
      });
    },

    async createTeam(name, role, now = new Date()) {
      return rules.runAsync(rules.createTeam(name, role, now), query);
    },

    async createEnrolmentCode(teamId, validDays = 7, now = new Date()) {
      const fresh = await rules.freshCode();
      return rules.runAsync(rules.createEnrolmentCode(teamId, fresh, validDays, now), query);
    },

    async enrol(typedCode, deviceName, now = new Date(), limit) {
      const hash = await rules.enrolmentHash(typedCode, deviceName);
      return transaction((run) => rules.runAsync(rules.enrol(hash, deviceName, now, limit, dialect), run));
    },

    async authenticate(token) {
      return toIdentity((await query(sql.deviceByToken, [hashToken(token)]))[0]);
    },

    async revoke(id, now = new Date()) {
      return transaction((run) => rules.runAsync(rules.revoke(id, now), run));
    },

    async startSession(deviceId, maxAgeSeconds, now = new Date()) {
      const sessionId = newToken();
      await query(sql.forgetSessionsBefore, [now.toISOString()]);
      await query(sql.insertSession, [
        hashToken(sessionId),
        deviceId,
        now.toISOString(),
        new Date(now.getTime() + maxAgeSeconds * 1000).toISOString(),
      ]);
      return sessionId;
    },

    async sessionIdentity(sessionId, now = new Date()) {
      return toIdentity((await query(sql.deviceBySession, [hashToken(sessionId)]))[0], now);
    },

    async endSession(sessionId) {
      await query(sql.deleteSession, [hashToken(sessionId)]);
    },

    async retryAfter(limit, now = new Date()) {
      return rules.runAsync(rules.retryAfter(limit, now), query);
    },

    async rememberDelivery(key, keepUntil, now = new Date()) {
      await query(sql.forgetDeliveriesBefore, [now.toISOString()]);
      return (await query(sql.rememberDelivery, [key, keepUntil.toISOString()])).length > 0;
    },

    async listTeams() {
      const devices = (await query(sql.devicesWithSync)).map(toDeviceSummary);
      return (await query(sql.teams)).map((row) => ({
        ...toTeam(row),
        devices: devices.filter((device) => device.teamId === row['id']),
      }));
    },

    async quarantine(deviceId, now = new Date()) {
      return setQuarantine(deviceId, -1, [sql.quarantine, [now.toISOString(), deviceId]]);
    },

    async release(deviceId) {
      return setQuarantine(deviceId, 1, [sql.release, [deviceId]]);
    },

    async rebuildSummaries() {
      await transaction(rebuildSummaries);
    },

    async logsToReview() {
      // One snapshot, as the report: the list reads the flagged totals its quartile rows found, so
      // both must see the same logs even while other servers keep storing them.
      return transaction(reviewLogs, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
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
      return (await query(select, values)).map(toRecord);
    },

    async count(filter = {}) {
      const { sql: select, values } = countLogs(filter);
      return Number((await query(select, values))[0]!['n']);
    },

    async report(filter = {}) {
      // One snapshot for all the report's queries, so its totals and its groups agree even while
      // other servers keep storing logs.
      return transaction((run) => computeReport(run, filter), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    },

    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
