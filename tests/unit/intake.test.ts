import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logsClaimed, maxBatch, takeLogs } from '../../src/sessions/intake.ts';
import { openSqliteStore } from '../../src/sessions/sqlite-store.ts';
import type { DeviceIdentity, SessionStore } from '../../src/sessions/store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { enrolDevice } from './store-contract.ts';

const folder = mkdtempSync(join(tmpdir(), 'intake-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
let store: SessionStore;
let device: DeviceIdentity;
const receivedAt = new Date('2026-03-01T08:00:00.000Z');

beforeEach(async () => {
  store = openSqliteStore(join(folder, `${++files}.sqlite`));
  const { deviceId, teamId } = await enrolDevice(store);
  device = { deviceId, deviceName: 'Phone 1', team: { id: teamId, name: 'Đội Y Tý' }, role: 'team' };
});
afterEach(() => store.close());

describe('taking one log', () => {
  it('answers 201 created with the stored record, then 200 duplicate for the same log again', async () => {
    const log = validLog();
    const first = await takeLogs(log, store, device, receivedAt);
    expect(first).toEqual({
      status: 201,
      body: {
        status: 'created',
        record: { ...log, receivedAt: receivedAt.toISOString(), teamId: device.team.id, deviceId: device.deviceId },
      },
    });
    expect((await takeLogs(log, store, device)).status).toBe(200);
    expect((await takeLogs(log, store, device)).body['status']).toBe('duplicate');
  });

  it('answers 409 conflict with only the client id for a different log under a stored client id, and keeps the stored one', async () => {
    const log = validLog();
    await takeLogs(log, store, device);
    const answer = await takeLogs({ ...log, durationMinutes: 45 }, store, device);
    expect(answer).toEqual({ status: 409, body: { status: 'conflict', clientId: log.clientId } });
    expect((await store.list())[0]?.durationMinutes).toBe(90);
  });

  it('answers 400 with every problem of an invalid log and stores nothing', async () => {
    const answer = await takeLogs({ ...validLog(), durationMinutes: -5, setting: 'moon' }, store, device);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'invalidLog', message: 'The log has 2 problem(s).' });
    expect(answer.body['errors']).toHaveLength(2);
    expect(await store.count()).toBe(0);
  });
});

describe('taking a batch', () => {
  it('judges each log alone, in order: an invalid log (with the client id it claims) never blocks the others', async () => {
    const [stored, fresh, conflicting] = [validLog(), validLog(), validLog()];
    await takeLogs(stored, store, device);
    await takeLogs(conflicting, store, device);
    const invalid = { ...validLog(), date: 'yesterday' };
    const answer = await takeLogs(
      [fresh, invalid, stored, { ...conflicting, durationMinutes: 10 }, 'not a log'],
      store,
      device,
      receivedAt,
    );
    expect(answer.status).toBe(200);
    const results = answer.body['results'] as {
      clientId: string | null;
      status: string;
      record?: unknown;
      errors?: unknown[];
    }[];
    expect(results.map(({ clientId, status }) => [clientId, status])).toEqual([
      [fresh.clientId, 'created'],
      [invalid.clientId, 'invalid'],
      [stored.clientId, 'duplicate'],
      [conflicting.clientId, 'conflict'],
      [null, 'invalid'],
    ]);
    expect(results[0]?.record).toMatchObject({ ...fresh, receivedAt: receivedAt.toISOString() });
    expect(results[1]?.errors?.length).toBeGreaterThan(0);
    expect(results[3]).not.toHaveProperty('record');
    expect(await store.count()).toBe(3);
  });

  it(`refuses an empty batch and one of more than ${maxBatch} logs whole, storing nothing`, async () => {
    for (const batch of [[], Array.from({ length: maxBatch + 1 }, () => validLog())]) {
      const answer = await takeLogs(batch, store, device);
      expect(answer).toEqual({
        status: 400,
        body: { error: 'batchSize', message: `Send 1 to ${maxBatch} logs at a time; this batch has ${batch.length}.` },
      });
    }
    expect(await store.count()).toBe(0);
  });

  it('counts for the quota what it may store: one log, the batch, at most the largest batch', () => {
    expect(logsClaimed(validLog())).toBe(1);
    expect(logsClaimed([validLog(), validLog()])).toBe(2);
    expect(logsClaimed(Array.from({ length: 500 }, () => ({})))).toBe(maxBatch);
  });
});
