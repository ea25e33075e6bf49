/**
 * When the network never comes: the phone exports its unsent logs, a coordinator imports them on
 * the reports page (and with `npm run teams -- import`), each stored exactly once under the phone
 * that made it; a file from a revoked device is refused. Also: a log of schema version 1 is still
 * accepted, and the phone's own tally matches the server after a sync.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { todayInLaoCai, type SessionLog } from '../../src/sessions/schema.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { dataDir, newCode, root, withStore } from './api-helpers.ts';
import { waitForServiceWorker } from './helpers.ts';
import {
  deviceId,
  enrolDevice,
  outboxItem,
  putOutbox,
  queueLogs,
  staleLog,
  storedIds,
  teamCode,
} from './log-helpers.ts';

/** A coordinator's browser context, signed in with the cookie the sign-in page sets. */
async function coordinatorPage(page: Page): Promise<Page> {
  const { code } = await newCode('coordinator', `Điều phối ${Date.now()}`);
  const response = await page.request.post('/api/enrol/', { data: { code, deviceName: 'Máy của chị Mai' } });
  const { token } = (await response.json()) as { token: string };
  const context = await page
    .context()
    .browser()!
    .newContext({ baseURL: new URL(page.url()).origin });
  // The context's requests share its cookies: the session cookie sign-in sets is the browser's.
  const signedIn = await context.request.post('/api/sign-in/', {
    headers: { Authorization: `Bearer ${token}` },
    data: {},
  });
  expect(signedIn.ok()).toBe(true);
  return context.newPage();
}

const logAt = (venue: string, total: number): SessionLog => {
  const log = validLog();
  const bySex = { female: total, male: 0, notStated: 0 };
  const byAge = { under12: 0, age12to15: total, age16to17: 0, age18to24: 0, age25plus: 0 };
  const byEthnicity = { hmong: total, dao: 0, thai: 0, kinh: 0, other: 0, notStated: 0 };
  return {
    ...log,
    place: { ...log.place, venue },
    attendance: { total, bySex, byAge, byEthnicity },
    quiz: undefined,
    followUps: { hotline111: 0, socialWorkCentre: 0, police: 0 },
  };
};

test('exported offline, imported on the reports page: one row each, a second import is a duplicate, a revoked device is refused', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // This browser shares files (as Android does): the CSV goes to the share sheet, caught here.
  await page.addInitScript(() => {
    const shared: { name: string; text: Promise<string> }[] = [];
    Object.assign(window, { sharedFiles: shared });
    Object.defineProperty(navigator, 'canShare', {
      value: (data: { files?: File[] }) => Boolean(data.files?.every((file) => file.name.endsWith('.csv'))),
    });
    Object.defineProperty(navigator, 'share', {
      value: async (data: { files: File[] }) =>
        void shared.push(...data.files.map((file) => ({ name: file.name, text: file.text() }))),
    });
  });
  await page.goto('/en/log/');
  // Offline, the reload below is answered by the worker: it must control the page first.
  await waitForServiceWorker(page);
  await enrolDevice(page, teamCode(dataDir));
  const device = await deviceId(page);
  // No signal from now on, the service worker's requests neither.
  await page.context().route('**/api/sessions/**', (route) => route.abort('internetdisconnected'));
  await page.context().setOffline(true);
  const school = logAt('Trường PTDTBT THCS Y Tý', 12);
  const hall = logAt('Nhà văn hoá thôn Lao Chải', 30);
  const stale = staleLog();
  await queueLogs(page, [school, hall]);
  await putOutbox(page, [{ log: stale, state: 'rejected' }]);
  await page.reload();
  await expect(outboxItem(page, 'Nhà văn hoá thôn Lao Chải')).toContainText('Waiting');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export for the coordinator (.json)' }).click();
  const file = testInfo.outputPath('unsent.json');
  await (await download).saveAs(file);
  expect((await download).suggestedFilename()).toBe(
    `unsent-logs-${new Date().toISOString().slice(0, 10)}-${device}.json`,
  );
  await expect(page.getByText('Downloaded 3 unsent logs')).toBeVisible();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as {
    device: { id: string };
    logs: { log: SessionLog; state: string }[];
  };
  expect(exported.device.id).toBe(device);
  expect(exported.logs.map(({ state }) => state).sort()).toEqual(['rejected', 'waiting', 'waiting']);

  await page.getByRole('button', { name: 'Export to read (.csv)' }).click();
  await expect(page.getByText('Shared 3 unsent logs')).toBeVisible();
  const csv = await page.evaluate(
    async () => (window as unknown as { sharedFiles: { text: Promise<string> }[] }).sharedFiles[0]!.text,
  );
  expect(csv).toContain('client_id,date,start_time');
  expect(csv).toContain(device);
  expect(csv).toContain('Nhà văn hoá thôn Lao Chải');

  const coordinator = await coordinatorPage(page);
  const importFile = async () => {
    await coordinator.goto('/en/reports/import/');
    await coordinator.getByLabel('File of unsent logs (.json)').setInputFiles(file);
    await coordinator.getByRole('button', { name: 'Import', exact: true }).click();
  };
  await importFile();
  await expect(coordinator.getByRole('status').filter({ hasText: 'From ' })).toHaveText(
    'From Phone of team Y Tý: 2 created, 0 duplicate, 0 conflict, 1 invalid.',
  );
  await expect(coordinator.locator(`tr[data-status="created"]`)).toHaveCount(2);
  await expect(coordinator.locator('tr[data-status="invalid"]')).toContainText(stale.clientId);
  expect((await storedIds(device)).sort()).toEqual([school.clientId, hall.clientId].sort());

  await importFile();
  await expect(coordinator.getByRole('status').filter({ hasText: 'From ' })).toHaveText(
    'From Phone of team Y Tý: 0 created, 2 duplicate, 0 conflict, 1 invalid.',
  );
  // The server's own command answers the same, per log.
  const cli = execFileSync('npm', ['run', '--silent', 'teams', '--', 'import', file], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  expect(cli).toContain(`${school.clientId}  duplicate`);
  expect(cli).toContain('created 0, duplicate 2, conflict 0, invalid 1');
  expect((await storedIds(device)).length).toBe(2);

  execFileSync('npm', ['run', '--silent', 'teams', '--', 'revoke', device], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir },
  });
  await importFile();
  await expect(coordinator.getByRole('alert').filter({ hasText: 'revoked' })).toHaveText(
    /The device that made this file is revoked/,
  );
  await coordinator.context().close();
});

