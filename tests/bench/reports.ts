/**
 * How long the full report takes over 100,000 generated logs (target ≤ 300 ms at 1,000,000 logs
 * on both engines), all logs and filtered, as the reports page asks for it (`store.report`, the six
 * queries of report-sql.ts over the summary tables), and the list of logs to review
 * (`store.logsToReview`, review-sql.ts, over `review_totals` and the flagged logs alone). The time to store the logs (in
 * batches of 1,000, summaries kept current) is printed too. PostgreSQL runs beside SQLite when TEST_DATABASE_URL is set
 * (`scripts/with-postgres.sh npm run bench:reports`). Prints a table of medians.
 *
 *   npm run bench:reports [-- --logs 100000 --runs 7]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { areas } from '../../src/sessions/places.ts';
import { openPostgresStore } from '../../src/sessions/postgres-store.ts';
import type { ReportFilter } from '../../src/sessions/report-sql.ts';
import { openSqliteStore } from '../../src/sessions/sqlite-store.ts';
import type { SessionStore } from '../../src/sessions/store.ts';
import { todayInLaoCai } from '../../src/sessions/schema.ts';
import { generatedLogs } from '../fixtures/report-logs.ts';

const { values } = parseArgs({
  options: { logs: { type: 'string', default: '100000' }, runs: { type: 'string', default: '7' } },
});
const logCount = Number(values.logs);
const runs = Number(values.runs);

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const daysAgo = (days: number) => todayInLaoCai(new Date(Date.now() - days * 86_400_000));

const filters: [string, ReportFilter][] = [
  ['all logs', {}],
  ['last 90 days', { from: daysAgo(90), to: daysAgo(0) }],
  ['one former district', { areaId: areas[3]!.id }],
  ['district + setting + 90 days', { areaId: areas[3]!.id, setting: 'school', from: daysAgo(90) }],
];

/** Fills `store` with the logs from several devices, in batches as the API would take them. */
async function fill(store: SessionStore): Promise<number> {
  await store.migrate();
  const team = await store.createTeam('Bench team', 'team');
  const code = await store.createEnrolmentCode(team.id);
  if (typeof code === 'string') throw new Error(code);
  const device = await store.enrol(code.code, 'Bench phone');
  if (typeof device === 'string') throw new Error(device);
  const started = performance.now();
  const logs = generatedLogs(logCount, 2026);
  for (let index = 0; index < logs.length; index += 1000)
    await store.insertBatch(logs.slice(index, index + 1000), device.deviceId, team.id);
  return performance.now() - started;
}

async function measure(name: string, store: SessionStore): Promise<string[]> {
  const fillMs = await fill(store);
  const rows: string[] = [];
  for (const [label, filter] of filters) {
    await store.report(filter); // warm the statement cache and the pages
    const samples: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      await store.report(filter);
      samples.push(performance.now() - started);
    }
    rows.push(
      `| ${name} | ${label} | ${median(samples).toFixed(1)} | ${Math.min(...samples).toFixed(1)} | ${Math.max(...samples).toFixed(1)} |`,
    );
  }
  // The reports page also lists the logs far outside the usual range (review-sql.ts) at each load.
  await store.logsToReview();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await store.logsToReview();
    samples.push(performance.now() - started);
  }
  rows.push(
    `| ${name} | logs to review | ${median(samples).toFixed(1)} | ${Math.min(...samples).toFixed(1)} | ${Math.max(...samples).toFixed(1)} |`,
  );
  console.error(`${name}: ${logCount.toLocaleString('en')} logs stored in ${(fillMs / 1000).toFixed(1)} s`);
  await store.close();
  return rows;
}

const folder = mkdtempSync(join(tmpdir(), 'bench-reports-'));
try {
  const rows = await measure('SQLite', openSqliteStore(join(folder, 'sessions.sqlite')));
  const postgres = process.env['TEST_DATABASE_URL'];
  if (postgres) rows.push(...(await measure('PostgreSQL', openPostgresStore(postgres))));
  else console.error('PostgreSQL skipped: set TEST_DATABASE_URL (scripts/with-postgres.sh npm run bench:reports)');
  console.log(`\nFull report over ${logCount.toLocaleString('en')} logs, ${runs} runs each (ms)\n`);
  console.log('| engine | filter | median | min | max |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
