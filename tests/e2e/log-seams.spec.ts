/**
 * The seams around the outbox, as a new user meets them: two tabs never share a draft or a log,
 * defaults are worked out when the form opens, every error shows at once, and the line under the
 * button says what became of the log just saved.
 */
import { expect, test, type Page } from '@playwright/test';
import { dataDir } from './api-helpers.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { waitForServiceWorker } from './helpers.ts';
import {
  deviceId,
  enrolDevice,
  fillLog,
  outboxItem,
  outboxStates,
  queueLogs,
  storedIds,
  teamCode,
} from './log-helpers.ts';

/** No signal: the page is offline and nothing reaches the sessions API, the service worker's requests neither. */
async function noSignal(page: Page): Promise<void> {
  await page.context().route('**/api/sessions/**', (route) => route.abort('internetdisconnected'));
  await page.context().setOffline(true);
}

test('two tabs save two logs under two client ids: a draft belongs to one tab', async ({ page, context }) => {
  await page.goto('/en/log/');
  // Offline, the reload at the end is answered by the worker from the saved log page: it must be there first.
  await waitForServiceWorker(page);
  await page.waitForFunction(async () => (await caches.keys()).some((name) => name.endsWith('page/en/log')));
  await enrolDevice(page, teamCode(dataDir));
  await page.getByLabel('Venue').fill('Trường PTDTBT THCS Y Tý');
  const second = await context.newPage();
  await second.goto('/en/log/');
  await expect(second.getByRole('heading', { name: 'New log' })).toBeVisible();
  // The second tab opens an empty form of its own, not the first tab's draft.
  await expect(second.getByLabel('Venue')).toHaveValue('');
  await noSignal(page);
  await fillLog(page, 'Trường PTDTBT THCS Y Tý', 12);
  await page.getByRole('button', { name: 'Save and send' }).click();
  await fillLog(second, 'Nhà văn hoá thôn Lao Chải', 30);
  await second.getByRole('button', { name: 'Save and send' }).click();
  await expect(outboxItem(page, 'Trường PTDTBT THCS Y Tý')).toContainText('Waiting');
  await expect(outboxItem(page, 'Nhà văn hoá thôn Lao Chải')).toContainText('Waiting');
  const states = await outboxStates(page);
  expect(states).toHaveLength(2);
  expect(new Set(states.map((entry) => entry.clientId)).size).toBe(2);
  // A reload keeps each tab's own draft slot: the first tab's form is empty again, not the second's.
  await page.reload();
  await expect(page.getByLabel('Venue')).toHaveValue('');
});

test('a draft left by a closed tab is taken over by the next tab that opens the form', async ({ page, context }) => {
  await page.goto('/en/log/');
  await enrolDevice(page, teamCode(dataDir));
  await page.getByLabel('Venue').fill('Nhà văn hoá thôn Lao Chải');
  await page.close();
  const next = await context.newPage();
  await next.goto('/en/log/');
  await expect(next.getByLabel('Venue')).toHaveValue('Nhà văn hoá thôn Lao Chải');
});

test('the date is worked out when the form opens: saved on 23 November, opened on 1 December, it says 1 December', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00+07:00') });
  await page.goto('/en/log/');
  await enrolDevice(page, teamCode(dataDir));
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue('2026-11-23');
  await fillLog(page, 'Trường PTDTBT THCS Y Tý', 12);
  await page.getByRole('button', { name: 'Save and send' }).click();
  await expect(outboxItem(page, 'Trường PTDTBT THCS Y Tý')).toBeVisible();
  await page.getByLabel('Venue').fill('Nhà văn hoá thôn Lao Chải');
  await page.clock.setSystemTime(new Date('2026-12-01T08:00:00+07:00'));
  await page.reload();
  await expect(page.getByLabel('Venue')).toHaveValue('Nhà văn hoá thôn Lao Chải');
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue('2026-12-01');
});

