import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDeviceAction } from '../../src/reports/device-actions.ts';
import { openSqliteStore } from '../../src/sessions/sqlite-store.ts';
import type { DeviceIdentity, SessionStore } from '../../src/sessions/store.ts';

const folder = mkdtempSync(join(tmpdir(), 'device-actions-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
let store: SessionStore;
let coordinator: DeviceIdentity;
let phone: { deviceId: string; teamId: string };

async function enrol(teamName: string, role: 'team' | 'coordinator', deviceName: string) {
  const team = await store.createTeam(teamName, role);
  const code = await store.createEnrolmentCode(team.id);
  if (typeof code === 'string') throw new Error(code);
  const enrolment = await store.enrol(code.code, deviceName);
  if (typeof enrolment === 'string') throw new Error(enrolment);
  return enrolment;
}

beforeEach(async () => {
  store = openSqliteStore(join(folder, `${++files}.sqlite`));
  await store.migrate();
  const office = await enrol('Điều phối', 'coordinator', 'Máy văn phòng');
  coordinator = { deviceId: office.deviceId, deviceName: 'Máy văn phòng', team: office.team, role: 'coordinator' };
  const field = await enrol('Đội Y Tý', 'team', 'Phone of Y Tý');
  phone = { deviceId: field.deviceId, teamId: field.team.id };
});
afterEach(() => store.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const devices = async () => (await store.listTeams()).flatMap((team) => team.devices);
const deviceOf = async (id: string) => (await devices()).find((device) => device.id === id)!;

describe('device actions of the reports page', () => {
  it('revokes a device and names it in the notice', async () => {
    const query = await runDeviceAction(form({ action: 'revoke', id: phone.deviceId }), coordinator, store);
    expect(Object.fromEntries(query)).toEqual({ notice: 'revoked', name: 'Phone of Y Tý' });
    expect((await deviceOf(phone.deviceId)).revokedAt).not.toBeNull();
    expect((await deviceOf(phone.deviceId)).quarantinedAt).toBeNull();
  });

  it('revokes and quarantines a device when the box is ticked', async () => {
    const query = await runDeviceAction(
      form({ action: 'revoke', id: phone.deviceId, quarantine: 'on' }),
      coordinator,
      store,
    );
    expect(Object.fromEntries(query)).toEqual({ notice: 'quarantined', name: 'Phone of Y Tý' });
    expect((await deviceOf(phone.deviceId)).quarantinedAt).not.toBeNull();
  });

  it('revokes a whole team', async () => {
    const query = await runDeviceAction(form({ action: 'revoke', id: phone.teamId }), coordinator, store);
    expect(Object.fromEntries(query)).toEqual({ notice: 'revoked', name: 'Đội Y Tý' });
    expect((await store.listTeams()).find((team) => team.id === phone.teamId)?.revokedAt).not.toBeNull();
  });

  it('never revokes the device showing the page nor its own team, an unknown id or no id', async () => {
    for (const id of [coordinator.deviceId, coordinator.team.id, 'device-unknown', '']) {
      expect(Object.fromEntries(await runDeviceAction(form({ action: 'revoke', id }), coordinator, store))).toEqual({
        notice: 'notRevoked',
      });
    }
    expect((await devices()).every((device) => device.revokedAt === null)).toBe(true);
  });

  it('quarantines and releases a device, and says so for an unknown one', async () => {
    expect(
      Object.fromEntries(await runDeviceAction(form({ action: 'quarantine', id: phone.deviceId }), coordinator, store)),
    ).toEqual({ notice: 'quarantined', name: 'Phone of Y Tý' });
    expect((await deviceOf(phone.deviceId)).quarantinedAt).not.toBeNull();
    expect(
      Object.fromEntries(await runDeviceAction(form({ action: 'release', id: phone.deviceId }), coordinator, store)),
    ).toEqual({ notice: 'released', name: 'Phone of Y Tý' });
    expect((await deviceOf(phone.deviceId)).quarantinedAt).toBeNull();
    for (const action of ['quarantine', 'release']) {
      expect(
        Object.fromEntries(await runDeviceAction(form({ action, id: 'device-unknown' }), coordinator, store)),
      ).toEqual({ notice: 'unknownDevice' });
      expect(Object.fromEntries(await runDeviceAction(form({ action }), coordinator, store))).toEqual({
        notice: 'unknownDevice',
      });
    }
  });

  it('does nothing for an unknown action', async () => {
    expect(
      Object.fromEntries(await runDeviceAction(form({ action: 'delete', id: phone.deviceId }), coordinator, store)),
    ).toEqual({ notice: 'notRevoked' });
    expect((await deviceOf(phone.deviceId)).revokedAt).toBeNull();
  });
});
