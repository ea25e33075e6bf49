/**
 * Quarantine and names against built servers: a coordinator takes a flooding phone's logs out of
 * every report and export from the reports page (found in the list of logs to review) and puts
 * them back; revoking a device offers the same; the teams command does it too and prints names
 * escaped; a device name with a control character or NUL is a 400 on SQLite and on PostgreSQL.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from '@playwright/test';
import type { SessionLog } from '../../src/sessions/schema.ts';
import { sqliteFile } from '../../src/sessions/sqlite-store.ts';
import type { SessionStore } from '../../src/sessions/store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { schemaFactory, testDatabaseUrl } from '../unit/postgres-test-db.ts';
import { outDir, root, startOwnServer, withStore } from './api-helpers.ts';
import { expectNoAxeViolations } from './helpers.ts';

/** A valid log of `total` people. */
function logOf(total: number): SessionLog {
  return {
    ...validLog(),
    attendance: {
      total,
      bySex: { female: total, male: 0, notStated: 0 },
      byAge: { under12: 0, age12to15: total, age16to17: 0, age18to24: 0, age25plus: 0 },
      byEthnicity: { hmong: total, dao: 0, thai: 0, kinh: 0, other: 0, notStated: 0 },
    },
    followUps: { hotline111: 0, socialWorkCentre: 0, police: 0 },
  };
}

/** A device of a new team in `store`, named `name`. */
async function device(store: SessionStore, team: string, name: string, role: 'team' | 'coordinator' = 'team') {
  const created = await store.createTeam(team, role);
  const code = await store.createEnrolmentCode(created.id);
  if (typeof code === 'string') throw new Error(code);
  const enrolment = await store.enrol(code.code, name);
  if (typeof enrolment === 'string') throw new Error(enrolment);
  return enrolment;
}

/** `npm run teams -- …` on the store in `dataDir`. */
function teams(dataDir: string, ...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/teams.ts', ...args],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

test('a coordinator quarantines a flooding phone from the logs to review, and puts its logs back', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const server = await startOwnServer();
  try {
    const { coordinator, flooding } = await withStore(async (store) => {
      const coordinator = await device(store, 'Điều phối tỉnh', 'Máy của chị Mai', 'coordinator');
      for (const [index, name] of [
        'Máy Y Tý',
        'Máy Bát Xát',
        'Máy Sa Pa',
        'Máy Bắc Hà',
        'Máy Mường Khương',
      ].entries()) {
        const honest = await device(store, `Đội ${index}`, name);
        await store.insertBatch([20, 25, 30, 35, 40].map(logOf), honest.deviceId, honest.team.id);
      }
      const flooding = await device(store, 'Đội lạ', 'Máy bị mất');
      await store.insertBatch(
        Array.from({ length: 30 }, () => logOf(2000)),
        flooding.deviceId,
        flooding.team.id,
      );
      return { coordinator, flooding };
    }, sqliteFile(server.dataDir));
    const honestPeople = 5 * (20 + 25 + 30 + 35 + 40);
    await context.setExtraHTTPHeaders({ Authorization: `Bearer ${coordinator.token}` });
    const participants = page.locator('[data-table=summary] [data-row=participants] dd');
    const exported = async () => {
      const summary = parse(await (await page.request.get(`${server.origin}/api/reports/summary/?format=csv`)).text(), {
        bom: true,
      });
      const logs = parse(await (await page.request.get(`${server.origin}/api/reports/logs/`)).text(), { bom: true });
      return {
        participants: summary.find((row) => row[1] === 'summary' && row[3] === 'participants')?.[6],
        logs: logs.length - 1,
      };
    };

    await page.goto(`${server.origin}/en/reports/`);
    await expect(participants).toHaveText((honestPeople + 30 * 2000).toLocaleString('en-GB'));
    const review = page.locator('.report-review');
    await expect(review).toContainText('A session of more than');
    await expect(review.locator(`[data-review-device="${flooding.deviceId}"]`)).toContainText('Máy bị mất (Đội lạ)');
    await expect(review.locator('[data-review-device]')).toHaveCount(1);
    await expectNoAxeViolations(page);

    await review.getByRole('button', { name: 'Quarantine the logs of Máy bị mất' }).click();
    await expect(page.locator('p.report-notice')).toContainText(
      'Quarantined: the logs of Máy bị mất are out of every report and export.',
    );
    await expect(participants).toHaveText(honestPeople.toLocaleString('en-GB'));
    await expect(page.locator(`[data-device="${flooding.deviceId}"]`)).toContainText('Logs quarantined');
    await expect(review).toContainText('No log is far outside the usual range.');
    expect(await exported()).toEqual({ participants: String(honestPeople), logs: 25 });
    // Kept for audit.
    expect(
      await withStore(
        (store) => store.count({ deviceId: flooding.deviceId, includeQuarantined: true }),
        sqliteFile(server.dataDir),
      ),
    ).toBe(30);

    await page.getByRole('button', { name: 'Put the logs of Máy bị mất back in reports' }).click();
    await expect(page.locator('p.report-notice')).toContainText('The logs of Máy bị mất are back in reports.');
    await expect(participants).toHaveText((honestPeople + 30 * 2000).toLocaleString('en-GB'));
    expect(await exported()).toEqual({ participants: String(honestPeople + 30 * 2000), logs: 55 });

    // Revoking the lost phone offers to quarantine its logs as well.
    const row = page.locator(`[data-device="${flooding.deviceId}"]`);
    await row.getByText('Revoke…').click();
    await row.getByLabel(/Also take its logs out of every report and export/).check();
    await row.getByRole('button', { name: 'Revoke Máy bị mất' }).click();
    await expect(page.locator('p.report-notice')).toContainText('Quarantined: the logs of Máy bị mất');
    await expect(row).toContainText('Revoked');
    await expect(row).toContainText('Logs quarantined');
    await expect(participants).toHaveText(honestPeople.toLocaleString('en-GB'));
  } finally {
    server.stop();
  }
});

