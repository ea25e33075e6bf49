/**
 * Per-device quotas on logs against a built server of its own (LOG_QUOTA_PER_HOUR=100,
 * LOG_BATCHES_PER_MINUTE=3): a full hour or too many requests is a 429 with Retry-After, another
 * device is not slowed, and the phone's outbox waits as long as the server asked instead of
 * retrying after its usual 5 s.
 */
import { expect, test } from '@playwright/test';
import { sqliteFile } from '../../src/sessions/sqlite-store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { startOwnServer, withStore } from './api-helpers.ts';
import { deviceId, enrolDevice, queueLogs } from './log-helpers.ts';

let server: Awaited<ReturnType<typeof startOwnServer>>;
test.beforeAll(async () => {
  server = await startOwnServer(undefined, { LOG_QUOTA_PER_HOUR: '100', LOG_BATCHES_PER_MINUTE: '3' });
});
test.afterAll(() => server.stop());

/** A one-time code of a new team in the server's store. */
const newCode = () =>
  withStore(async (store) => {
    const team = await store.createTeam(`Đội ${Date.now()}`, 'team');
    const code = await store.createEnrolmentCode(team.id);
    if (typeof code === 'string') throw new Error(code);
    return code.code;
  }, sqliteFile(server.dataDir));

test('a device over its hourly quota or its requests a minute gets 429 with Retry-After; another device does not', async ({
  playwright,
}) => {
  const request = await playwright.request.newContext({ baseURL: server.origin });
  const enrol = async () =>
    (await (await request.post('/api/enrol/', { data: { code: await newCode(), deviceName: 'Phone' } })).json()) as {
      token: string;
    };
  const [flooding, other] = [await enrol(), await enrol()];
  const send = (token: string, body: unknown) =>
    request.post('/api/sessions/', { data: body, headers: { Authorization: `Bearer ${token}` } });

  expect(
    (
      await send(
        flooding.token,
        Array.from({ length: 100 }, () => validLog()),
      )
    ).status(),
  ).toBe(200);
  const full = await send(flooding.token, validLog());
  expect(full.status()).toBe(429);
  expect(Number(full.headers()['retry-after'])).toBeGreaterThan(3500);
  expect(await full.json()).toMatchObject({
    error: 'quotaExceeded',
    message: expect.stringContaining('100 logs in the last hour'),
  });
  expect((await send(other.token, validLog())).status()).toBe(201);

  // Three requests a minute: the third is still judged by the hour, the fourth is refused first.
  expect(await (await send(flooding.token, validLog())).json()).toMatchObject({ error: 'quotaExceeded' });
  const rate = await send(flooding.token, validLog());
  expect(rate.status()).toBe(429);
  expect(await rate.json()).toMatchObject({ error: 'tooManyRequests' });
  expect(Number(rate.headers()['retry-after'])).toBeLessThanOrEqual(60);
  await request.dispose();
});

test("the phone's outbox waits as long as a 429's Retry-After asks, not its usual 5 s", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`${server.origin}/en/log/`);
  await enrolDevice(page, await newCode());
  const id = await deviceId(page);
  // The hour is full already.
  await withStore(async (store) => {
    const device = (await store.listTeams()).flatMap((team) => team.devices).find((each) => each.id === id)!;
    await store.insertBatch(
      Array.from({ length: 100 }, () => validLog()),
      id,
      device.teamId,
    );
  }, sqliteFile(server.dataDir));
  const posts: number[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/sessions/') posts.push(Date.now());
  });
  await queueLogs(page, [validLog()]);
  await page.reload();
  await expect(page.getByText(/The server did not take them yet\. Waiting: 1; next try at/)).toBeVisible();
  expect(posts).toHaveLength(1);
  // The usual backoff would have tried again after 4–6 s.
  await page.waitForTimeout(9_000);
  expect(posts).toHaveLength(1);
  // The time shown (Lao Cai's clock) is about an hour away.
  const shown = await page.getByText(/next try at/).textContent();
  const [, hours, minutes] = /next try at (\d{1,2}):(\d{2})/.exec(shown ?? '') ?? [];
  const [expectedHours, expectedMinutes] = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(Date.now() + 60 * 60 * 1000))
    .split(':')
    .map(Number);
  const apart = ((((Number(hours) - expectedHours!) * 60 + Number(minutes) - expectedMinutes!) % 1440) + 1440) % 1440;
  expect(Math.min(apart, 1440 - apart)).toBeLessThanOrEqual(2);
});
