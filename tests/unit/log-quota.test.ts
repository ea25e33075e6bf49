import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { retryAfterSeconds } from '../../src/offline/sync-core.ts';
import { createLogQuota, readQuotaEnv } from '../../src/sessions/log-quota.ts';
import { openSqliteStore } from '../../src/sessions/sqlite-store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { enrolDevice } from './store-contract.ts';

const folder = mkdtempSync(join(tmpdir(), 'log-quota-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('per-device log quotas', () => {
  it('refuses logs over the hourly quota with a Retry-After for when they fit, device by device', async () => {
    const store = openSqliteStore(join(folder, 'hour.sqlite'));
    const flooding = await enrolDevice(store, 'Lost phone');
    const other = await enrolDevice(store, 'Phone of Mai');
    const now = new Date('2026-03-01T10:00:00.000Z');
    // 60 logs 50 minutes ago, 35 logs 20 minutes ago, 10 logs two hours ago (out of the window).
    await store.insertBatch(
      Array.from({ length: 10 }, () => validLog()),
      flooding.deviceId,
      flooding.teamId,
      new Date('2026-03-01T08:00:00Z'),
    );
    await store.insertBatch(
      Array.from({ length: 60 }, () => validLog()),
      flooding.deviceId,
      flooding.teamId,
      new Date('2026-03-01T09:10:00Z'),
    );
    await store.insertBatch(
      Array.from({ length: 35 }, () => validLog()),
      flooding.deviceId,
      flooding.teamId,
      new Date('2026-03-01T09:40:00Z'),
    );
    const quota = createLogQuota(readQuotaEnv({ LOG_QUOTA_PER_HOUR: '100', LOG_BATCHES_PER_MINUTE: '1000' }));

    expect(await quota.check(store, flooding.deviceId, 5, now)).toBeUndefined();
    const refused = await quota.check(store, flooding.deviceId, 6, now);
    expect(refused?.status).toBe(429);
    // One log must leave the window: the oldest of 09:10 leaves at 10:10, in 600 s.
    expect(refused?.headers.get('Retry-After')).toBe('600');
    expect(await refused?.json()).toMatchObject({
      error: 'quotaExceeded',
      message: expect.stringContaining('95 logs in the last hour'),
    });
    // 65 over: all 60 of 09:10 and 5 of 09:40 have to go, at 10:40.
    expect((await quota.check(store, flooding.deviceId, 70, now))?.headers.get('Retry-After')).toBe('2400');
    expect(await quota.check(store, other.deviceId, 100, now)).toBeUndefined();
    // Quarantined logs still count: quarantine is no way around the quota.
    await store.quarantine(flooding.deviceId);
    expect((await quota.check(store, flooding.deviceId, 6, now))?.status).toBe(429);
    await store.close();
  });

  it('refuses requests over the per-minute rate with a Retry-After of at most a minute', async () => {
    const store = openSqliteStore(join(folder, 'minute.sqlite'));
    const device = await enrolDevice(store);
    const quota = createLogQuota(readQuotaEnv({ LOG_BATCHES_PER_MINUTE: '2' }));
    const at = (seconds: number) => new Date(Date.parse('2026-03-01T10:00:00Z') + seconds * 1000);
    expect(await quota.check(store, device.deviceId, 1, at(0))).toBeUndefined();
    expect(await quota.check(store, device.deviceId, 1, at(10))).toBeUndefined();
    const refused = await quota.check(store, device.deviceId, 1, at(20));
    expect(refused?.status).toBe(429);
    expect(refused?.headers.get('Retry-After')).toBe('40');
    expect(await refused?.json()).toMatchObject({ error: 'tooManyRequests' });
    expect(await quota.check(store, device.deviceId, 1, at(61))).toBeUndefined();
    await store.close();
  });

  it('reads its settings with defaults, and names a bad one', () => {
    expect(readQuotaEnv({})).toEqual({ LOG_QUOTA_PER_HOUR: 300, LOG_BATCHES_PER_MINUTE: 30 });
    expect(() => readQuotaEnv({ LOG_QUOTA_PER_HOUR: '50' })).toThrow(/LOG_QUOTA_PER_HOUR/);
    expect(() => readQuotaEnv({ LOG_BATCHES_PER_MINUTE: 'many' })).toThrow(/LOG_BATCHES_PER_MINUTE/);
  });

  it('reads a Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Sun, 01 Mar 2026 10:05:00 GMT', now)).toBe(300);
    expect(retryAfterSeconds(null, now)).toBeUndefined();
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
  });
});
