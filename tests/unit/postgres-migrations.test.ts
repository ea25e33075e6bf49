/**
 * PostgreSQL's migrations: applied once however many servers start together, recorded, and a
 * `rederive` migration fills what it adds from the logs stored before it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { logColumns } from '../../src/sessions/log-columns.ts';
import { migrations } from '../../src/sessions/migrations.ts';
import { openPostgresStore } from '../../src/sessions/postgres-store.ts';
import { canonicalJson } from '../../src/sessions/store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { schemaFactory, testDatabaseUrl } from './postgres-test-db.ts';
import { reportInJs } from './report-contract.ts';
import { enrolDevice } from './store-contract.ts';

const url = testDatabaseUrl();
const schemas = schemaFactory(url);
afterAll(() => schemas.dropAll());

describe('PostgreSQL migrations', () => {
  it('migrates once when several servers start at the same time', async () => {
    const scoped = await schemas.freshUrl();
    const stores = Array.from({ length: 4 }, () => openPostgresStore(scoped, { poolSize: 2 }));
    await Promise.all(stores.map((store) => store.migrate()));
    const db = new pg.Client({ connectionString: scoped });
    await db.connect();
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    await db.end();
    await Promise.all(stores.map((store) => store.close()));
    expect(rows.map((row) => row.version)).toEqual(migrations.map((migration) => migration.version));
  });

  it('keeps the same data when reopened: migrations are recorded, not rerun', async () => {
    const scoped = await schemas.freshUrl();
    const first = openPostgresStore(scoped);
    const device = await enrolDevice(first);
    await first.insert(validLog(), device.deviceId, device.teamId);
    await first.close();
    const again = openPostgresStore(scoped);
    await again.migrate();
    expect(await again.count()).toBe(1);
    await again.close();
  });

  it('fills the derived columns and lesson packs of logs stored before a rederive migration', async () => {
    const rederiving = migrations.findIndex((migration) => migration.rederive);
    expect(rederiving).toBeGreaterThan(0);
    const scoped = await schemas.freshUrl();
    // A store as the migrations before it left it, with logs that have only the columns of then.
    const db = new pg.Client({ connectionString: scoped });
    await db.connect();
    await db.query(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    for (const migration of migrations.slice(0, rederiving)) {
      await db.query(migration.sql);
      await db.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    }
    await db.query("INSERT INTO teams VALUES ('team-old', 'Đội Y Tý', 'team', '2026-01-01T00:00:00.000Z', NULL)");
    await db.query(
      "INSERT INTO devices VALUES ('device-old', 'team-old', 'Phone', 'hash', '2026-01-01T00:00:00.000Z', NULL)",
    );
    const columns = new Set(
      (
        await db.query<{ column_name: string }>(
          "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'session_logs'",
        )
      ).rows.map((row) => row.column_name),
    );
    const logs = [validLog(), { ...validLog(), materials: ['pack-a', 'pack-a', 'pack-b'] }];
    for (const log of logs) {
      const row = Object.entries({
        client_id: log.clientId,
        team_id: 'team-old',
        device_id: 'device-old',
        received_at: '2026-03-01T00:00:00.000Z',
        log: canonicalJson(log),
        ...logColumns(log),
      }).filter(([name]) => columns.has(name));
      await db.query(
        `INSERT INTO session_logs (${row.map(([name]) => name).join(', ')}) VALUES (${row.map((_, index) => `$${index + 1}`).join(', ')})`,
        row.map(([, value]) => value),
      );
    }
    await db.end();

    const store = openPostgresStore(scoped);
    await store.migrate();
    const report = await store.report();
    await store.close();
    expect(report).toEqual(reportInJs(logs, {}));
    expect(report.knowledgeAll.sessions).toBe(2);
    expect(report.materials.map((pack) => pack.material)).toEqual(['fixture-school-pack', 'pack-a', 'pack-b']);
  });
});
