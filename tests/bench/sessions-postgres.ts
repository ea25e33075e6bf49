/**
 * PostgreSQL beside SQLite, for the closing note (not a timed test): prints a table.
 *
 *   npm run build && npm run bench:sessions:pg   # a throwaway PostgreSQL; BENCH_OUT_DIR=./dist, BENCH_RUNS=3
 *
 * The built server once with the SQLite store (a fresh DATA_DIR) and once with DATABASE_URL (a fresh
 * schema in BENCH_DATABASE_URL, else TEST_DATABASE_URL, which scripts/with-postgres.sh sets), in the
 * same run, taking turns so drift on the machine hits both alike: valid logs per second and latency
 * with 50 connections (tests/bench/http-load.ts), one log a request and batches of 100. Medians of
 * the runs. Both keep a 201 durable: SQLite with synchronous = FULL, PostgreSQL with fsync on.
 * The database runs on the same machine as the server and the load, which favours neither.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgresStore } from '../../src/sessions/postgres-store.ts';
import { openSqliteStore, sqliteFile } from '../../src/sessions/sqlite-store.ts';
import type { SessionStore } from '../../src/sessions/store.ts';
import { schemaFactory } from '../unit/postgres-test-db.ts';
import { connections, load, median, outDir, runs, seconds, start, tableRow, type RunResult } from './http-load.ts';

const url = process.env['BENCH_DATABASE_URL'] || process.env['TEST_DATABASE_URL'];
if (!url)
  throw new Error('No PostgreSQL: run `npm run bench:sessions:pg` (a throwaway one), or set BENCH_DATABASE_URL.');

/** A team and code in `store`, spent through the server's real enrolment route: the device token. */
async function enrolThrough(store: SessionStore, port: number): Promise<string> {
  await store.migrate();
  const team = await store.createTeam('Bench', 'team');
  const code = await store.createEnrolmentCode(team.id);
  await store.close();
  if (typeof code === 'string') throw new Error(code);
  const enrolled = await fetch(`http://127.0.0.1:${port}/api/enrol/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: code.code, deviceName: 'bench' }),
  });
  return ((await enrolled.json()) as { token: string }).token;
}

const folder = mkdtempSync(join(tmpdir(), 'bench-stores-'));
const schemas = schemaFactory(url);
const children: ChildProcess[] = [];
try {
  const server = join(outDir, 'server/entry.mjs');
  const sqlite = await start([server], { HOST: '127.0.0.1', PORT: '0', DATA_DIR: folder });
  children.push(sqlite.child);
  const scoped = await schemas.freshUrl();
  const postgres = await start([server], { HOST: '127.0.0.1', PORT: '0', DATA_DIR: folder, DATABASE_URL: scoped });
  children.push(postgres.child);
  const sqliteToken = await enrolThrough(openSqliteStore(sqliteFile(folder)), sqlite.port);
  const postgresToken = await enrolThrough(openPostgresStore(scoped), postgres.port);
  const api = (port: number, token: string, logs: number) => () =>
    load(port, '/api/sessions/', { Authorization: `Bearer ${token}` }, logs);

  const targets = [
    { name: 'SQLite, 1 log a request', run: api(sqlite.port, sqliteToken, 1) },
    { name: 'PostgreSQL, 1 log a request', run: api(postgres.port, postgresToken, 1) },
    { name: 'SQLite, batches of 100', run: api(sqlite.port, sqliteToken, 100) },
    { name: 'PostgreSQL, batches of 100', run: api(postgres.port, postgresToken, 100) },
  ];
  const results = new Map(targets.map(({ name }) => [name, [] as RunResult[]]));
  // A short warm-up of each, then the targets take turns.
  for (const target of targets.slice(0, 2)) await target.run();
  for (let run = 0; run < runs; run++) for (const target of targets) results.get(target.name)!.push(await target.run());

  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const settings = (
    await db.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers')",
    )
  ).rows;
  await db.end();
  console.log(
    `\n${connections} connections on loopback, one server process each, ${runs} runs of ${seconds} s (medians)`,
  );
  console.log(`PostgreSQL: ${settings.map((row) => `${row.name} ${row.setting}`).join(', ')}\n`);
  console.log('| target | valid logs/s | requests/s | p50 ms | p99 ms | failed |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, rows] of results) console.log(tableRow(name, rows));
  const logsPerSecond = (name: string) => median(results.get(name)!.map((row) => row.logsPerSecond));
  console.log(
    `\nPostgreSQL / SQLite, valid logs/s: ${(logsPerSecond('PostgreSQL, 1 log a request') / logsPerSecond('SQLite, 1 log a request')).toFixed(2)} one log a request, ${(logsPerSecond('PostgreSQL, batches of 100') / logsPerSecond('SQLite, batches of 100')).toFixed(2)} in batches of 100`,
  );
} finally {
  for (const child of children) child.kill();
  await new Promise((done) => setTimeout(done, 500));
  await schemas.dropAll();
  rmSync(folder, { recursive: true, force: true });
}
