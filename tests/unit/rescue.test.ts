/**
 * The rescue file and its import, on a real SQLite store: the phone's export carries the device,
 * the import stores each log once under that device and its team, answers per log, refuses a
 * revoked or unknown device and anything that is not a rescue file. And the phone's own tally.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../src/offline/db.ts';
import { rescueCsv, rescueJson, unsentEntries } from '../../src/offline/rescue-file.ts';
import { phoneTally } from '../../src/offline/tally.ts';
import { logColumns } from '../../src/reports/exports.ts';
import { importRescueFile } from '../../src/sessions/rescue-import.ts';
import { openSqliteStore } from '../../src/sessions/sqlite-store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { enrolDevice } from './store-contract.ts';

const folder = mkdtempSync(join(tmpdir(), 'rescue-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
const freshStore = () => openSqliteStore(join(folder, `store-${files++}.sqlite`));

const entry = (state: OutboxEntry['state'], log = validLog()): OutboxEntry => ({
  clientId: log.clientId,
  log,
  state,
  createdAt: new Date().toISOString(),
});

describe('the rescue file', () => {
  it('takes the waiting, sending, rejected and conflict logs, never the sent ones', () => {
    const entries = [entry('sent'), entry('waiting'), entry('rejected'), entry('conflict'), entry('sending')];
    expect(
      unsentEntries(entries)
        .map(({ state }) => state)
        .sort(),
    ).toEqual(['conflict', 'rejected', 'sending', 'waiting']);
  });

  it("gives a person the raw export's columns, with the device on every line", () => {
    const rows = parse(
      rescueCsv({ deviceId: 'device-1', team: { id: 'team-1', name: 'Đội Y Tý' } }, [entry('waiting')]),
      { bom: true },
    );
    expect(rows[0]).toEqual([...logColumns]);
    expect(rows[1]![rows[0]!.indexOf('device_id')]).toBe('device-1');
    expect(rows[1]![rows[0]!.indexOf('team_id')]).toBe('team-1');
  });
});

describe('importing a rescue file', () => {
  it('stores each log once under its own device and team, and answers per log', async () => {
    const store = freshStore();
    const device = await enrolDevice(store);
    const other = await enrolDevice(store, 'Phone 2');
    const [a, b] = [entry('waiting'), entry('rejected')];
    const bad = entry('rejected', { ...validLog(), date: '2001-01-01' });
    const conflicting = entry('waiting');
    await store.insert({ ...conflicting.log, notes: 'another log under this id' }, other.deviceId, other.teamId);
    // The file says a team of its own: the store's team of the device counts, not the file's.
    const text = rescueJson({ deviceId: device.deviceId, team: { id: 'team-forged', name: 'x' } }, [
      a,
      b,
      bad,
      conflicting,
    ]);
    const first = await importRescueFile(store, text);
    expect(first).toMatchObject({ ok: true, device: { id: device.deviceId, teamId: device.teamId } });
    if (!first.ok) return;
    expect(first.results.map(({ clientId, status }) => [clientId, status])).toEqual([
      [a.clientId, 'created'],
      [b.clientId, 'created'],
      [bad.clientId, 'invalid'],
      [conflicting.clientId, 'conflict'],
    ]);
    expect(first.results[2]!.errors?.[0]).toMatchObject({ path: 'date', rule: 'tooOld' });
    const again = await importRescueFile(store, text);
    expect(again.ok && again.results.map(({ status }) => status)).toEqual([
      'duplicate',
      'duplicate',
      'invalid',
      'conflict',
    ]);
    const stored = await store.list({ deviceId: device.deviceId });
    expect(stored.map(({ clientId }) => clientId).sort()).toEqual([a.clientId, b.clientId].sort());
    expect(stored.every(({ teamId }) => teamId === device.teamId)).toBe(true);
    await store.close();
  });

  it('refuses a file from a revoked device, or of a revoked team, or of a device it does not know', async () => {
    const store = freshStore();
    const device = await enrolDevice(store);
    const text = rescueJson({ deviceId: device.deviceId, team: { id: device.teamId, name: 'Đội Y Tý' } }, [
      entry('waiting'),
    ]);
    await store.revoke(device.deviceId);
    expect(await importRescueFile(store, text)).toMatchObject({ ok: false, error: 'revoked' });
    const unknown = rescueJson({ deviceId: 'device-nobody', team: { id: device.teamId, name: 'Đội Y Tý' } }, [
      entry('waiting'),
    ]);
    expect(await importRescueFile(store, unknown)).toMatchObject({ ok: false, error: 'unknownDevice' });
    const second = await enrolDevice(store, 'Phone 2');
    await store.revoke(second.teamId);
    const ofRevokedTeam = rescueJson({ deviceId: second.deviceId, team: { id: second.teamId, name: '' } }, [
      entry('waiting'),
    ]);
    expect(await importRescueFile(store, ofRevokedTeam)).toMatchObject({ ok: false, error: 'revoked' });
    expect(await store.count()).toBe(0);
    await store.close();
  });

  it.each([
    '',
    'not json',
    '[]',
    '{"format":"outreach-unsent-logs","version":2}',
    JSON.stringify({ logs: [validLog()] }),
  ])('refuses %j as not a rescue file, without throwing', async (text) => {
    const store = freshStore();
    await store.migrate();
    expect(await importRescueFile(store, text)).toMatchObject({ ok: false, error: 'notARescueFile' });
    await store.close();
  });
});

describe("the phone's tally", () => {
  it("counts waiting, sent and rejected, and the people of this month's sent logs", () => {
    const now = new Date('2026-03-15T03:00:00Z');
    const thisMonth = validLog(now);
    const lastMonth = validLog(new Date('2026-02-20T03:00:00Z'));
    const entries = [
      entry('sent', thisMonth),
      entry('sent', lastMonth),
      entry('waiting', validLog(now)),
      entry('sending'),
      entry('rejected'),
      entry('conflict'),
    ];
    expect(phoneTally(entries, now)).toEqual({ waiting: 2, sent: 2, rejected: 2, peopleThisMonth: 34 });
  });
});
