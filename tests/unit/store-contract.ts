/**
 * The contract every session-store engine keeps, as a suite any engine's test file runs:
 * `storeContract('SQLite', () => openSqliteStore(file))`. A PostgreSQL engine runs the same.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLog } from '../../src/sessions/log-versions.ts';
import type { SessionLog } from '../../src/sessions/schema.ts';
import type { SessionStore } from '../../src/sessions/store.ts';
import { validLog } from '../fixtures/session-logs.ts';

/** Migrates `store`, makes a team and enrols one device in it, as the tests need again and again. */
export async function enrolDevice(
  store: SessionStore,
  deviceName = 'Phone 1',
): Promise<{ deviceId: string; teamId: string }> {
  await store.migrate();
  const team = await store.createTeam('Đội Y Tý', 'team');
  const code = await store.createEnrolmentCode(team.id);
  if (typeof code === 'string') throw new Error(code);
  const enrolment = await store.enrol(code.code, deviceName);
  if (typeof enrolment === 'string') throw new Error(enrolment);
  return { deviceId: enrolment.deviceId, teamId: team.id };
}

/** `makeStore` gives a fresh, empty, not yet migrated store for each test. */
export function storeContract(name: string, makeStore: () => SessionStore | Promise<SessionStore>): void {
  describe(`session store contract: ${name}`, () => {
    let store: SessionStore;
    let device: { deviceId: string; teamId: string };

    beforeEach(async () => {
      store = await makeStore();
      device = await enrolDevice(store);
    });
    afterEach(() => store.close());

    describe('session logs', () => {
      it('stores a log with the team, the device and the time received', async () => {
        const log = validLog();
        const receivedAt = new Date('2026-03-01T08:00:00.000Z');
        const { status, record } = await store.insert(log, device.deviceId, device.teamId, receivedAt);
        expect(status).toBe('created');
        expect(record).toEqual({ ...log, receivedAt: receivedAt.toISOString(), ...device });
        expect(await store.count()).toBe(1);
      });

      it('answers a replay of the same log as a duplicate with the stored record, and stores it once', async () => {
        const log = validLog();
        const first = await store.insert(log, device.deviceId, device.teamId, new Date('2026-03-01T08:00:00Z'));
        // The same log with its keys in another order is the same log.
        const reordered = Object.fromEntries(Object.entries(log).reverse()) as typeof log;
        const again = await store.insert(reordered, device.deviceId, device.teamId, new Date('2026-03-02T08:00:00Z'));
        expect(again).toEqual({ status: 'duplicate', record: first.record });
        expect(await store.count()).toBe(1);
      });

      it('answers the upgraded resend of a log stored in an earlier schema version as a duplicate, not a conflict', async () => {
        // As stored before log versions existed: no schemaVersion field.
        const { schemaVersion: _version, ...v1 } = validLog();
        await store.insert(v1 as SessionLog, device.deviceId, device.teamId);
        const resent = parseLog(v1);
        if (!resent.success) throw new Error(JSON.stringify(resent.problems));
        expect((await store.insert(resent.data, device.deviceId, device.teamId)).status).toBe('duplicate');
        expect((await store.insert({ ...resent.data, notes: 'changed' }, device.deviceId, device.teamId)).status).toBe(
          'conflict',
        );
        expect(await store.count()).toBe(1);
      });

      it('answers a different log under a known client id as a conflict and keeps the first', async () => {
        const log = validLog();
        const first = await store.insert(log, device.deviceId, device.teamId);
        const changed = { ...log, notes: 'changed afterwards' };
        const conflict = await store.insert(changed, device.deviceId, device.teamId);
        expect(conflict).toEqual({ status: 'conflict', record: first.record });
        expect((await store.list())[0]?.notes).toBe(log.notes);
      });

      it('judges each log of a batch alone: created, duplicate and conflict side by side', async () => {
        const known = validLog();
        await store.insert(known, device.deviceId, device.teamId);
        const fresh = validLog();
        const results = await store.insertBatch(
          [fresh, known, { ...known, durationMinutes: 45 }, fresh],
          device.deviceId,
          device.teamId,
        );
        expect(results.map((result) => result.status)).toEqual(['created', 'duplicate', 'conflict', 'duplicate']);
        expect(await store.count()).toBe(2);
        expect(await store.insertBatch([], device.deviceId, device.teamId)).toEqual([]);
      });

      it('stores a log sent by several requests at once exactly once', async () => {
        const log = validLog();
        const results = await Promise.all(
          Array.from({ length: 5 }, () => store.insert(structuredClone(log), device.deviceId, device.teamId)),
        );
        expect(results.map((result) => result.status).sort()).toEqual([
          'created',
          'duplicate',
          'duplicate',
          'duplicate',
          'duplicate',
        ]);
        expect(await store.count()).toBe(1);
      });

      it('lets an insert that fails fail alone, not the inserts sent at the same time', async () => {
        const [good, orphan] = [validLog(), validLog()];
        const results = await Promise.allSettled([
          store.insert(good, device.deviceId, device.teamId),
          store.insert(orphan, 'device-that-does-not-exist', device.teamId),
          store.insertBatch([validLog(), validLog()], device.deviceId, device.teamId),
        ]);
        expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect(await store.count()).toBe(3);
      });

      it('lists logs oldest received first, filtered by device, team and session date', async () => {
        const old = { ...validLog(), date: '2026-01-10' };
        const recent = { ...validLog(), date: '2026-02-20' };
        await store.insert(recent, device.deviceId, device.teamId, new Date('2026-03-01T00:00:00Z'));
        await store.insert(old, device.deviceId, device.teamId, new Date('2026-03-02T00:00:00Z'));
        expect((await store.list()).map((log) => log.clientId)).toEqual([recent.clientId, old.clientId]);
        expect((await store.list({ from: '2026-02-01' })).map((log) => log.clientId)).toEqual([recent.clientId]);
        expect((await store.list({ to: '2026-01-31', teamId: device.teamId })).map((log) => log.clientId)).toEqual([
          old.clientId,
        ]);
        expect(await store.list({ limit: 1 })).toHaveLength(1);
        expect(await store.count({ deviceId: 'device-none' })).toBe(0);
        expect(await store.count({ deviceId: device.deviceId, from: '2026-01-01', to: '2026-12-31' })).toBe(2);
      });
    });

    describe('teams and devices', () => {
      it('enrols a device with a one-time code and knows it by its token', async () => {
        const team = await store.createTeam('Coordinators', 'coordinator');
        const code = await store.createEnrolmentCode(team.id);
        if (typeof code === 'string') throw new Error(code);
        expect(code.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
        // Typed in lower case without the dash, as people do.
        const enrolment = await store.enrol(code.code.toLowerCase().replace('-', ' '), 'Office laptop');
        if (typeof enrolment === 'string') throw new Error(enrolment);
        expect(enrolment).toMatchObject({ team: { id: team.id, name: 'Coordinators' }, role: 'coordinator' });
        expect(enrolment.token).toMatch(/^[\w-]{43}$/);
        expect(await store.authenticate(enrolment.token)).toEqual({
          deviceId: enrolment.deviceId,
          deviceName: 'Office laptop',
          team: { id: team.id, name: 'Coordinators' },
          role: 'coordinator',
        });
        expect(await store.authenticate('not-a-token')).toBe('unknown');
      });

      it('takes a code once, and not after it expires', async () => {
        const now = new Date('2026-03-01T00:00:00Z');
        const code = await store.createEnrolmentCode(device.teamId, 7, now);
        if (typeof code === 'string') throw new Error(code);
        expect(code.expiresAt).toBe('2026-03-08T00:00:00.000Z');
        expect(await store.enrol(code.code, 'Phone 2', new Date('2026-03-08T00:00:00Z'))).toBe('expired');
        expect(typeof (await store.enrol(code.code, 'Phone 2', new Date('2026-03-07T23:59:00Z')))).toBe('object');
        expect(await store.enrol(code.code, 'Phone 3', new Date('2026-03-07T23:59:30Z'))).toBe('used');
        expect(await store.enrol('ABCD-EFGH', 'Phone 4')).toBe('unknown');
        expect(await store.enrol('not a code at all', 'Phone 4')).toBe('unknown');
      });

      it('refuses a revoked device, every device of a revoked team, and new codes for that team', async () => {
        const team = await store.createTeam('Đội Bát Xát', 'team');
        const tokens: string[] = [];
        for (const name of ['A', 'B']) {
          const code = await store.createEnrolmentCode(team.id);
          if (typeof code === 'string') throw new Error(code);
          const enrolment = await store.enrol(code.code, name);
          if (typeof enrolment === 'string') throw new Error(enrolment);
          tokens.push(enrolment.token);
        }
        const spare = await store.createEnrolmentCode(team.id);
        const first = await store.authenticate(tokens[0]!);
        if (typeof first === 'string') throw new Error(first);
        expect(await store.revoke(first.deviceId)).toEqual({ kind: 'device', id: first.deviceId, name: 'A' });
        expect(await store.authenticate(tokens[0]!)).toBe('revoked');
        expect(typeof (await store.authenticate(tokens[1]!))).toBe('object');
        expect(await store.revoke(team.id)).toEqual({ kind: 'team', id: team.id, name: 'Đội Bát Xát' });
        expect(await store.authenticate(tokens[1]!)).toBe('revoked');
        expect(await store.createEnrolmentCode(team.id)).toBe('revoked');
        if (typeof spare !== 'string') expect(await store.enrol(spare.code, 'C')).toBe('revoked');
        expect(await store.revoke('team-unknown')).toBe('unknown');
        expect(await store.createEnrolmentCode('team-unknown')).toBe('unknown');
      });

      it('lists teams with their devices, last sync and logs sent', async () => {
        await store.insert(validLog(), device.deviceId, device.teamId, new Date('2026-03-01T08:00:00Z'));
        await store.insert(validLog(), device.deviceId, device.teamId, new Date('2026-03-02T08:00:00Z'));
        await store.createTeam('Đội Sa Pa', 'team');
        const teams = await store.listTeams();
        expect(teams.map((team) => [team.name, team.role, team.devices.length])).toEqual([
          ['Đội Y Tý', 'team', 1],
          ['Đội Sa Pa', 'team', 0],
        ]);
        expect(teams[0]?.devices[0]).toMatchObject({
          id: device.deviceId,
          name: 'Phone 1',
          revokedAt: null,
          lastSyncAt: '2026-03-02T08:00:00.000Z',
          logsSent: 2,
        });
      });
    });

    describe('browser sessions, attempt counts and webhook deliveries (issue 13)', () => {
      it('starts a session that names its device, is no token, and ends at sign-out, expiry and revocation', async () => {
        const now = new Date('2026-03-01T08:00:00Z');
        const session = await store.startSession(device.deviceId, 3600, now);
        expect(session).toMatch(/^[\w-]{43}$/);
        expect(await store.sessionIdentity(session, now)).toMatchObject({
          deviceId: device.deviceId,
          team: { id: device.teamId },
        });
        // A session id is not a device token, nor the other way round.
        expect(await store.authenticate(session)).toBe('unknown');
        expect(await store.sessionIdentity(session, new Date('2026-03-01T09:00:00Z'))).toBe('unknown');
        await store.endSession(session);
        expect(await store.sessionIdentity(session, now)).toBe('unknown');

        const [kept, ofRevoked] = [
          await store.startSession(device.deviceId, 3600, now),
          await store.startSession(device.deviceId, 3600, now),
        ];
        expect(await store.revoke(device.deviceId)).toMatchObject({ kind: 'device' });
        for (const id of [kept, ofRevoked]) expect(await store.sessionIdentity(id, now)).toBe('unknown');
      });

      it('ends the sessions of every device of a revoked team', async () => {
        const other = await enrolDevice(store, 'Phone 2');
        const now = new Date();
        const session = await store.startSession(other.deviceId, 3600, now);
        await store.revoke(other.teamId);
        expect(await store.sessionIdentity(session, now)).toBe('unknown');
      });

      it('limits failed enrolments per key over a sliding window, those in flight included, successes never', async () => {
        const now = new Date('2026-03-01T08:05:00Z');
        const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
        const limit = { key: 'enrol 203.0.113.7', limit: 10, windowMs: 10 * 60 * 1000 };
        // Forty wrong codes at once: exactly ten are tried.
        const guesses = await Promise.all(
          Array.from({ length: 40 }, (_, index) =>
            store.enrol(`WRNG-${String(index).padStart(4, 'A').replace(/\d/g, 'B')}`, 'Guess', now, limit),
          ),
        );
        expect(guesses.filter((answer) => answer === 'unknown')).toHaveLength(10);
        expect(guesses.filter((answer) => answer === 'tooManyAttempts')).toHaveLength(30);
        expect(await store.retryAfter(limit, now)).toBe(600);
        expect(await store.retryAfter(limit, at(600))).toBe(0);
        expect(await store.retryAfter({ ...limit, key: 'enrol 203.0.113.8' }, now)).toBe(0);

        // Twenty good codes at once from one office: every one enrols, and none counts.
        const office = { ...limit, key: 'enrol 198.51.100.1' };
        const codes = await Promise.all(
          Array.from({ length: 20 }, () => store.createEnrolmentCode(device.teamId, 7, now)),
        );
        const enrolled = await Promise.all(
          codes.map(async (code) => (typeof code === 'string' ? code : store.enrol(code.code, 'Phone', now, office))),
        );
        expect(enrolled.every((answer) => typeof answer === 'object')).toBe(true);
        for (let index = 0; index < 9; index++)
          expect(await store.enrol('ABCD-EFGH', 'Guess', at(60), office)).toBe('unknown');
        expect(await store.retryAfter(office, at(60))).toBe(0);
        expect(await store.enrol('not a code', 'Guess', at(120), office)).toBe('unknown');
        // Ten failures: the oldest (at one minute) leaves the window at eleven minutes.
        expect(await store.retryAfter(office, at(120))).toBe(540);
      });

      it('remembers a webhook delivery until it is too old to replay', async () => {
        const now = new Date('2026-03-01T08:00:00Z');
        const until = new Date('2026-03-01T08:05:00Z');
        expect(await store.rememberDelivery('delivery-1', until, now)).toBe(true);
        expect(await store.rememberDelivery('delivery-1', until, now)).toBe(false);
        expect(
          await store.rememberDelivery(
            'delivery-1',
            new Date('2026-03-01T08:20:00Z'),
            new Date('2026-03-01T08:10:00Z'),
          ),
        ).toBe(true);
      });
    });
  });
}
