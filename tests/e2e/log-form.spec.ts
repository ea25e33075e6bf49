/**
 * The session form and enrolment as a team member meets them: checks beside each field, the
 * draft, enrolment failures, a revoked device, and axe with errors showing in every language.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { validLog } from '../fixtures/session-logs.ts';
import { dataDir } from './api-helpers.ts';
import { expectNoAxeViolations, languages, waitForServiceWorker } from './helpers.ts';
import { deviceId, enrolDevice, fillLog, outboxItem, queueLogs, staleLog, storedIds, teamCode } from './log-helpers.ts';

test('the form checks with the shared schema: errors beside their fields, the first one focused, running sums, a phone-number warning', async ({
  page,
}) => {
  await page.goto('/en/log/');
  await enrolDevice(page, teamCode(dataDir));
  await page.getByRole('button', { name: 'Save and send' }).click();
  await expect(page.getByRole('alert')).toContainText('Not saved yet: correct the');
  await expect(page.getByLabel('Start time')).toBeFocused();
  await expect(page.getByLabel('Start time')).toHaveAccessibleDescription('Fill this in.');
  await expect(page.getByLabel('Total attending')).toHaveAccessibleDescription(/Fill this in\./);
  await expect(page.getByRole('group', { name: 'Audience', exact: true })).toHaveAccessibleDescription(
    /Choose at least one\./,
  );

  await fillLog(page, 'Trường PTDTBT THCS Y Tý', 5);
  const bySex = page.getByRole('group', { name: 'By sex' });
  await bySex.getByLabel('Female').fill('2');
  await expect(bySex.getByText('Sum: 2, off by 3 from the total of 5.')).toBeVisible();
  await bySex.getByLabel('Male', { exact: true }).fill('3');
  await expect(bySex.getByText('Sum: 5, adds up.')).toBeVisible();
  await page.getByRole('group', { name: 'By age' }).getByLabel('12–15').fill('4');
  await page.getByRole('group', { name: 'By age' }).getByLabel('16–17').fill('x');
  await page.getByRole('button', { name: 'Save and send' }).click();
  await expect(page.getByRole('group', { name: 'By age' }).getByLabel('16–17')).toHaveAccessibleDescription(
    'Enter a whole number, such as 12.',
  );
  await page.getByRole('group', { name: 'By age' }).getByLabel('16–17').fill('0');
  await page.getByRole('button', { name: 'Save and send' }).click();
  await expect(page.getByRole('group', { name: 'By age' })).toHaveAccessibleDescription(
    /These add up to 4, not to the total of 5\./,
  );
  await page.getByRole('group', { name: 'By age' }).getByLabel('16–17').fill('1');

  // A note with a phone number, in any of the ways people write one: warned while typing, and
  // never saved, however often Save is pressed (the raw export must not hold it).
  for (const note of ['SĐT0912345678', 'Cô giáo nhờ gọi lại (091) 234 5678', 'Zalo +84 912 345 678']) {
    await page.getByLabel('Notes').fill(note);
    await expect(page.getByLabel('Notes')).toHaveAccessibleDescription(/looks like it holds a phone number/);
    for (let press = 0; press < 2; press += 1) {
      await page.getByRole('button', { name: 'Save and send' }).click();
      await expect(page.getByLabel('Notes')).toHaveAccessibleDescription(
        /This holds a phone number\. Remove it to save/,
      );
      await expect(page.getByLabel('Notes')).toBeFocused();
    }
  }
  await expect(outboxItem(page, 'Trường PTDTBT THCS Y Tý')).toHaveCount(0);
  await page.getByLabel('Notes').fill('Cô giáo nhờ gọi lại qua nhà trường');
  await page.getByRole('button', { name: 'Save and send' }).click();
  await expect(outboxItem(page, 'Trường PTDTBT THCS Y Tý')).toContainText('Sent');
});

test('the draft survives a reload', async ({ page }) => {
  await page.goto('/en/log/');
  await enrolDevice(page, teamCode(dataDir));
  await page.getByLabel('Venue').fill('Nhà văn hoá thôn Lao Chải');
  await page.getByRole('group', { name: 'By ethnic group' }).getByLabel('Dao').fill('7');
  await page.reload();
  await expect(page.getByLabel('Venue')).toHaveValue('Nhà văn hoá thôn Lao Chải');
  await expect(page.getByRole('group', { name: 'By ethnic group' }).getByLabel('Dao')).toHaveValue('7');
});

test('a figure typed is in the draft before the next frame is drawn: a phone may drop the tab at once', async ({
  page,
}) => {
  await page.goto('/en/log/');
  await enrolDevice(page, teamCode(dataDir));
  await page.getByLabel('Venue').fill('Nhà văn hoá thôn Lao Chải');
  const dao = page.getByRole('group', { name: 'By ethnic group' }).getByLabel('Dao');
  // The keystroke, then only microtasks (the form's render): no frame, no timer.
  const stored = await dao.evaluate(async (input: HTMLInputElement) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, '7');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    for (let i = 0; i < 10; i++) await Promise.resolve();
    return Object.keys(localStorage)
      .filter((key) => key.startsWith('log.draft.v2.'))
      .map((key) => localStorage.getItem(key) ?? '');
  });
  expect(stored.join()).toContain('"dao":"7"');
  await page.reload();
  await expect(dao).toHaveValue('7');
});

test('enrolment says why it failed: offline, a wrong code, too many attempts', async ({ page, context }) => {
  await page.goto('/en/log/');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.getByLabel('Enrolment code').fill('ABCD-EFGH');
  await page.getByLabel('Device name').fill('Phone of team Y Tý');
  await page.getByRole('button', { name: 'Enrol', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'No connection. Enrolling needs one; try again when there is signal.',
  );
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Enrol', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'This code is unknown, already used or expired. Ask your coordinator for a new one.',
  );
  // The real limit is 10 failures in 10 minutes per address, shared with the other tests: faked here.
  await context.route('**/api/enrol/', (route) =>
    route.fulfill({ status: 429, contentType: 'application/json', body: '{"error":"tooManyAttempts"}' }),
  );
  await page.getByRole('button', { name: 'Enrol', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Too many attempts. Wait a few minutes and try again.');
  await expect(page.getByRole('heading', { name: 'New log' })).toHaveCount(0);
});

