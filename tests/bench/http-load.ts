/**
 * The load the session benches put on a server: 50 keep-alive connections on loopback, each
 * sending new valid logs back to back until BENCH_SECONDS (5) are up or 50,000 requests are sent.
 * Shared by `sessions.ts` (API beside a bare handler) and `sessions-postgres.ts` (PostgreSQL beside
 * SQLite), so their figures mean the same thing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { unthrottled } from '../e2e/api-helpers.ts';
import { validLog } from '../fixtures/session-logs.ts';

export const root = resolve(import.meta.dirname, '../..');
export const outDir = resolve(root, process.env['BENCH_OUT_DIR'] ?? './dist');
export const runs = Number(process.env['BENCH_RUNS'] ?? 3);
export const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
export const connections = 50;
const maxRequests = 50_000;

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Starts a server process and resolves with its port once it prints `listening on …:<port>`. */
export async function start(
  args: string[],
  env: Record<string, string>,
): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', ...args], {
    cwd: root,
    env: { ...process.env, ...unthrottled, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((done, fail) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (?:http:\/\/127\.0\.0\.1:)?(\d+)/.exec(output);
      if (match) done(Number(match[1]));
    });
    child.once('exit', (code) => fail(new Error(`${args.join(' ')} stopped (${String(code)}): ${output}`)));
  });
  child.stdout.resume();
  return { port, child };
}

function post(
  agent: Agent,
  port: number,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((done, fail) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers },
      },
      (incoming) => {
        incoming.resume();
        incoming.on('end', () => done(incoming.statusCode ?? 0));
      },
    );
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}

export interface RunResult {
  logsPerSecond: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

/** 50 connections, each sending new valid logs back to back until the time or count is up. */
export async function load(
  port: number,
  path: string,
  headers: Record<string, string>,
  logsPerRequest: number,
): Promise<RunResult> {
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
        const body = JSON.stringify(
          logsPerRequest === 1 ? validLog() : Array.from({ length: logsPerRequest }, () => validLog()),
        );
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

/** The table row of a target: medians of its runs. */
export function tableRow(name: string, rows: RunResult[]): string {
  const pick = (key: keyof RunResult) => median(rows.map((row) => row[key]));
  return `| ${name} | ${pick('logsPerSecond').toFixed(0)} | ${pick('requestsPerSecond').toFixed(0)} | ${pick('p50').toFixed(1)} | ${pick('p99').toFixed(1)} | ${pick('failures')} |`;
}
