/** Issue 13: the store is readable by the server's user only, and the first code never reaches a log. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore, sqliteFile } from '../../src/sessions/sqlite-store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { enrolDevice } from './store-contract.ts';

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'secrets-at-rest-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('secrets at rest', () => {
  it('makes the SQLite folder 0700 and every file of it 0600, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const dataDir = join(folder, 'data');
      const store = openSqliteStore(sqliteFile(dataDir));
      await store.migrate();
      const device = await enrolDevice(store);
      await store.insert(validLog(), device.deviceId, device.teamId);
      expect(mode(dataDir)).toBe('700');
      const files = readdirSync(dataDir);
      expect(files).toEqual(expect.arrayContaining(['sessions.sqlite', 'sessions.sqlite-wal', 'sessions.sqlite-shm']));
      for (const file of files) expect([file, mode(join(dataDir, file))]).toEqual([file, '600']);
      await store.close();
    } finally {
      process.umask(previous);
    }
  });

  it('puts the first coordinator code in a 0600 file, not in the output a service log keeps', async () => {
    const dataDir = join(folder, 'first-run');
    const { stdout } = await run(
      process.execPath,
      ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/teams.ts', 'init'],
      {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      },
    );
    const file = resolve(dataDir, 'first-enrolment-code.txt');
    const code = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/m.exec(readFileSync(file, 'utf8'))?.[0];
    expect(code).toBeDefined();
    expect(stdout).not.toContain(code!);
    expect(stdout).toContain(file);
    expect(mode(file)).toBe('600');
    expect(mode(dataDir)).toBe('700');
  });
});
