/**
 * The session API against the built server (src/sessions/README.md is the contract). Every test
 * enrols a device of its own and counts only that device's logs, so tests can run side by side.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { validLog } from '../fixtures/session-logs.ts';
import {
  dataDir,
  enrolDevice,
  newCode,
  postSessions,
  rawPost,
  root,
  startOwnServer,
  storedCount,
  withStore,
} from './api-helpers.ts';

test.describe('enrolment', () => {
  test('a code from `npm run teams -- add` enrols one device, once', async ({ request }) => {
    const output = execFileSync(
      process.execPath,
      [
        '--experimental-strip-types',
        '--disable-warning=ExperimentalWarning',
        'scripts/teams.ts',
        'add',
        'Đội Y Tý',
        '--coordinator',
      ],
      {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      },
    );
    const code = /Enrolment code: (\S+)/.exec(output)?.[1];
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const first = await request.post('/api/enrol/', { data: { code, deviceName: 'Phone of team Y Tý' } });
    expect(first.status()).toBe(201);
    const body = await first.json();
    expect(body).toEqual({
      token: expect.stringMatching(/^[\w-]{43}$/),
      deviceId: expect.any(String),
      team: { id: expect.any(String), name: 'Đội Y Tý' },
      role: 'coordinator',
    });

    const again = await request.post('/api/enrol/', { data: { code, deviceName: 'Another phone' } });
    expect(again.status()).toBe(403);
    expect(await again.json()).toMatchObject({ error: 'usedCode' });
  });

  test('refuses a bad body (400) and an unknown code (403)', async ({ request }) => {
    const { code } = await newCode();
    const missingName = await request.post('/api/enrol/', { data: { code } });
    expect(missingName.status()).toBe(400);
    expect(((await missingName.json()) as { errors: unknown[] }).errors).toContainEqual(
      expect.objectContaining({ path: 'deviceName' }),
    );
    const unknown = await request.post('/api/enrol/', { data: { code: 'ABCD-EFGH', deviceName: 'Phone' } });
    expect(unknown.status()).toBe(403);
    expect(await unknown.json()).toMatchObject({ error: 'unknownCode', message: expect.any(String) });
  });

  test('slows a guesser down: after 10 failed attempts, 429 with Retry-After, even for a good code', async ({
    playwright,
  }) => {
    // A server of its own: the limit is per address, and every test here comes from 127.0.0.1.
    const server = await startOwnServer();
    const request = await playwright.request.newContext({ baseURL: server.origin });
    try {
      for (let attempt = 0; attempt < 10; attempt++) {
        const response = await request.post('/api/enrol/', {
          data: { code: `WRNG-${'ABCDEFGHJK'.charAt(attempt)}AAA`, deviceName: 'Guess' },
        });
        expect(response.status()).toBe(403);
      }
      const good = await withStore(async (store) => {
        const team = await store.createTeam('Đội thử', 'team');
        return store.createEnrolmentCode(team.id);
      }, `${server.dataDir}/sessions.sqlite`);
      if (typeof good === 'string') throw new Error(good);
      const limited = await request.post('/api/enrol/', { data: { code: good.code, deviceName: 'Phone' } });
      expect(limited.status()).toBe(429);
      expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(500);
      expect(await limited.json()).toMatchObject({ error: 'tooManyAttempts' });
    } finally {
      await request.dispose();
      server.stop();
    }
  });
});

test.describe('POST /api/sessions/', () => {
  test('stores a log once: 201, the same log again 200 with the stored record, a different one 409', async ({
    request,
  }) => {
    const device = await enrolDevice(request);
    const log = validLog();
    const created = await postSessions(request, device, log);
    expect(created.status()).toBe(201);
    const { record } = await created.json();
    expect(record).toEqual({
      ...log,
      receivedAt: expect.any(String),
      teamId: device.teamId,
      deviceId: device.deviceId,
    });

    const replay = await postSessions(request, device, log);
    expect(replay.status()).toBe(200);
    expect(await replay.json()).toEqual({ status: 'duplicate', record });

    const conflict = await postSessions(request, device, { ...log, durationMinutes: 45 });
    expect(conflict.status()).toBe(409);
    expect(await conflict.json()).toEqual({ status: 'conflict', clientId: log.clientId });
    expect(await storedCount(device.deviceId)).toBe(1);
  });

  test('judges each log of a batch alone: one bad log does not block the others', async ({ request }) => {
    const device = await enrolDevice(request);
    const [first, second] = [validLog(), validLog()];
    const bad = { ...validLog(), attendance: { ...first.attendance, total: 35 } };
    const response = await postSessions(request, device, [first, bad, second, first]);
    expect(response.status()).toBe(200);
    const { results } = (await response.json()) as { results: { status: string }[] };
    expect(results.map((result) => result.status)).toEqual(['created', 'invalid', 'created', 'duplicate']);
    expect(results[1]).toMatchObject({
      clientId: bad.clientId,
      errors: expect.arrayContaining([expect.objectContaining({ path: 'attendance.bySex', rule: 'sumMismatch' })]),
    });
    expect(await storedCount(device.deviceId)).toBe(2);
  });

  test('takes 1 to 100 logs a request', async ({ request }) => {
    const device = await enrolDevice(request);
    const full = await postSessions(
      request,
      device,
      Array.from({ length: 100 }, () => validLog()),
    );
    expect(full.status()).toBe(200);
    expect(await storedCount(device.deviceId)).toBe(100);
    for (const batch of [[], Array.from({ length: 101 }, () => validLog())]) {
      const response = await postSessions(request, device, batch);
      expect(response.status()).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'batchSize' });
    }
    expect(await storedCount(device.deviceId)).toBe(100);
  });

  test.describe('refuses and stores nothing', () => {
    const withoutSetting = () => {
      const { setting: _setting, ...log } = validLog();
      return log;
    };
    const invalidLogs: [string, () => unknown, string][] = [
      ['a missing field', withoutSetting, 'setting'],
      [
        'a negative count',
        () => ({ ...validLog(), followUps: { hotline111: -1, socialWorkCentre: 0, police: 0 } }),
        'followUps.hotline111',
      ],
      ['a fractional count', () => ({ ...validLog(), durationMinutes: 90.5 }), 'durationMinutes'],
      [
        'sums that do not add up',
        () => ({ ...validLog(), attendance: { ...validLog().attendance, total: 40 } }),
        'attendance.byAge',
      ],
      ['an unknown field', () => ({ ...validLog(), participantNames: 'Mai, Páo' }), '(log)'],
    ];
    for (const [name, makeLog, path] of invalidLogs) {
      test(`400 for ${name}, naming the field`, async ({ request }) => {
        const device = await enrolDevice(request);
        const response = await postSessions(request, device, makeLog());
        expect(response.status()).toBe(400);
        const body = (await response.json()) as { errors: unknown[] };
        expect(body).toMatchObject({ error: 'invalidLog', message: expect.any(String) });
        expect(body.errors).toContainEqual(
          expect.objectContaining({ path, rule: expect.any(String), message: expect.any(String) }),
        );
        expect(await storedCount(device.deviceId)).toBe(0);
      });
    }

    test('400 for invalid JSON, and for a body that is not UTF-8', async ({ request, baseURL }) => {
      const device = await enrolDevice(request);
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${device.token}` };
      for (const body of [Buffer.from('{"clientId": '), Buffer.from('{"notes": "Tr\xfang"}', 'latin1')]) {
        const response = await rawPost(`${baseURL!}/api/sessions/`, headers, [body]);
        expect(response.status).toBe(400);
        expect(JSON.parse(response.body)).toMatchObject({ error: 'invalidJson' });
      }
      expect(await storedCount(device.deviceId)).toBe(0);
    });

    test('401 without a token or with an unknown one, 403 for a revoked device or team', async ({ request }) => {
      const device = await enrolDevice(request);
      for (const headers of [{}, { Authorization: 'Bearer not-a-token' }, { Authorization: `Basic ${device.token}` }]) {
        const response = await postSessions(request, undefined, validLog(), headers);
        expect(response.status()).toBe(401);
        expect(response.headers()['www-authenticate']).toBe('Bearer');
      }
      const other = await enrolDevice(request);
      await withStore((store) => store.revoke(device.deviceId));
      await withStore((store) => store.revoke(other.teamId));
      for (const revoked of [device, other]) {
        const response = await postSessions(request, revoked, validLog());
        expect(response.status()).toBe(403);
        expect(await response.json()).toMatchObject({ error: 'revoked' });
        expect(await storedCount(revoked.deviceId)).toBe(0);
      }
    });

    test('415 for a body that is not application/json', async ({ request, baseURL }) => {
      const device = await enrolDevice(request);
      const body = JSON.stringify(validLog());
      // Same-origin, as the form page would send it (a form-like type from elsewhere is Astro's 403).
      for (const headers of [
        { 'Content-Type': 'text/plain', Origin: baseURL! },
        { 'Content-Type': 'application/xml' },
      ]) {
        const response = await postSessions(request, device, body, headers);
        expect(response.status()).toBe(415);
        expect(await response.json()).toMatchObject({ error: 'unsupportedMediaType' });
      }
      expect(await storedCount(device.deviceId)).toBe(0);
    });

    test('413 for a 1 MB body, with or without a Content-Length', async ({ request, baseURL }) => {
      const device = await enrolDevice(request);
      const huge = JSON.stringify({ ...validLog(), notes: 'a'.repeat(1024 * 1024) });
      const response = await postSessions(request, device, huge);
      expect(response.status()).toBe(413);
      expect(await response.json()).toMatchObject({ error: 'bodyTooLarge' });

      // Chunked: no Content-Length to trust, so the server must count as it reads.
      const chunks = Array.from({ length: Math.ceil(huge.length / 16_384) }, (_, index) =>
        huge.slice(index * 16_384, (index + 1) * 16_384),
      );
      const chunked = await rawPost(
        `${baseURL!}/api/sessions/`,
        { 'Content-Type': 'application/json', Authorization: `Bearer ${device.token}` },
        chunks,
      );
      expect(chunked.status).toBe(413);
      expect(await storedCount(device.deviceId)).toBe(0);
    });

    test('403 for a request from a foreign origin, while the own origin passes', async ({ request, baseURL }) => {
      const device = await enrolDevice(request);
      const foreign = await postSessions(request, device, validLog(), { Origin: 'https://evil.example' });
      expect(foreign.status()).toBe(403);
      expect(await foreign.json()).toMatchObject({ error: 'foreignOrigin' });
      expect(await storedCount(device.deviceId)).toBe(0);
      const own = await postSessions(request, device, validLog(), { Origin: baseURL! });
      expect(own.status()).toBe(201);
    });

    test('405 in JSON for another method', async ({ request }) => {
      const response = await request.get('/api/sessions/');
      expect(response.status()).toBe(405);
      expect(response.headers()['allow']).toBe('POST');
    });
  });
});