test('the teams command quarantines, releases and reviews, and prints a name that holds a line break escaped', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'teams-cli-'));
  try {
    const lost = await withStore(async (store) => {
      const made = await device(store, 'Đội Y Tý', 'Máy bị mất');
      await store.insertBatch([logOf(30)], made.deviceId, made.team.id);
      return made;
    }, sqliteFile(dataDir));
    // A name stored before names were checked, forging a "revoked" line.
    const db = new DatabaseSync(sqliteFile(dataDir));
    db.prepare('UPDATE devices SET name = ? WHERE id = ?').run(
      'Máy\n  device-000000000000  Máy của chị Mai  revoked 2026-01-01',
      lost.deviceId,
    );
    db.close();

    const listed = teams(dataDir, 'list');
    expect(listed.status).toBe(0);
    expect(listed.output).toContain('Máy\\u{a}  device-000000000000');
    expect(listed.output.split('\n').filter((line) => line.includes('revoked'))).toHaveLength(1);

    const refused = teams(dataDir, 'add', 'Đội\u0007 mới');
    expect(refused.status).toBe(1);
    expect(refused.output).toContain('Not a valid team name (it holds a control character): Đội\\u{7} mới');

    const quarantined = teams(dataDir, 'quarantine', lost.deviceId);
    expect(quarantined.status).toBe(0);
    expect(quarantined.output).toContain(`Quarantined the logs of ${lost.deviceId}`);
    expect(teams(dataDir, 'list').output).toMatch(/logs quarantined \d{4}-\d\d-\d\d/);
    expect(teams(dataDir, 'review').output).toContain('Not enough logs yet to know the usual range (20 needed).');
    expect(teams(dataDir, 'release', lost.deviceId).output).toContain('back in reports');
    expect(teams(dataDir, 'list').output).not.toContain('logs quarantined');
    expect(teams(dataDir, 'quarantine', 'device-unknown').status).toBe(1);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a device name with a control character or NUL is a 400, on SQLite and on PostgreSQL', async ({ playwright }) => {
  const schemas = schemaFactory(testDatabaseUrl());
  const servers = [await startOwnServer(), await startOwnServer(outDir, { DATABASE_URL: await schemas.freshUrl() })];
  try {
    for (const server of servers) {
      const request = await playwright.request.newContext({ baseURL: server.origin });
      for (const deviceName of ['Phone\u0000', 'Máy\nrevoked', '\u202Eevil', 'Tab\tname']) {
        const response = await request.post('/api/enrol/', { data: { code: 'ABCD-EFGH', deviceName } });
        expect(response.status(), `${JSON.stringify(deviceName)} on ${server.origin}`).toBe(400);
        expect(((await response.json()) as { errors: unknown[] }).errors).toContainEqual(
          expect.objectContaining({ path: 'deviceName', rule: 'controlCharacter' }),
        );
      }
      await request.dispose();
    }
  } finally {
    for (const server of servers) server.stop();
    await schemas.dropAll();
  }
});
