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
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openSqliteStore, sqliteFile } from '../../src/sessions/sqlite-store.ts';
import { validLog } from '../fixtures/session-logs.ts';

const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(root, process.env['BENCH_OUT_DIR'] ?? './dist');
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
const connections = 50;
const maxRequests = 50_000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Starts a server process and resolves with its port once it prints `listening on …:<port>`. */
async function start(args: string[], env: Record<string, string>): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((done, fail) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (?:http:\/\/127\.0\.0\.1:)?(\d+)/.exec(output);
      if (match) done(Number(match[1]));
    });
    child.once('exit', (code) => fail(new Error(`${args.join(' ')} stopped (${code}): ${output}`)));
  });
  child.stdout!.resume();
  return { port, child };
}

function post(agent: Agent, port: number, path: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers } }, (incoming) => {
      incoming.resume();
      incoming.on('end', () => done(incoming.statusCode ?? 0));
    });
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}

interface RunResult {
  logsPerSecond: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

/** 50 connections, each sending new valid logs back to back until the time or count is up. */
async function load(port: number, path: string, headers: Record<string, string>, logsPerRequest: number): Promise<RunResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let failures = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline && sent < maxRequests) {
        sent += 1;
        const body = JSON.stringify(logsPerRequest === 1 ? validLog() : Array.from({ length: logsPerRequest }, () => validLog()));
        const before = performance.now();
        const status = await post(agent, port, path, body, headers);
        latencies.push(performance.now() - before);
        if (status !== 201 && status !== 200) failures += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const ok = latencies.length - failures;
  return {
    logsPerSecond: (ok * logsPerRequest) / elapsed,
    requestsPerSecond: latencies.length / elapsed,
    p50: latencies[Math.floor(latencies.length * 0.5)]!,
    p99: latencies[Math.floor(latencies.length * 0.99)]!,
    failures,
  };
}

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
  const enrolled = await fetch(`http://127.0.0.1:${api.port}/api/enrol/`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: code.code, deviceName: 'bench' }) });
  const { token } = (await enrolled.json()) as { token: string };
  const bareStore = openSqliteStore(sqliteFile(bareData));
  await bareStore.migrate();
  const bareTeam = await bareStore.createTeam('Bench', 'team');
  const bareCode = await bareStore.createEnrolmentCode(bareTeam.id);
  const bareDevice = typeof bareCode === 'string' ? bareCode : await bareStore.enrol(bareCode.code, 'bench');
  await bareStore.close();
  if (typeof bareDevice === 'string') throw new Error(bareDevice);
  const bare = await start(['--experimental-strip-types', 'tests/bench/bare-sessions-server.ts'], { DATA_DIR: bareData, BENCH_DEVICE_ID: bareDevice.deviceId, BENCH_TEAM_ID: bareTeam.id });
  children.push(bare.child);

  const targets = [
    { name: 'API, 1 log a request', run: () => load(api.port, '/api/sessions/', { Authorization: `Bearer ${token}` }, 1) },
    { name: 'bare node:http + same insert, 1 log a request', run: () => load(bare.port, '/', {}, 1) },
    { name: 'API, batches of 100', run: () => load(api.port, '/api/sessions/', { Authorization: `Bearer ${token}` }, 100) },
  ];
  const results = new Map(targets.map(({ name }) => [name, [] as RunResult[]]));
  // A short warm-up, then the targets take turns so drift on the machine hits each alike.
  await load(api.port, '/api/sessions/', { Authorization: `Bearer ${token}` }, 1);
  for (let run = 0; run < runs; run++) for (const target of targets) results.get(target.name)!.push(await target.run());

  console.log(`\n${connections} connections on loopback, ${runs} runs of ${seconds} s each (medians)\n`);
  console.log('| target | valid logs/s | requests/s | p50 ms | p99 ms | failed |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, rows] of results) {
    const pick = (key: keyof RunResult) => median(rows.map((row) => row[key]));
    console.log(`| ${name} | ${pick('logsPerSecond').toFixed(0)} | ${pick('requestsPerSecond').toFixed(0)} | ${pick('p50').toFixed(1)} | ${pick('p99').toFixed(1)} | ${pick('failures')} |`);
  }
  const ratio = median(results.get(targets[0]!.name)!.map((row) => row.logsPerSecond)) / median(results.get(targets[1]!.name)!.map((row) => row.logsPerSecond));
  console.log(`\nAPI / bare handler, 1 log a request: ${ratio.toFixed(2)} (targets: ≥ 1,500 logs/s, p99 ≤ 50 ms, ≥ 0.6 of the bare handler)`);
} finally {
  for (const child of children) child.kill();
  rmSync(folder, { recursive: true, force: true });
}