test('a revoked device is told so, keeps its logs, and can enrol again', async ({ page }) => {
  await page.goto('/en/log/');
  await enrolDevice(page, teamCode(dataDir));
  const device = await deviceId(page);
  execFileSync('npm', ['run', '--silent', 'teams', '--', 'revoke', device], {
    env: { ...process.env, DATA_DIR: dataDir },
  });
  const log = validLog();
  await queueLogs(page, [log]);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('alert')).toContainText('This device is no longer enrolled');
  // The warning stands right above the Save button, where the person is when sending fails.
  const warning = await page.getByRole('alert').filter({ hasText: 'no longer enrolled' }).boundingBox();
  const save = await page.getByRole('button', { name: 'Save and send' }).boundingBox();
  expect(save!.y - (warning!.y + warning!.height)).toBeGreaterThanOrEqual(0);
  expect(save!.y - (warning!.y + warning!.height)).toBeLessThan(80);
  await expect(outboxItem(page, 'Trường THCS Y Tý')).toContainText('Waiting');
  await page.getByRole('button', { name: 'Enrol again' }).click();
  await enrolDevice(page, teamCode(dataDir));
  await expect(outboxItem(page, 'Trường THCS Y Tý')).toContainText('Sent');
  expect(await storedIds(await deviceId(page))).toEqual([log.clientId]);
});

for (const width of [360, 1280]) {
  test(`axe: the enrol form, the session form and the outbox, with errors showing, in every language at ${width}px`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/en/log/');
    await page.getByRole('button', { name: 'Enrol', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('Enter the code and a device name.');
    await expectNoAxeViolations(page);
    await enrolDevice(page, teamCode(dataDir));
    await queueLogs(page, [staleLog(), validLog()]);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(outboxItem(page, 'Điểm trường Tả Van')).toContainText('Rejected');
    for (const { path } of languages) {
      await page.goto(`/${path}/log/`);
      await page.locator('.log-form button[type="submit"]').click();
      await expect(page.locator('.log-error').first()).toBeVisible();
      await page.getByRole('checkbox').first().check();
      await expect(page.locator('.outbox-reasons li').first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await expectNoAxeViolations(page);
    }
  });
}