test('every error shows at once, the date and the totals too, and the status line follows the log after it is sent', async ({
  page,
}) => {
  await page.goto('/en/log/');
  await enrolDevice(page, teamCode(dataDir));
  const tomorrow = await page.evaluate(() =>
    new Date(Date.now() + 36 * 3600_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }),
  );
  await page.getByLabel('Date', { exact: true }).fill(tomorrow);
  await page.getByLabel('Venue').fill('    ');
  await page.getByLabel('Total attending').fill('5');
  await page.getByRole('group', { name: 'By sex' }).getByLabel('Female').fill('2');
  await page.getByRole('button', { name: 'Save and send' }).click();
  await expect(page.getByLabel('Date', { exact: true })).toHaveAccessibleDescription('This date is in the future.');
  await expect(page.getByRole('group', { name: 'By sex' })).toHaveAccessibleDescription(
    /These add up to 2, not to the total of 5\./,
  );
  await expect(page.getByLabel('Venue')).toHaveAccessibleDescription(/This has only spaces/);
  await expect(page.getByLabel('Start time')).toHaveAccessibleDescription('Fill this in.');
  // The count in the summary is every field marked, not the first instalment of them.
  const marked = await page.locator('.log-form p.log-error[id$="-error"]').count();
  expect(marked).toBeGreaterThanOrEqual(4);
  await expect(page.getByRole('alert')).toContainText(`correct the ${marked} places`);

  await page
    .getByLabel('Date', { exact: true })
    .fill(await page.evaluate(() => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })));
  await fillLog(page, 'Trường PTDTBT THCS Y Tý', 5);
  await page.getByRole('button', { name: 'Save and send' }).click();
  await expect(outboxItem(page, 'Trường PTDTBT THCS Y Tý')).toContainText('Sent');
  await expect(page.locator('.log-status')).toHaveText('Saved and sent to the server.');
  expect(await storedIds(await deviceId(page))).toHaveLength(1);
});

test('a save never replaces a different log: a draft holding the client id of a saved log is saved beside it', async ({
  page,
}) => {
  await page.goto('/en/log/');
  await enrolDevice(page, teamCode(dataDir));
  const saved = validLog();
  await queueLogs(page, [saved]);
  // The one shared draft of the earlier version, holding the saved log's client id (two tabs did that).
  await page.evaluate(
    (clientId) =>
      localStorage.setItem(
        'log.draft.v1',
        JSON.stringify({ values: { clientId, venue: 'Nhà văn hoá thôn Lao Chải' } }),
      ),
    saved.clientId,
  );
  await page.reload();
  await expect(page.getByLabel('Venue')).toHaveValue('Nhà văn hoá thôn Lao Chải');
  await noSignal(page);
  await fillLog(page, 'Nhà văn hoá thôn Lao Chải', 30);
  await page.getByRole('button', { name: 'Save and send' }).click();
  await expect(outboxItem(page, 'Nhà văn hoá thôn Lao Chải')).toContainText('Waiting');
  // The saved log is still there, as it was (sent meanwhile, when the page loaded online).
  await expect(outboxItem(page, 'Trường THCS Y Tý')).toHaveCount(1);
  const states = await outboxStates(page);
  expect(states).toHaveLength(2);
  expect(states.map(({ clientId }) => clientId)).toContain(saved.clientId);
});

test('the update prompt waits while a log is being typed, so the page is not swapped under the draft', async ({
  page,
}) => {
  await page.goto('/en/log/');
  await enrolDevice(page, teamCode(dataDir));
  await page.getByLabel('Venue').fill('Nhà văn hoá thôn Lao Chải');
  // A new deployment waits (shown as register.ts shows it when workbox reports a waiting worker).
  await page.locator('[data-update-bar]').evaluate((bar) => void ((bar as HTMLElement).hidden = false));
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(
    page.getByText('A session log is being typed on this page. Save it first, then press Update.'),
  ).toBeVisible();
  await expect(page.getByLabel('Venue')).toHaveValue('Nhà văn hoá thôn Lao Chải');
  // Nothing left typed: the update goes ahead.
  await page.getByLabel('Venue').fill('');
  // The form marks the page once its draft is empty (after its render, a frame later under load).
  await expect(page.locator('html')).toHaveAttribute('data-log-draft-open', 'false');
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByText('Updating saved packs…')).toBeVisible();
});
