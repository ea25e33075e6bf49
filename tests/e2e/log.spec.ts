/**
 * The outbox: a session log is kept on the phone and reaches the server exactly once, through
 * reloads, browser restarts, a dying server, refusals and conflicts.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext } from '@playwright/test';
import { todayInLaoCai } from '../../src/sessions/schema.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { dataDir } from './api-helpers.ts';
import { launchOptions } from './browser.ts';
import { waitForServiceWorker } from './helpers.ts';
import {
  deviceId,
  enrolDevice,
  fillLog,
  freePort,
  killServer,
  outboxItem,
  outboxStates,
  putOutbox,
  queueLogs,
  staleLog,
  startServer,
  storedIds,
  teamCode,
} from './log-helpers.ts';

/**
 * Makes the context a browser without Background Sync (Firefox, Safari, Android WebViews), where
 * only the page sends: Chromium's would send at the next start, before any page is open.
 */
const withoutBackgroundSync = (context: BrowserContext) =>
  context.addInitScript(() =>
    Object.defineProperty(ServiceWorkerRegistration.prototype, 'sync', { get: () => undefined }),
  );

/**
 * No signal across a browser's close and restart. Playwright lifts its offline emulation as it
 * closes a browser, and the page then sees `online` and sends; the service worker's requests
 * ignore the emulation anyway (and a context's routes are gone by then too). So these tests have
 * a server of their own, stopped while the phone has no signal: nothing can reach it, whoever sends.
 */
test.describe('across a browser restart with no signal', () => {
  test.setTimeout(120_000);
  let server: ChildProcess | undefined;
  test.afterEach(() => killServer(server));

  /**
   * A server of the test's own, with an empty store, on a free port that stays through the
   * restart: the phone's saved pages, worker and outbox belong to its origin.
   */
  async function ownServer() {
    const port = await freePort();
    const data = mkdtempSync(join(tmpdir(), 'log-restart-'));
    server = await startServer(port, data);
    return {
      origin: `http://127.0.0.1:${String(port)}`,
      data,
      /** The phone loses its signal: the page is offline, and the server is out of reach for everything. */
      loseSignal: async (context: BrowserContext) => {
        await context.setOffline(true);
        await killServer(server);
      },
      signalReturns: async () => {
        server = await startServer(port, data);
      },
    };
  }

  test('a log made offline survives a reload and a browser restart, and reaches the server exactly once', async () => {
    const { origin, data, loseSignal, signalReturns } = await ownServer();
    const profile = mkdtempSync(join(tmpdir(), 'profile-'));
    const first = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL: origin });
    await withoutBackgroundSync(first);
    const page = first.pages()[0] ?? (await first.newPage());
    await page.goto('/en/log/');
    await waitForServiceWorker(page);
    // With no signal, the reloads are answered by the worker from the saved log page: it must be there first.
    await page.waitForFunction(async () => (await caches.keys()).some((name) => name.endsWith('page/en/log')));
    await enrolDevice(page, teamCode(data, 'Đội Bản Hồ'), 'This device belongs to the team: Đội Bản Hồ');
    const device = await deviceId(page);

    await loseSignal(first);
    await page.reload();
    await fillLog(page, 'Nhà văn hoá thôn Bản Hồ');
    await page.getByRole('button', { name: 'Save and send' }).click();
    await expect(page.getByText('Saved in the outbox.')).toBeVisible();
    await expect(outboxItem(page, 'Nhà văn hoá thôn Bản Hồ')).toContainText('Waiting');
    await expect(page.getByText(/No connection\. Waiting: 1/)).toBeVisible();

    await page.reload();
    await expect(outboxItem(page, 'Nhà văn hoá thôn Bản Hồ')).toContainText('Waiting');
    await first.close();

    const second = await chromium.launchPersistentContext(profile, {
      ...launchOptions,
      baseURL: origin,
      offline: true,
    });
    await withoutBackgroundSync(second);
    const again = second.pages()[0] ?? (await second.newPage());
    await again.goto('/en/log/');
    await expect(outboxItem(again, 'Nhà văn hoá thôn Bản Hồ')).toContainText('Waiting');
    expect(await storedIds(device, data)).toEqual([]);

    // The signal returns.
    await signalReturns();
    await second.setOffline(false);
    // The `online` event sends at once; should Chromium lift the emulation from the service worker
    // a moment after the page, the first retry (5 s ± 20 %) does.
    await expect(outboxItem(again, 'Nhà văn hoá thôn Bản Hồ')).toContainText('Sent', { timeout: 15_000 });
    const [entry] = await outboxStates(again);
    expect(await storedIds(device, data)).toEqual([entry!.clientId]);

    // Sending again by hand changes nothing: a sent log is not sent twice.
    await again.getByRole('button', { name: 'Sync now' }).click();
    await expect(again.getByText('Every log is sent.')).toBeVisible();
    expect(await storedIds(device, data)).toEqual([entry!.clientId]);
    await second.close();
  });

  test('where the browser has Background Sync, the service worker sends the outbox at its next start, with no page open', async () => {
    const { origin, data, loseSignal, signalReturns } = await ownServer();
    const profile = mkdtempSync(join(tmpdir(), 'profile-'));
    const first = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL: origin });
    const page = first.pages()[0] ?? (await first.newPage());
    await page.goto('/en/log/');
    await waitForServiceWorker(page);
    expect(await page.evaluate(async () => 'sync' in (await navigator.serviceWorker.ready))).toBe(true);
    await enrolDevice(page, teamCode(data));
    const device = await deviceId(page);
    await loseSignal(first);
    await fillLog(page, 'Đồn biên phòng Bản Lầu');
    await page.getByRole('button', { name: 'Save and send' }).click();
    await expect(outboxItem(page, 'Đồn biên phòng Bản Lầu')).toContainText('Waiting');
    const [entry] = await outboxStates(page);
    await first.close();
    // Whatever the closing browser tried, nothing arrived.
    expect(await storedIds(device, data)).toEqual([]);

    await signalReturns();
    const second = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL: origin });
    expect(second.pages().map((open) => open.url())).not.toContainEqual(expect.stringContaining(origin));
    await expect.poll(() => storedIds(device, data), { timeout: 20_000 }).toEqual([entry!.clientId]);
    await second.close();
  });
});

