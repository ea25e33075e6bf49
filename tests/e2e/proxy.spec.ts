/**
 * Issue 13, behind a real reverse proxy: Debian's nginx terminating TLS (tests/e2e/proxy-helpers.ts)
 * in front of the built server with SITE_URL=https://localhost:<port> and TRUST_PROXY=1. A
 * coordinator signs in, revokes a lost phone and signs out; the session cookie is Secure,
 * HttpOnly, SameSite=Strict and ends on the server; only the public origin may change things;
 * the enrolment limit counts each client's own address, never one it wrote; and every page and
 * API answer carries the security headers, with no script refused by the CSP.
 */
import { expect, test } from '@playwright/test';
import { sqliteFile } from '../../src/sessions/sqlite-store.ts';
import { withStore } from './api-helpers.ts';
import { requestFrom, startBehindNginx, type ProxiedServer } from './proxy-helpers.ts';

test.use({ ignoreHTTPSErrors: true });
test.describe.configure({ mode: 'serial' });

let proxied: ProxiedServer;
const tokens = { coordinator: '', lost: '' };
let lostDeviceId = '';
const codes: string[] = [];
let teamId = '';

test.beforeAll(async () => {
  proxied = await startBehindNginx();
  await withStore(async (store) => {
    const coordinators = await store.createTeam('Điều phối tỉnh', 'coordinator');
    const team = await store.createTeam('Đội Bát Xát', 'team');
    teamId = team.id;
    const enrolled = async (id: string, name: string) => {
      const code = await store.createEnrolmentCode(id);
      if (typeof code === 'string') throw new Error(code);
      const enrolment = await store.enrol(code.code, name);
      if (typeof enrolment === 'string') throw new Error(enrolment);
      return enrolment;
    };
    tokens.coordinator = (await enrolled(coordinators.id, 'Máy của chị Mai')).token;
    const lost = await enrolled(team.id, 'Điện thoại bị mất');
    tokens.lost = lost.token;
    lostDeviceId = lost.deviceId;
    for (let index = 0; index < 2; index++) {
      const code = await store.createEnrolmentCode(team.id);
      if (typeof code === 'string') throw new Error(code);
      codes.push(code.code);
    }
  }, sqliteFile(proxied.app.dataDir));
});
// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed before starting it
test.afterAll(() => proxied?.stop());

