/**
 * For the session-log browser tests: enrolment codes from the teams CLI, enrolling and filling
 * the form as a person does, and reading or seeding the phone's outbox (IndexedDB `outreach`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { SessionLog } from '../../src/sessions/schema.ts';
import { sqliteFile } from '../../src/sessions/sqlite-store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { dataDir, outDir, root, unthrottled, withStore } from './api-helpers.ts';

/** A new team and its one-time code, from `npm run teams -- add`, on the store in `dataDir`. */
export function teamCode(dataDir: string, team = `Đội Y Tý ${Date.now()}`): string {
  const output = execFileSync('npm', ['run', '--silent', 'teams', '--', 'add', team], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  const code = /Enrolment code: (\S+)/.exec(output)?.[1];
  if (!code) throw new Error(`no code in: ${output}`);
  return code;
}

/** The logs a server holds from a device, by client id (the webServer's store unless `data` says). */
export const storedIds = (device: string, data = dataDir) =>
  withStore(
    async (store) => (await store.list({ deviceId: device })).map((record) => record.clientId),
    sqliteFile(data),
  );

/** A log from two years ago: valid when it was typed, refused by the server now. */
export function staleLog(): SessionLog {
  const log = validLog(new Date(Date.now() - 2 * 365 * 24 * 3600 * 1000));
  return { ...log, place: { ...log.place, venue: 'Điểm trường Tả Van' } };
}

/** Enrols the device on the open /en/log/ page and waits for the form. */
export async function enrolDevice(
  page: Page,
  code: string,
  team: RegExp | string = /This device belongs to the team/,
): Promise<void> {
  await page.getByLabel('Enrolment code').fill(code);
  await page.getByLabel('Device name').fill('Phone of team Y Tý');
  await page.getByRole('button', { name: 'Enrol', exact: true }).click();
  await expect(page.getByText(team)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'New log' })).toBeVisible();
  // Once enrolled (and online) the phone keeps the log page for the days without signal.
  await expect(page.locator('html')).toHaveAttribute('data-log-page-saved', 'true', { timeout: 30_000 });
}

/** Fills the English form with a valid log of `total` people, all of one band. */
export async function fillLog(page: Page, venue: string, total = 3): Promise<void> {
  await page.getByLabel('Start time').fill('09:30');
  await page.getByLabel('Duration (minutes)').fill('45');
  await page.getByLabel('Commune or ward').selectOption('xa-y-ty');
  await page.getByLabel('Venue').fill(venue);
  await page.getByRole('radio', { name: 'School', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Lower-secondary students' }).check();
  await page.getByRole('checkbox', { name: 'Hmoob' }).check();
  await page.getByLabel('Facilitators').fill('Lò Thị Mai');
  await page.getByLabel('Total attending').fill(String(total));
  await page.getByRole('group', { name: 'By sex' }).getByLabel('Female').fill(String(total));
  await page.getByRole('group', { name: 'By age' }).getByLabel('12–15').fill(String(total));
  await page.getByRole('group', { name: 'By ethnic group' }).getByLabel('Hmong').fill(String(total));
}

/** The outbox item of a log, found by its venue. */
export const outboxItem = (page: Page, venue: string) =>
  page.getByRole('region', { name: 'Outbox' }).getByRole('listitem').filter({ hasText: venue });

/** An outbox entry as the app stores it (src/offline/db.ts). */
export interface TestEntry {
  log: SessionLog;
  state: 'waiting' | 'sending' | 'sent' | 'rejected' | 'conflict';
  createdAt?: string;
  sentAt?: string;
}

/** Puts entries straight into the outbox (the app opened the database before). */
export function putOutbox(page: Page, entries: readonly TestEntry[]): Promise<void> {
  return page.evaluate(async (entries) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) =>
      Object.assign(indexedDB.open('outreach'), {
        onsuccess(this: IDBOpenDBRequest) {
          resolve(this.result);
        },
        onerror: reject,
      }),
    );
    const tx = db.transaction('outbox', 'readwrite');
    entries.forEach(({ log, ...rest }, index) =>
      tx
        .objectStore('outbox')
        .put({ clientId: log.clientId, log, createdAt: new Date(Date.now() + index).toISOString(), ...rest }),
    );
    await new Promise((resolve, reject) => Object.assign(tx, { oncomplete: resolve, onerror: reject }));
    db.close();
  }, entries);
}

/** Puts logs into the outbox as waiting, as if typed offline one by one. */
export function queueLogs(page: Page, logs: readonly SessionLog[]): Promise<void> {
  return putOutbox(
    page,
    logs.map((log) => ({ log, state: 'waiting' })),
  );
}

/** What the outbox holds: each entry's client id and state. */
export function outboxStates(page: Page): Promise<{ clientId: string; state: string }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) =>
      Object.assign(indexedDB.open('outreach'), {
        onsuccess(this: IDBOpenDBRequest) {
          resolve(this.result);
        },
        onerror: reject,
      }),
    );
    const request = db.transaction('outbox').objectStore('outbox').getAll();
    const entries = await new Promise<{ clientId: string; state: string }[]>((resolve, reject) =>
      Object.assign(request, { onsuccess: () => resolve(request.result), onerror: reject }),
    );
    db.close();
    return entries.map(({ clientId, state }) => ({ clientId, state }));
  });
}

/** The id the server gave this device when it enrolled. */
export function deviceId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) =>
      Object.assign(indexedDB.open('outreach'), {
        onsuccess(this: IDBOpenDBRequest) {
          resolve(this.result);
        },
        onerror: reject,
      }),
    );
    const request = db.transaction('device').objectStore('device').get('enrolment');
    const enrolment = await new Promise<{ deviceId: string }>((resolve, reject) =>
      Object.assign(request, { onsuccess: () => resolve(request.result as { deviceId: string }), onerror: reject }),
    );
    db.close();
    return enrolment.deviceId;
  });
}

/** A port no one listens on now, from the system (to be kept for a server's restart). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A built server of its own on `port`, with `dataDir` as its store; resolves once it says it
 * listens (its own output: another server answering on that port does not count), rejects if it
 * stops first (e.g. the port is taken) or does not start in 20 s.
 */
export async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(outDir, 'server/entry.mjs')], {
    env: { ...process.env, ...unthrottled, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  server.stderr.on('data', collect);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      server.kill('SIGKILL');
      reject(new Error(`the server on ${String(port)} did not start in 20 s: ${output}`));
    }, 20_000);
    server.stdout.on('data', (chunk: Buffer) => {
      collect(chunk);
      if (output.includes(`listening on http://127.0.0.1:${String(port)}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server on ${String(port)} stopped (${String(code)}): ${output}`));
    });
  });
  // Its output is read on, so that a full pipe never blocks it.
  server.stdout.resume();
  return server;
}

/** Kills a server at once (no graceful close: a crash or a power cut). */
export function killServer(server: ChildProcess | undefined): Promise<void> {
  if (server?.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGKILL');
  });
}