test.describe('a server that dies during a batch', () => {
  test.setTimeout(120_000);
  const port = Number(process.env['E2E_PORT'] ?? 4329) + 23;
  const ownData = mkdtempSync(join(tmpdir(), 'log-server-'));
  let server: ChildProcess | undefined;
  test.afterEach(() => killServer(server));

  test('loses no log and doubles none: 30 logs, killed after storing and while storing, then restarted', async ({
    page,
    context,
  }) => {
    const origin = `http://127.0.0.1:${port}`;
    server = await startServer(port, ownData);
    await page.goto(`${origin}/en/log/`);
    await waitForServiceWorker(page);
    await enrolDevice(page, teamCode(ownData));
    const device = await deviceId(page);

    // Round 1: the server stores the whole batch, then dies before it answers.
    const first = Array.from({ length: 30 }, () => validLog());
    await context.setOffline(true);
    await queueLogs(page, first);
    await page.reload();
    await expect(page.getByText('No connection. Waiting: 30')).toBeVisible();
    let calls = 0;
    await context.route('**/api/sessions/', async (route) => {
      if (calls++ > 0) return route.continue();
      await route.fetch();
      await killServer(server);
      await route.abort('connectionreset');
    });
    await context.setOffline(false);
    await expect.poll(() => calls, { timeout: 15_000 }).toBeGreaterThan(0);
    // The answer never came: to the phone it is a lost connection, and every log still waits.
    await expect(page.getByText('No connection. Waiting: 30;')).toBeVisible();
    await expect
      .poll(async () => (await outboxStates(page)).filter((entry) => entry.state === 'waiting').length)
      .toBe(30);
    expect((await storedIds(device, ownData)).length).toBe(30);

    server = await startServer(port, ownData);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByText('Every log is sent.')).toBeVisible();
    expect(new Set(await storedIds(device, ownData))).toEqual(new Set(first.map((log) => log.clientId)));
    expect(await storedIds(device, ownData)).toHaveLength(30);

    // Round 2: the server is killed while the batch is on its way in (about when it stores it on
    // this machine): whatever it kept, all or none, the resend completes it.
    const second = Array.from({ length: 30 }, () => validLog());
    await context.unrouteAll();
    await context.setOffline(true);
    await queueLogs(page, second);
    await page.reload();
    calls = 0;
    await context.route('**/api/sessions/', async (route) => {
      if (calls++ > 0) return route.continue();
      const answer = route.fetch().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await killServer(server);
      await answer;
      await route.abort('connectionreset');
    });
    await context.setOffline(false);
    await expect.poll(() => calls, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect
      .poll(async () => (await outboxStates(page)).filter((entry) => entry.state === 'waiting').length)
      .toBe(30);
    const keptByTheDyingServer = (await storedIds(device, ownData)).length - 30;
    expect(keptByTheDyingServer).toBeGreaterThanOrEqual(0);
    expect(keptByTheDyingServer).toBeLessThanOrEqual(30);
    test.info().annotations.push({ type: 'logs the dying server kept', description: String(keptByTheDyingServer) });

    server = await startServer(port, ownData);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByText('Every log is sent.')).toBeVisible();
    const stored = await storedIds(device, ownData);
    expect(stored).toHaveLength(60);
    expect(new Set(stored)).toEqual(new Set([...first, ...second].map((log) => log.clientId)));
    expect((await outboxStates(page)).filter((entry) => entry.state === 'sent')).toHaveLength(60);
  });
});

