/**
 * Quarantine, review and names, as every session-store engine keeps them (run beside
 * `storeContract`): a quarantined device's logs leave every report, export and count but stay
 * stored, and come back on release; logs far outside the usual range are flagged, and one flooding
 * phone cannot move it; a name with a control character (NUL included) is refused, never stored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionLog } from '../../src/sessions/schema.ts';
import type { SessionStore } from '../../src/sessions/store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { enrolDevice } from './store-contract.ts';

/** A valid log of `total` people (everyone in one band of each breakdown). */
export function logOf(total: number): SessionLog {
  const log = validLog();
  return {
    ...log,
    attendance: {
      total,
      bySex: { female: total, male: 0, notStated: 0 },
      byAge: { under12: 0, age12to15: total, age16to17: 0, age18to24: 0, age25plus: 0 },
      byEthnicity: { hmong: total, dao: 0, thai: 0, kinh: 0, other: 0, notStated: 0 },
    },
    quiz: undefined,
    followUps: { hotline111: 0, socialWorkCentre: 0, police: 0 },
  };
}

export function quarantineContract(name: string, makeStore: () => SessionStore | Promise<SessionStore>): void {
  describe(`quarantine and review: ${name}`, () => {
    let store: SessionStore;
    let honest: { deviceId: string; teamId: string };
    let flooding: { deviceId: string; teamId: string };

    beforeEach(async () => {
      store = await makeStore();
      honest = await enrolDevice(store, 'Phone of Mai');
      flooding = await enrolDevice(store, 'Lost phone');
    });
    afterEach(() => store.close());

    it("takes a quarantined device's logs out of reports, exports and counts, keeps them, and puts them back on release", async () => {
      const kept = await store.insert(logOf(30), honest.deviceId, honest.teamId);
      const fake = await store.insert(logOf(2000), flooding.deviceId, flooding.teamId);
      const at = new Date('2026-03-05T10:00:00.000Z');

      expect(await store.quarantine(flooding.deviceId, at)).toEqual({
        id: flooding.deviceId,
        name: 'Lost phone',
        quarantinedAt: at.toISOString(),
      });
      expect(await store.count()).toBe(1);
      expect((await store.list()).map((log) => log.clientId)).toEqual([kept.record.clientId]);
      expect(await store.list({ deviceId: flooding.deviceId })).toEqual([]);
      expect((await store.report()).totals).toMatchObject({ sessions: 1, participants: 30 });
      // Kept for audit.
      expect((await store.list({ includeQuarantined: true })).map((log) => log.clientId).sort()).toEqual(
        [kept.record.clientId, fake.record.clientId].sort(),
      );
      expect(await store.list({ deviceId: flooding.deviceId, includeQuarantined: true })).toEqual([fake.record]);
      const devices = (await store.listTeams()).flatMap((team) => team.devices);
      expect(devices.find((device) => device.id === flooding.deviceId)).toMatchObject({
        quarantinedAt: at.toISOString(),
        logsSent: 1,
      });
      expect(devices.find((device) => device.id === honest.deviceId)).toMatchObject({ quarantinedAt: null });
      // A second quarantine keeps the first time; a revoked device can be quarantined too.
      expect(await store.quarantine(flooding.deviceId, new Date('2026-04-01T00:00:00Z'))).toMatchObject({
        quarantinedAt: at.toISOString(),
      });
      await store.revoke(flooding.deviceId);

      expect(await store.release(flooding.deviceId)).toEqual({
        id: flooding.deviceId,
        name: 'Lost phone',
        quarantinedAt: null,
      });
      expect(await store.count()).toBe(2);
      expect((await store.report()).totals).toMatchObject({ sessions: 2, participants: 2030 });
      expect(await store.quarantine('device-unknown')).toBe('unknown');
      expect(await store.release('device-unknown')).toBe('unknown');
    });

    it('counts the logs a device sent since a time, quarantined or not, for its hourly quota', async () => {
      await store.insertBatch(
        [logOf(5), logOf(6)],
        flooding.deviceId,
        flooding.teamId,
        new Date('2026-03-01T08:00:00Z'),
      );
      await store.insertBatch(
        [logOf(7), logOf(8), logOf(9)],
        flooding.deviceId,
        flooding.teamId,
        new Date('2026-03-01T09:30:00Z'),
      );
      await store.insert(logOf(10), honest.deviceId, honest.teamId, new Date('2026-03-01T09:45:00Z'));
      const window = {
        deviceId: flooding.deviceId,
        receivedFrom: '2026-03-01T09:00:00.000Z',
        includeQuarantined: true,
      };
      expect(await store.count(window)).toBe(3);
      await store.quarantine(flooding.deviceId);
      expect(await store.count(window)).toBe(3);
      expect((await store.list({ ...window, limit: 2 })).map((log) => log.receivedAt)).toEqual([
        '2026-03-01T09:30:00.000Z',
        '2026-03-01T09:30:00.000Z',
      ]);
      expect(await store.count({ receivedFrom: '2026-03-01T09:00:00.000Z' })).toBe(1);
    });

    it('refuses a team or device name with a control character or NUL, and spends no code on it', async () => {
      await expect(store.createTeam('Đội\u0000', 'team')).rejects.toThrow(RangeError);
      await expect(store.createTeam('Đội\nrevoked', 'team')).rejects.toThrow(RangeError);
      const code = await store.createEnrolmentCode(honest.teamId);
      if (typeof code === 'string') throw new Error(code);
      await expect(store.enrol(code.code, 'Phone\u0000')).rejects.toThrow(RangeError);
      await expect(store.enrol(code.code, '\u202Eevil')).rejects.toThrow(RangeError);
      expect(typeof (await store.enrol(code.code, 'Phone of Lan'))).toBe('object');
      const names = (await store.listTeams()).flatMap((team) => [
        team.name,
        ...team.devices.map((device) => device.name),
      ]);
      expect(names.filter((name) => /[\p{Cc}]/u.test(name))).toEqual([]);
    });

    it('flags logs far outside the usual range, whatever one flooding phone sends, and none before there is a range', async () => {
      // Four more phones with ordinary sessions: the flooding phone is one device of six.
      const others = [];
      for (const name of ['Phone of Páo', 'Phone of Sử', 'Phone of Lan', 'Phone of Chá'])
        others.push(await enrolDevice(store, name));
      const totals = [18, 20, 22, 25, 25, 27, 28, 30, 31, 33, 35, 38, 40, 24, 26, 29, 32, 21];
      await store.insertBatch(totals.slice(0, 10).map(logOf), honest.deviceId, honest.teamId);
      expect((await store.logsToReview()).range).toBeNull();
      for (const [index, other] of others.entries())
        await store.insertBatch(totals.slice(index * 4, index * 4 + 6).map(logOf), other.deviceId, other.teamId);
      const outlier = await store.insert(logOf(400), honest.deviceId, honest.teamId);
      await store.insertBatch(
        Array.from({ length: 120 }, () => logOf(2000)),
        flooding.deviceId,
        flooding.teamId,
      );

      const review = await store.logsToReview();
      expect(review.range?.fence).toBeGreaterThan(40);
      expect(review.range?.fence).toBeLessThan(400);
      expect(review.byDevice).toEqual([
        { deviceId: flooding.deviceId, flagged: 120 },
        { deviceId: honest.deviceId, flagged: 1 },
      ]);
      expect(review.logs).toHaveLength(50);
      expect(review.logs[0]).toMatchObject({ deviceId: flooding.deviceId, total: 2000 });

      await store.quarantine(flooding.deviceId);
      const after = await store.logsToReview();
      expect(after.byDevice).toEqual([{ deviceId: honest.deviceId, flagged: 1 }]);
      expect(after.logs).toEqual([
        expect.objectContaining({ clientId: outlier.record.clientId, total: 400, deviceId: honest.deviceId }),
      ]);
    });
  });
}
