import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/sessions/migrations.ts';
import { openSqliteStore } from '../../src/sessions/sqlite-store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { quarantineContract } from './quarantine-contract.ts';
import { enrolDevice, storeContract } from './store-contract.ts';

const folder = mkdtempSync(join(tmpdir(), 'sessions-store-'));
let files = 0;
const freshFile = () => join(folder, `store-${files++}.sqlite`);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

storeContract('SQLite', () => openSqliteStore(freshFile()));
quarantineContract('SQLite', () => openSqliteStore(freshFile()));

describe('SQLite session store', () => {
  it('keeps no token or enrolment code in clear anywhere in its files', async () => {
    const file = freshFile();
    const store = openSqliteStore(file);
    await store.migrate();
    const team = await store.createTeam('Đội Y Tý', 'team');
    const code = await store.createEnrolmentCode(team.id);
    if (typeof code === 'string') throw new Error(code);
    const enrolment = await store.enrol(code.code, 'Phone');
    if (typeof enrolment === 'string') throw new Error(enrolment);
    await store.close();
    const bytes = readdirSync(folder)
      .filter((name) => name.startsWith(file.split('/').pop()!))
      .map((name) => readFileSync(join(folder, name)).toString('latin1'))
      .join('');
    expect(bytes).toContain('Phone');
    expect(bytes).not.toContain(enrolment.token);
    expect(bytes).not.toContain(code.code.replace('-', ''));
    expect(bytes).not.toContain(code.code);
  });

  it('applies migrations once: reopening keeps the data and the recorded versions', async () => {
    const file = freshFile();
    const first = openSqliteStore(file);
    await first.migrate();
    await first.migrate();
    const team = await first.createTeam('Đội Y Tý', 'team');
    const code = await first.createEnrolmentCode(team.id);
    if (typeof code === 'string') throw new Error(code);
    const enrolment = await first.enrol(code.code, 'Phone');
    if (typeof enrolment === 'string') throw new Error(enrolment);
    await first.insert(validLog(), enrolment.deviceId, team.id);
    await first.close();

    const again = openSqliteStore(file);
    await again.migrate();
    expect(await again.count()).toBe(1);
    expect(typeof (await again.authenticate(enrolment.token))).toBe('object');
    await again.close();
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(file);
    expect(
      db
        .prepare('SELECT version FROM schema_migrations ORDER BY version')
        .all()
        .map((row) => row['version']),
    ).toEqual(migrations.map((migration) => migration.version));
    expect(db.prepare('PRAGMA journal_mode').get()?.['journal_mode']).toBe('wal');
    db.close();
  });

  it('copies the figures reports add up into their own columns', async () => {
    const file = freshFile();
    const store = openSqliteStore(file);
    const device = await enrolDevice(store);
    const log = validLog();
    await store.insert(log, device.deviceId, device.teamId);
    await store.close();
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(file);
    const row = db.prepare('SELECT * FROM session_logs').get();
    db.close();
    expect(row).toMatchObject({
      session_date: log.date,
      commune_id: 'xa-y-ty',
      area_id: 'bat-xat',
      setting: 'school',
      total: 34,
      sex_female: 18,
      age_12_15: 30,
      ethnicity_hmong: 25,
      referred_social_work_centre: 1,
    });
  });
});