test('a log of schema version 1 is accepted after the version changed, its phone number masked', async ({ page }) => {
  await page.goto('/en/log/');
  await enrolDevice(page, teamCode(dataDir));
  const { schemaVersion: _current, ...v1 } = validLog();
  const old = { ...v1, notes: 'Cô giáo nhờ gọi lại SĐT0912345678' } as unknown as SessionLog;
  await queueLogs(page, [old]);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(outboxItem(page, 'Trường THCS Y Tý')).toContainText('Sent');
  const stored = await withStore(async (store) => (await store.list({ deviceId: await deviceId(page) }))[0]);
  expect(stored).toMatchObject({ clientId: old.clientId, schemaVersion: 2, notes: 'Cô giáo nhờ gọi lại SĐT[…]' });
});

test("the phone's tally matches the server after a sync", async ({ page }) => {
  await page.goto('/en/log/');
  await enrolDevice(page, teamCode(dataDir));
  const lastYear = validLog(new Date(Date.now() - 200 * 24 * 3600 * 1000));
  await queueLogs(page, [
    logAt('Trường PTDTBT THCS Y Tý', 12),
    logAt('Nhà văn hoá thôn Lao Chải', 30),
    lastYear,
    staleLog(),
  ]);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(outboxItem(page, 'Điểm trường Tả Van')).toContainText('Rejected');
  const tally = page.getByRole('definition');
  const server = await withStore(async (store) => {
    const logs = await store.list({ deviceId: await deviceId(page) });
    const month = todayInLaoCai().slice(0, 7);
    return {
      sent: logs.length,
      people: logs.filter((log) => log.date.startsWith(month)).reduce((sum, log) => sum + log.attendance.total, 0),
    };
  });
  expect(server).toEqual({ sent: 3, people: 42 });
  const tallyOf = (key: string) => page.locator(`[data-tally="${key}"] dd`);
  await expect(tallyOf('sent')).toHaveText(String(server.sent));
  await expect(tallyOf('people')).toHaveText(String(server.people));
  await expect(tallyOf('waiting')).toHaveText('0');
  await expect(tallyOf('rejected')).toHaveText('1');
  await expect(tally).toHaveCount(4);
});

test('when the browser will not keep the storage, the page says so and points to the export', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(StorageManager.prototype, 'persist', { value: async () => false });
    Object.defineProperty(StorageManager.prototype, 'persisted', { value: async () => false });
  });
  await page.goto('/en/log/');
  await enrolDevice(page, teamCode(dataDir));
  await expect(page.getByText('clearing browser data loses the logs not sent yet')).toContainText('Export');
});
