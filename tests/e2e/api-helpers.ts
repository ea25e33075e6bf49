/**
 * For the API tests: the built server's session store (the webServer in playwright.config.ts runs
 * with DATA_DIR=<out dir>-data), devices enrolled through the real API, and a second server of
 * its own for tests that change server-wide state (the enrolment rate limit).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type Agent } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type APIRequestContext } from '@playwright/test';
import { openSqliteStore, sqliteFile } from '../../src/sessions/sqlite-store.ts';
import type { Role, SessionStore } from '../../src/sessions/store.ts';

export const root = resolve(import.meta.dirname, '../..');
export const outDir = resolve(root, process.env['E2E_OUT_DIR'] ?? './dist-test');
/** The DATA_DIR the webServer of playwright.config.ts was started with. */
export const dataDir = `${outDir}-data`;
/**
 * Per-device log quotas (src/sessions/log-quota.ts) high enough never to slow a test or a bench
 * that sends thousands of logs from one device; tests/e2e/log-quota.spec.ts sets its own.
 */
export const unthrottled = { LOG_QUOTA_PER_HOUR: '1000000', LOG_BATCHES_PER_MINUTE: '100000' } as const;

/** Runs `work` on the server's store (opened beside the server: WAL allows it). */
export async function withStore<T>(
  work: (store: SessionStore) => Promise<T>,
  file: string = sqliteFile(dataDir),
): Promise<T> {
  const store = openSqliteStore(file);
  try {
    await store.migrate();
    return await work(store);
  } finally {
    await store.close();
  }
}

/** A one-time code for a new team, made straight in the store. */
export async function newCode(
  role: Role = 'team',
  teamName = `Đội thử ${Date.now()}`,
): Promise<{ code: string; teamId: string }> {
  return withStore(async (store) => {
    const team = await store.createTeam(teamName, role);
    const code = await store.createEnrolmentCode(team.id);
    if (typeof code === 'string') throw new Error(code);
    return { code: code.code, teamId: team.id };
  });
}

export interface TestDevice {
  token: string;
  deviceId: string;
  teamId: string;
}

/** A device of a new team (of `role`), enrolled through POST /api/enrol. */
export async function enrolDevice(request: APIRequestContext, role: Role = 'team'): Promise<TestDevice> {
  const { code, teamId } = await newCode(role);
  const response = await request.post('/api/enrol/', { data: { code, deviceName: 'Test phone' } });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { token: string; deviceId: string };
  return { token: body.token, deviceId: body.deviceId, teamId };
}

/** How many logs the server has stored from `deviceId`. */
export function storedCount(deviceId: string): Promise<number> {
  return withStore((store) => store.count({ deviceId }));
}

/** POSTs `body` as JSON (a string must be JSON already) to /api/sessions/ as `device`. */
export function postSessions(
  request: APIRequestContext,
  device: TestDevice | undefined,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return request.post('/api/sessions/', {
    headers: {
      'Content-Type': 'application/json',
      ...(device ? { Authorization: `Bearer ${device.token}` } : {}),
      ...headers,
    },
    data: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * POSTs raw bytes with node:http, for what the request fixture cannot send: invalid JSON under a
 * JSON type (it would wrap it in a JSON string), or a chunked body of no length.
 */
export function rawPost(
  url: string,
  headers: Record<string, string>,
  chunks: readonly (string | Buffer)[],
  agent?: Agent,
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const outgoing = httpRequest(url, { method: 'POST', headers, ...(agent ? { agent } : {}) }, (incoming) => {
      let body = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (body += chunk));
      incoming.on('end', () => done({ status: incoming.statusCode ?? 0, body }));
    });
    outgoing.on('error', fail);
    for (const chunk of chunks) outgoing.write(chunk);
    outgoing.end();
  });
}

/**
 * Starts another built server on a free port with an empty DATA_DIR of its own; `env` adds to its
 * environment (a DATABASE_URL makes it use PostgreSQL instead).
 */
export async function startOwnServer(
  build: string = outDir,
  env: Record<string, string> = {},
): Promise<{ origin: string; dataDir: string; pid: number; stop: () => void }> {
  const ownData = mkdtempSync(join(tmpdir(), 'api-server-'));
  const server: ChildProcess = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', join(build, 'server/entry.mjs')],
    {
      env: { ...process.env, ...unthrottled, HOST: '127.0.0.1', PORT: '0', DATA_DIR: ownData, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const origin = await new Promise<string>((done, fail) => {
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) done(match[1]!);
    });
    server.once('exit', (code) => fail(new Error(`The server stopped (${String(code)}): ${output}`)));
  });
  return {
    origin,
    dataDir: ownData,
    pid: server.pid!,
    stop: () => {
      server.kill();
      rmSync(ownData, { recursive: true, force: true });
    },
  };
}
