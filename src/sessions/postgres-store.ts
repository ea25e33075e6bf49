/**
 * The PostgreSQL engine of the session store, for a national programme: several app servers behind
 * a load balancer share one database (DATABASE_URL). It runs the same migrations and keeps the same
 * contract as the SQLite engine (tests/unit/store-contract.ts). What SQLite gets from being one
 * synchronous connection, this engine gets from the database: the unique client id makes a log sent
 * to two servers at once one row (ON CONFLICT waits for the other insert to commit), an enrolment
 * code is locked (FOR UPDATE) while it is spent, and migrations take an advisory lock, so four
 * servers starting together migrate once.
 */
import pg from 'pg';
import { hashEnrolmentCode, hashToken, newEnrolmentCode, newToken, normalizeEnrolmentCode } from './credentials.ts';
import { migrations } from './migrations.ts';
import { insertLogs, rederiveAll, type Query } from './postgres-logs.ts';
import { computeReport } from './report-sql.ts';
import { newId, toRecord, toTeam, whereLogs, type Row } from './store-rows.ts';
import type { DeviceSummary, Role, SessionStore, Team } from './store.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** Turns the portable `?` placeholders into PostgreSQL's `$1..$n` (no `?` is inside a string literal). */
export function numbered(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
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

  const query: Query = async (sql, params = []) => (await pool.query<Row>(numbered(sql), [...params])).rows;

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
        const rows = previous.then(async () => (await client.query<Row>(numbered(sql), [...params])).rows);
        previous = rows.catch(() => undefined);
        return rows;
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  return {
    async migrate() {
      await transaction(async (run) => {
        // One migrator per schema at a time; the others wait, then find nothing left to do.
        await run("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ' session store migrations'))");
        await run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
        const applied = new Set((await run('SELECT version FROM schema_migrations')).map((row) => Number(row['version'])));
        for (const migration of migrations) {
          if (applied.has(migration.version)) continue;
          // Without parameters the driver sends the simple protocol, which takes several statements.
          await run(migration.sql);
          if (migration.rederive) await rederiveAll(run);
          await run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, new Date().toISOString()]);
        }
      });
    },

    async createTeam(name, role, now = new Date()) {
      const team: Team = { id: newId('team'), name, role, createdAt: now.toISOString(), revokedAt: null };
      await query('INSERT INTO teams (id, name, role, created_at) VALUES (?, ?, ?, ?)', [team.id, name, role, team.createdAt]);
      return team;
    },

    async createEnrolmentCode(teamId, validDays = 7, now = new Date()) {
      const [team] = await query('SELECT revoked_at FROM teams WHERE id = ?', [teamId]);
      if (!team) return 'unknown';
      if (team['revoked_at']) return 'revoked';
      const code = newEnrolmentCode();
      const expiresAt = new Date(now.getTime() + validDays * dayMs).toISOString();
      const hash = await hashEnrolmentCode(normalizeEnrolmentCode(code)!);
      await query('INSERT INTO enrolment_codes (code_hash, team_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [hash, teamId, now.toISOString(), expiresAt]);
      return { code, teamId, expiresAt };
    },

    async enrol(typedCode, deviceName, now = new Date()) {
      const normalized = normalizeEnrolmentCode(typedCode);
      if (!normalized) return 'unknown';
      const hash = await hashEnrolmentCode(normalized);
      return transaction(async (run) => {
        // The row lock makes a second server spending the same code wait, then see it used.
        const [code] = await run('SELECT * FROM enrolment_codes WHERE code_hash = ? FOR UPDATE', [hash]);
        if (!code) return 'unknown';
        if (code['used_at']) return 'used';
        if (String(code['expires_at']) <= now.toISOString()) return 'expired';
        const team = toTeam((await run('SELECT * FROM teams WHERE id = ?', [String(code['team_id'])]))[0]!);
        if (team.revokedAt) return 'revoked';
        const token = newToken();
        const deviceId = newId('device');
        await run('INSERT INTO devices (id, team_id, name, token_hash, enrolled_at) VALUES (?, ?, ?, ?, ?)', [deviceId, team.id, deviceName, hashToken(token), now.toISOString()]);
        await run('UPDATE enrolment_codes SET used_at = ?, device_id = ? WHERE code_hash = ?', [now.toISOString(), deviceId, hash]);
        return { token, deviceId, team: { id: team.id, name: team.name }, role: team.role };
      });
    },

    async authenticate(token) {
      const [row] = await query(
        `SELECT d.id, d.name, d.revoked_at AS device_revoked_at, t.id AS team_id, t.name AS team_name, t.role, t.revoked_at AS team_revoked_at
          FROM devices d JOIN teams t ON t.id = d.team_id WHERE d.token_hash = ?`,
        [hashToken(token)],
      );
      if (!row) return 'unknown';
      if (row['device_revoked_at'] || row['team_revoked_at']) return 'revoked';
      return { deviceId: String(row['id']), deviceName: String(row['name']), team: { id: String(row['team_id']), name: String(row['team_name']) }, role: row['role'] as Role };
    },

    async revoke(id, now = new Date()) {
      for (const kind of ['device', 'team'] as const) {
        const table = kind === 'device' ? 'devices' : 'teams';
        const [row] = await query(`UPDATE ${table} SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? RETURNING name`, [now.toISOString(), id]);
        if (row) return { kind, id, name: String(row['name']) };
      }
      return 'unknown';
    },

    async listTeams() {
      const devices = (
        await query(`SELECT d.id, d.team_id, d.name, d.enrolled_at, d.revoked_at, MAX(l.received_at) AS last_sync_at, COUNT(l.client_id) AS logs_sent
          FROM devices d LEFT JOIN session_logs l ON l.device_id = d.id
          GROUP BY d.id, d.team_id, d.name, d.enrolled_at, d.revoked_at ORDER BY d.enrolled_at, d.id`)
      ).map(
        (row): DeviceSummary => ({
          id: String(row['id']),
          teamId: String(row['team_id']),
          name: String(row['name']),
          enrolledAt: String(row['enrolled_at']),
          revokedAt: (row['revoked_at'] as string | null) ?? null,
          lastSyncAt: (row['last_sync_at'] as string | null) ?? null,
          // COUNT is a bigint, which the driver hands over as a string.
          logsSent: Number(row['logs_sent']),
        }),
      );
      return (await query('SELECT * FROM teams ORDER BY created_at, id')).map((row) => ({ ...toTeam(row), devices: devices.filter((device) => device.teamId === row['id']) }));
    },

    async insert(log, deviceId, teamId, receivedAt = new Date()) {
      return (await insertLogs(query, [log], deviceId, teamId, receivedAt.toISOString()))[0]!;
    },

    async insertBatch(logs, deviceId, teamId, receivedAt = new Date()) {
      if (logs.length === 0) return [];
      return insertLogs(query, logs, deviceId, teamId, receivedAt.toISOString());
    },

    async list(filter = {}) {
      const { sql, values } = whereLogs(filter);
      const limit = filter.limit === undefined ? '' : ' LIMIT ?';
      if (filter.limit !== undefined) values.push(Math.max(0, Math.floor(filter.limit)));
      return (await query(`SELECT * FROM session_logs ${sql} ORDER BY received_at, client_id${limit}`, values)).map(toRecord);
    },

    async count(filter = {}) {
      const { sql, values } = whereLogs(filter);
      return Number((await query(`SELECT COUNT(*) AS n FROM session_logs ${sql}`, values))[0]!['n']);
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
