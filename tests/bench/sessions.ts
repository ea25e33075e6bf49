/**
 * Session-log figures for the closing note (not a timed test): prints a table.
 *
 *   npm run build && npm run bench:sessions      # BENCH_OUT_DIR=./dist, BENCH_RUNS=3 by default
 *
 * Valid logs per second and latency with 50 keep-alive connections on loopback, against the built
 * server (POST /api/sessions/ with a device token, one log a request, then batches of 100) and,
 * in the same run, a bare node:http handler doing the same SQLite insert
 * (tests/bench/bare-sessions-server.ts). Each run stops after BENCH_SECONDS (5) or 50,000
 * requests; the table shows the median of the runs. Both servers get a fresh DATA_DIR.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, sqliteFile } from '../../src/sessions/sqlite-store.ts';
import { connections, load, median, outDir, runs, seconds, start, tableRow, type RunResult } from './http-load.ts';

const folder = mkdtempSync(join(tmpdir(), 'bench-sessions-'));
const children: ChildProcess[] = [];
try {
  // One device in each store; the API gets its token through the real enrolment route.
  const [apiData, bareData] = [join(folder, 'api'), join(folder, 'bare')];
  const api = await start([join(outDir, 'server/entry.mjs')], { HOST: '127.0.0.1', PORT: '0', DATA_DIR: apiData });
  children.push(api.child);
  const store = openSqliteStore(sqliteFile(apiData));
  await store.migrate();
  const team = await store.createTeam('Bench', 'team');
  const code = await store.createEnrolmentCode(team.id);
  await store.close();
  if (typeof code === 'string') throw new Error(code);
  const enrolled = await fetch(`http://127.0.0.1:${api.port}/api/enrol/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: code.code, deviceName: 'bench' }),
  });
  const { token } = (await enrolled.json()) as { token: string };
  const bareStore = openSqliteStore(sqliteFile(bareData));
  await bareStore.migrate();
  const bareTeam = await bareStore.createTeam('Bench', 'team');
  const bareCode = await bareStore.createEnrolmentCode(bareTeam.id);
  const bareDevice = typeof bareCode === 'string' ? bareCode : await bareStore.enrol(bareCode.code, 'bench');
  await bareStore.close();
  if (typeof bareDevice === 'string') throw new Error(bareDevice);
  const bare = await start(['--experimental-strip-types', 'tests/bench/bare-sessions-server.ts'], {
    DATA_DIR: bareData,
    BENCH_DEVICE_ID: bareDevice.deviceId,
    BENCH_TEAM_ID: bareTeam.id,
  });
  children.push(bare.child);

  const targets = [
    {
      name: 'API, 1 log a request',
      run: () => load(api.port, '/api/sessions/', { Authorization: `Bearer ${token}` }, 1),
    },
    { name: 'bare node:http + same insert, 1 log a request', run: () => load(bare.port, '/', {}, 1) },
    {
      name: 'API, batches of 100',
      run: () => load(api.port, '/api/sessions/', { Authorization: `Bearer ${token}` }, 100),
    },
  ];
  const results = new Map(targets.map(({ name }) => [name, [] as RunResult[]]));
  // A short warm-up, then the targets take turns so drift on the machine hits each alike.
  await load(api.port, '/api/sessions/', { Authorization: `Bearer ${token}` }, 1);
  for (let run = 0; run < runs; run++) for (const target of targets) results.get(target.name)!.push(await target.run());

  console.log(`\n${connections} connections on loopback, ${runs} runs of ${seconds} s each (medians)\n`);
  console.log('| target | valid logs/s | requests/s | p50 ms | p99 ms | failed |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, rows] of results) console.log(tableRow(name, rows));
  const ratio =
    median(results.get(targets[0]!.name)!.map((row) => row.logsPerSecond)) /
    median(results.get(targets[1]!.name)!.map((row) => row.logsPerSecond));
  console.log(
    `\nAPI / bare handler, 1 log a request: ${ratio.toFixed(2)} (targets: ≥ 1,500 logs/s, p99 ≤ 50 ms, ≥ 0.6 of the bare handler)`,
  );
} finally {
  for (const child of children) child.kill();
  rmSync(folder, { recursive: true, force: true });
}