test('a coordinator signs in, revokes a lost phone and signs out through the TLS proxy; the session is Secure and ends on the server', async ({
  page,
  context,
  request,
}) => {
  const refused: string[] = [];
  page.on(
    'console',
    (message) =>
      message.type() === 'error' &&
      /Content Security Policy|Refused to/i.test(message.text()) &&
      refused.push(message.text()),
  );
  const first = await page.goto(`${proxied.origin}/en/reports/`);
  expect(first?.status()).toBe(401);
  const signedIn = await page.evaluate(async (token) => {
    const response = await fetch('/api/sign-in/', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    return response.status;
  }, tokens.coordinator);
  expect(signedIn).toBe(200);
  const cookie = (await context.cookies(proxied.origin)).find(({ name }) => name === 'lc_session');
  expect(cookie).toMatchObject({ name: 'lc_session', secure: true, httpOnly: true, sameSite: 'Strict' });
  expect(cookie!.value).not.toBe(tokens.coordinator);
  // The cookie's value is no device token: as a Bearer token it writes nothing.
  const asBearer = await request.post(`${proxied.origin}/api/sessions/`, {
    headers: { Authorization: `Bearer ${cookie!.value}` },
    data: {},
  });
  expect(asBearer.status()).toBe(401);

  await page.goto(`${proxied.origin}/en/reports/`);
  await expect(page.getByText(/Signed in with .* of Điều phối tỉnh/)).toBeVisible();
  const row = page.locator(`[data-device="${lostDeviceId}"]`);
  await row.getByText('Revoke…').click();
  await row.getByRole('button', { name: 'Revoke Điện thoại bị mất' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Revoked: Điện thoại bị mất.' })).toBeVisible();
  const send = await request.post(`${proxied.origin}/api/sessions/`, {
    headers: { Authorization: `Bearer ${tokens.lost}` },
    data: {},
  });
  expect(send.status()).toBe(403);

  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect(page.getByText('You have signed out')).toBeVisible();
  // The old cookie, replayed, opens nothing: sign-out ended the session on the server.
  const replayed = await request.get(`${proxied.origin}/api/reports/summary/?format=json`, {
    headers: { Cookie: `lc_session=${cookie!.value}` },
  });
  expect(replayed.status()).toBe(401);
  expect(refused).toEqual([]);
});

test('only the public https origin may post: not the http://<Host> the server sees, not another site', async () => {
  const post = (origin: string, type: string, body: string) =>
    requestFrom('127.0.0.1', `${proxied.origin}/en/reports/`, {
      method: 'POST',
      headers: { Origin: origin, 'Content-Type': type, Authorization: `Bearer ${tokens.coordinator}` },
      body,
    });
  const form = 'action=revoke&id=device-unknown';
  expect((await post(proxied.origin, 'application/x-www-form-urlencoded', form)).status).toBe(303);
  expect(
    (await post(proxied.origin.replace('https:', 'http:'), 'application/x-www-form-urlencoded', form)).status,
  ).toBe(403);
  expect((await post('https://evil.example', 'application/x-www-form-urlencoded', form)).status).toBe(403);
  const api = (origin: string) =>
    requestFrom('127.0.0.1', `${proxied.origin}/api/enrol/`, {
      method: 'POST',
      headers: { Origin: origin, 'Content-Type': 'application/json' },
      body: '{}',
    });
  expect((await api(proxied.origin)).status).toBe(400);
  expect((await api(proxied.origin.replace('https:', 'http:'))).status).toBe(403);
});

test("counts enrolment attempts by each client's own address, never by the X-Forwarded-For it writes", async () => {
  const enrol = (from: string, code: string, spoofed: string) =>
    requestFrom(from, `${proxied.origin}/api/enrol/`, {
      method: 'POST',
      headers: { Origin: proxied.origin, 'Content-Type': 'application/json', 'X-Forwarded-For': spoofed },
      body: JSON.stringify({ code, deviceName: 'Phone' }),
    });
  // A guesser at 127.0.0.2 writes a new X-Forwarded-For each time: it is still one client.
  for (let attempt = 0; attempt < 10; attempt++)
    expect((await enrol('127.0.0.2', 'ABCD-EFGH', `198.51.100.${attempt}`)).status).toBe(403);
  const limited = await enrol('127.0.0.2', codes[0]!, '198.51.100.200');
  expect(limited.status).toBe(429);
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  // Another phone behind the same proxy is not locked out.
  expect((await enrol('127.0.0.3', codes[1]!, '127.0.0.2')).status).toBe(201);
  expect(
    await withStore(
      async (store) => (await store.listTeams()).find((team) => team.id === teamId)?.devices.length,
      sqliteFile(proxied.app.dataDir),
    ),
  ).toBe(2);
});

test('every answer through the proxy carries the security headers, and no page script is refused by the CSP', async ({
  page,
}) => {
  const refused: string[] = [];
  page.on(
    'console',
    (message) =>
      message.type() === 'error' &&
      /Content Security Policy|Refused to/i.test(message.text()) &&
      refused.push(message.text()),
  );
  for (const path of [
    '/en/',
    '/en/log/',
    '/en/materials/fixture-school-pack/',
    '/en/reports/',
    '/api/reports/summary/',
    '/api/sessions/',
  ]) {
    const { headers } = await requestFrom('127.0.0.1', `${proxied.origin}${path}`);
    const csp = String(headers['content-security-policy']);
    expect([path, csp]).toEqual([path, expect.stringContaining("frame-ancestors 'none'")]);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
  }
  for (const path of [
    '/en/',
    '/en/log/',
    '/en/materials/',
    '/en/materials/fixture-school-pack/',
    '/en/materials/fixture-school-pack/present/',
  ]) {
    await page.goto(`${proxied.origin}${path}`);
    await page.waitForLoadState('networkidle');
  }
  await expect(page.locator('h1')).toBeVisible();
  expect(refused).toEqual([]);
});