test('a rejected log shows its reason, never holds back the others, and is corrected and sent under its own id', async ({
  page,
}) => {
  await page.goto('/en/log/');
  await waitForServiceWorker(page);
  await enrolDevice(page, teamCode(dataDir));
  const device = await deviceId(page);
  const stale = staleLog();
  const fresh = validLog();
  await queueLogs(page, [stale, fresh]);
  await page.getByRole('button', { name: 'Sync now' }).click();

  await expect(page.getByText('Rejected: 1. See the reasons below.')).toBeVisible();
  const rejected = outboxItem(page, 'Điểm trường Tả Van');
  await expect(rejected).toContainText('Rejected');
  await expect(rejected).toContainText('Date: This date is more than a year ago.');
  await expect(outboxItem(page, 'Trường THCS Y Tý')).toContainText('Sent');
  expect(await storedIds(device)).toEqual([fresh.clientId]);

  await rejected.getByRole('button', { name: /^Correct:/ }).click();
  await expect(page.getByRole('heading', { name: 'Correct a rejected log' })).toBeFocused();
  await expect(page.getByLabel('Venue')).toHaveValue('Điểm trường Tả Van');
  await expect(page.getByLabel('Date')).toHaveValue(stale.date);
  await page.getByLabel('Date').fill(todayInLaoCai());
  await page.getByRole('button', { name: 'Save the correction and send again' }).click();
  await expect(rejected).toContainText('Sent');
  expect((await storedIds(device)).sort()).toEqual([stale.clientId, fresh.clientId].sort());
  expect(await outboxStates(page)).toHaveLength(2);
});

test('a log the server holds differently under the same id (a conflict) is saved again as a new log', async ({
  page,
}) => {
  await page.goto('/en/log/');
  await enrolDevice(page, teamCode(dataDir));
  const device = await deviceId(page);
  const original = validLog();
  await queueLogs(page, [original]);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(outboxItem(page, 'Trường THCS Y Tý')).toContainText('Sent');
  const changed = { ...original, place: { ...original.place, venue: 'Nhà văn hoá Lao Chải' } };
  await queueLogs(page, [changed]);
  await page.getByRole('button', { name: 'Sync now' }).click();
  const conflict = outboxItem(page, 'Nhà văn hoá Lao Chải');
  await expect(conflict).toContainText('Conflict');
  await expect(conflict).toContainText("The server holds a different log under this log's id.");
  await conflict.getByRole('button', { name: /^Correct:/ }).click();
  await page.getByRole('button', { name: 'Save the correction and send again' }).click();
  await expect(conflict).toContainText('Sent');
  const stored = await storedIds(device);
  expect(stored).toHaveLength(2);
  expect(stored).toContain(original.clientId);
  expect((await outboxStates(page)).map((entry) => entry.state)).toEqual(['sent']);
});

test('on load, a log left "sending" by a closed page goes back and is sent; sent logs older than 30 days are pruned', async ({
  page,
}) => {
  await page.goto('/en/log/');
  await enrolDevice(page, teamCode(dataDir));
  const device = await deviceId(page);
  const day = 24 * 3600 * 1000;
  const interrupted = validLog();
  const old = validLog();
  const recent = validLog();
  await putOutbox(page, [
    { log: interrupted, state: 'sending' },
    {
      log: old,
      state: 'sent',
      createdAt: new Date(Date.now() - 32 * day).toISOString(),
      sentAt: new Date(Date.now() - 31 * day).toISOString(),
    },
    {
      log: recent,
      state: 'sent',
      createdAt: new Date(Date.now() - 30 * day).toISOString(),
      sentAt: new Date(Date.now() - 29 * day).toISOString(),
    },
  ]);
  await page.reload();
  await expect
    .poll(async () => (await outboxStates(page)).sort((a, b) => a.clientId.localeCompare(b.clientId)))
    .toEqual(
      [
        { clientId: interrupted.clientId, state: 'sent' },
        { clientId: recent.clientId, state: 'sent' },
      ].sort((a, b) => a.clientId.localeCompare(b.clientId)),
    );
  expect(await storedIds(device)).toEqual([interrupted.clientId]);
});

test('after a server error the outbox tries again on its own, later and later', async ({ page, context }) => {
  await page.clock.install();
  await page.goto('/en/log/');
  await enrolDevice(page, teamCode(dataDir));
  // From here the page's time moves only when the test says.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  // The page's clock at each try; the first two are refused.
  const tries: number[] = [];
  await context.route('**/api/sessions/', async (route) => {
    tries.push(await page.evaluate(() => Date.now()));
    return tries.length <= 2
      ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"unavailable"}' })
      : route.continue();
  });
  await queueLogs(page, [validLog()]);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(
    page.getByText(/The server did not take them yet\. Waiting: 1; next try at \d{2}:\d{2}\./),
  ).toBeVisible();
  const item = outboxItem(page, 'Trường THCS Y Tý');
  for (let step = 0; step < 120 && (await item.getAttribute('data-state')) !== 'sent'; step++)
    await page.clock.runFor(500);
  await expect(item).toContainText('Sent');
  expect(tries).toHaveLength(3);
  // Waits of 5 s then 10 s, each ± 20 %: never sooner (a try in flight while the test steps the
  // clock on can make one look longer, so only the lower bounds are exact).
  const [first, second, third] = tries as [number, number, number];
  expect(second - first).toBeGreaterThanOrEqual(4_000);
  expect(third - second).toBeGreaterThanOrEqual(8_000);
});
