/**
 * Reports: who may see them (the page and every export), and a coordinator's real path: enrol the
 * laptop on the log page, open reports (it signs in by itself), filter by a former district,
 * check the charts and tables agree, download the CSV, print one page, revoke a lost phone.
 * A server of its own with known logs, so every figure can be checked exactly.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { suppressed } from '../../src/reports/cells.ts';
import { linkedCounts, withheldCells } from '../../src/reports/disclosure.ts';
import { areas } from '../../src/sessions/places.ts';
import type { Report } from '../../src/sessions/report-sql.ts';
import { sqliteFile } from '../../src/sessions/sqlite-store.ts';
import { generatedLogs } from '../fixtures/report-logs.ts';
import { reportInJs } from '../unit/report-contract.ts';
import { outDir, startOwnServer, withStore } from './api-helpers.ts';
import { expectNoAxeViolations, languages, waitForServiceWorker } from './helpers.ts';
import { enrolDevice } from './log-helpers.ts';

const logs = generatedLogs(400, 11);
/** A count of people as the report may show it (`disclosure.ts`): `participantsOf(report, 'byEthnicity.hmong')`. */
const participantsOf = (report: Report, key: string): number | typeof suppressed => {
  const { values, relations } = linkedCounts(report);
  return withheldCells(values, relations).has(key) ? suppressed : values.get(key)!;
};
/** A count cell as the English page writes it: `1,153`, `x`. */
const shown = (cell: number | string) => String(cell).replace(/\B(?=(\d{3})+$)/g, ',');
let server: Awaited<ReturnType<typeof startOwnServer>>;
const tokens: Record<'coordinator' | 'team' | 'revoked', string> = { coordinator: '', team: '', revoked: '' };
let coordinatorCode = '';
let teamDeviceId = '';

test.beforeAll(async () => {
  server = await startOwnServer(outDir);
  await withStore(async (store) => {
    const enrolled = async (teamId: string, name: string) => {
      const code = await store.createEnrolmentCode(teamId);
      if (typeof code === 'string') throw new Error(code);
      const enrolment = await store.enrol(code.code, name);
      if (typeof enrolment === 'string') throw new Error(enrolment);
      return enrolment;
    };
    const coordinators = await store.createTeam('Điều phối tỉnh', 'coordinator');
    const team = await store.createTeam('Đội Y Tý', 'team');
    tokens.coordinator = (await enrolled(coordinators.id, 'Máy của chị Mai')).token;
    const revoked = await enrolled(coordinators.id, 'Máy bị mất');
    tokens.revoked = revoked.token;
    await store.revoke(revoked.deviceId);
    const phone = await enrolled(team.id, 'Điện thoại đội Y Tý');
    tokens.team = phone.token;
    teamDeviceId = phone.deviceId;
    await store.insertBatch(logs, phone.deviceId, team.id);
    const code = await store.createEnrolmentCode(coordinators.id);
    if (typeof code === 'string') throw new Error(code);
    coordinatorCode = code.code;
  }, sqliteFile(server.dataDir));
});
test.afterAll(() => server.stop());

const guarded = [
  '/vi/reports/',
  '/api/reports/summary/?format=csv',
  '/api/reports/summary/?format=json',
  '/api/reports/logs/',
];

test.describe('who may see reports', () => {
  for (const path of guarded) {
    test(`${path}: 401 without a token, 403 for a team or revoked device, 200 for a coordinator`, async ({
      request,
    }) => {
      const status = async (token?: string) =>
        (
          await request.get(`${server.origin}${path}`, {
            headers: token ? { Authorization: `Bearer ${token}` } : {},
            maxRedirects: 0,
          })
        ).status();
      expect(await status()).toBe(401);
      expect(await status('not-a-real-token')).toBe(401);
      expect(await status(tokens.team)).toBe(403);
      expect(await status(tokens.revoked)).toBe(403);
      expect(await status(tokens.coordinator)).toBe(200);
    });
  }

  test('signs a browser in only for a coordinator device, with an HttpOnly cookie', async ({ request }) => {
    const signIn = (token: string) =>
      request.post(`${server.origin}/api/sign-in/`, { headers: { Authorization: `Bearer ${token}` }, data: {} });
    expect((await signIn(tokens.team)).status()).toBe(403);
    expect((await signIn(tokens.revoked)).status()).toBe(403);
    const response = await signIn(tokens.coordinator);
    expect(response.status()).toBe(200);
    expect(response.headers()['set-cookie']).toMatch(/lc_session=[\w-]{43};.*HttpOnly.*SameSite=Strict/i);
    const foreign = await request.post(`${server.origin}/api/sign-in/`, {
      headers: { Authorization: `Bearer ${tokens.coordinator}`, Origin: 'https://evil.example' },
      data: {},
    });
    expect(foreign.status()).toBe(403);
  });

  test('refuses a revocation posted by a team device and keeps the device', async ({ request }) => {
    const response = await request.post(`${server.origin}/vi/reports/`, {
      headers: { Authorization: `Bearer ${tokens.team}`, Origin: server.origin },
      form: { action: 'revoke', id: teamDeviceId },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await withStore((store) => store.authenticate(tokens.team), sqliteFile(server.dataDir))).toMatchObject({
      deviceId: teamDeviceId,
    });
  });
});

/** The text of every cell of a report table, by row id then column id. */
function tableCells(page: Page, table: string): Promise<Record<string, Record<string, string>>> {
  return page
    .locator(`[data-table="${table}"] table tbody tr`)
    .evaluateAll(
      (rows) =>
        Object.fromEntries(
          rows.map((row) => [
            row.getAttribute('data-row'),
            Object.fromEntries(
              [...row.querySelectorAll('td')].map((cell) => [
                cell.getAttribute('data-column'),
                cell.textContent.trim(),
              ]),
            ),
          ]),
        ) as Record<string, Record<string, string>>,
    );
}

const chartTexts = (page: Page, table: string) =>
  page.locator(`[data-table="${table}"] .report-chart svg text`).allTextContents();

async function expectChartMatchesTable(page: Page, table: string, column: string) {
  const [cells, texts, labels] = await Promise.all([
    tableCells(page, table),
    chartTexts(page, table),
    page.locator(`[data-table="${table}"] table tbody th`).allTextContents(),
  ]);
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) expect(texts).toContain(label.trim());
  for (const row of Object.values(cells)) expect(texts).toContain(row[column]);
}

test.describe('a coordinator at work', () => {
  test('signs in, filters by a former district, sees charts and tables agree, downloads the CSV', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`${server.origin}/en/log/`);
    await enrolDevice(page, coordinatorCode, /This device belongs to the team/);

    await page.goto(`${server.origin}/en/reports/`);
    await expect(page.getByRole('heading', { name: 'Outreach reports', level: 1 })).toBeVisible();
    await expect(page.getByText(/Signed in with .* of Điều phối tỉnh/)).toBeVisible();
    const everyone = reportInJs(logs, {});
    await expect(page.locator('[data-table=summary] [data-row=participants] dd')).toHaveText(
      everyone.totals.participants.toLocaleString('en-GB'),
    );

    const area = areas.find((each) =>
      logs.some((log) => each.communes.some((commune) => commune.id === log.place.communeId)),
    )!;
    await page.getByRole('combobox', { name: 'Former district' }).selectOption(area.id);
    await page.getByRole('button', { name: 'Show report' }).click();
    await expect(page).toHaveURL(new RegExp(`area=${area.id}`));
    const expected = reportInJs(logs, { areaId: area.id });
    await expect(page.locator('[data-table=summary] [data-row=sessions] dd')).toHaveText(
      String(expected.totals.sessions),
    );
    expect(await tableCells(page, 'byArea')).toEqual({
      [area.id]: {
        sessions: String(expected.totals.sessions),
        participants: shown(participantsOf(expected, `byArea.${area.id}`)),
      },
    });
    for (const table of ['byArea', 'bySetting', 'byEthnicity', 'byAge', 'bySex'])
      await expectChartMatchesTable(page, table, 'participants');
    await expectChartMatchesTable(page, 'materials', 'sessions');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Summary tables (CSV)' }).click(),
    ]);
    const rows = parse(readFileSync(await download.path(), 'utf8'), { bom: true });
    expect(rows[0]).toEqual(['table', 'table_id', 'group', 'group_id', 'measure', 'measure_id', 'value']);
    const figure = (table: string, group: string, measure: string) =>
      rows.find((row) => row[1] === table && row[3] === group && row[5] === measure)?.[6];
    expect(figure('summary', 'participants', 'value')).toBe(String(participantsOf(expected, 'participants')));
    expect(figure('summary', 'sessions', 'value')).toBe(String(expected.totals.sessions));
    for (const group of Object.keys(expected.byEthnicity))
      expect(figure('byEthnicity', group, 'participants')).toBe(
        String(participantsOf(expected, `byEthnicity.${group}`)),
      );
  });

  test('passes axe in every language at phone and desktop width, with no sideways scroll, and prints on one page', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    await context.setExtraHTTPHeaders({ Authorization: `Bearer ${tokens.coordinator}` });
    const views = [...languages.map(({ path }) => ({ path, width: 360 })), { path: 'vi', width: 1280 }];
    for (const { path, width } of views) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${server.origin}/${path}/reports/`);
      await expect(page.locator('[data-table=byMonth] svg')).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await expectNoAxeViolations(page);
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });

  test('prints every chart at the full width of its column with labels of 7 pt or more', async ({ page, context }) => {
    await context.setExtraHTTPHeaders({ Authorization: `Bearer ${tokens.coordinator}` });
    // A4's printable width at the page's 12 mm margins: 186 mm = 703 CSS px.
    await page.setViewportSize({ width: 703, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    for (const { path } of languages) {
      await page.goto(`${server.origin}/${path}/reports/`);
      const charts = await page.locator('.report-chart svg').evaluateAll((svgs) =>
        svgs
          .filter((svg) => svg.getClientRects().length > 0)
          .map((svg) => {
            const box = (svg as SVGSVGElement).viewBox.baseVal;
            const rect = svg.getBoundingClientRect();
            // The drawing's scale: an SVG letterboxed by a height cap is drawn smaller than its box.
            const scale = Math.min(rect.width / box.width, rect.height / box.height);
            const sizes = [...svg.querySelectorAll('text')].map(
              (text) => parseFloat(getComputedStyle(text).fontSize) * scale * 0.75,
            );
            return {
              chart: svg.closest('[data-table]')?.getAttribute('data-table'),
              widthShare:
                Math.round((box.width * scale * 100) / svg.parentElement!.getBoundingClientRect().width) / 100,
              smallestLabelPt: Math.round(Math.min(...sizes) * 10) / 10,
            };
          }),
      );
      expect(charts.length, path).toBeGreaterThan(3);
      for (const chart of charts) {
        expect(chart.widthShare, `${path} ${String(chart.chart)}`).toBeGreaterThanOrEqual(0.95);
        expect(chart.smallestLabelPt, `${path} ${String(chart.chart)}`).toBeGreaterThanOrEqual(7);
      }
    }
  });

  test('shows a browser without a token how to sign in, in its language, and passes axe', async ({ page }) => {
    const response = await page.goto(`${server.origin}/en/reports/`);
    expect(response?.status()).toBe(401);
    await expect(page.getByRole('heading', { name: 'This page is for coordinators' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'This device is not enrolled yet.' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('keeps no copy of a report on the device: offline it shows the offline page, not old figures', async ({
    page,
    context,
  }) => {
    await context.setExtraHTTPHeaders({ Authorization: `Bearer ${tokens.coordinator}` });
    await page.goto(`${server.origin}/en/`);
    await waitForServiceWorker(page);
    await page.goto(`${server.origin}/en/reports/`);
    await expect(page.locator('[data-table=summary]')).toBeVisible();
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'This page is not saved on this device' })).toBeVisible();
    await expect(page.locator('[data-table=summary]')).toHaveCount(0);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls.filter((url) => url.includes('/reports/'));
    });
    expect(cached).toEqual([]);
  });

  test('tells a team device it cannot see reports', async ({ page, context }) => {
    await context.setExtraHTTPHeaders({ Authorization: `Bearer ${tokens.team}` });
    const response = await page.goto(`${server.origin}/vi/reports/`);
    expect(response?.status()).toBe(403);
    await expect(
      page.getByText('Thiết bị này thuộc một đội truyền thông. Báo cáo chỉ dành cho điều phối viên.'),
    ).toBeVisible();
  });

  test('revokes a lost phone from the devices panel, which then cannot send logs', async ({
    page,
    context,
    request,
  }) => {
    const lost = await withStore(async (store) => {
      const team = await store.createTeam('Đội Bát Xát', 'team');
      const code = await store.createEnrolmentCode(team.id);
      if (typeof code === 'string') throw new Error(code);
      const enrolment = await store.enrol(code.code, 'Điện thoại bị mất');
      if (typeof enrolment === 'string') throw new Error(enrolment);
      return enrolment;
    }, sqliteFile(server.dataDir));
    await context.setExtraHTTPHeaders({ Authorization: `Bearer ${tokens.coordinator}` });
    await page.goto(`${server.origin}/en/reports/`);
    const row = page.locator(`[data-device="${lost.deviceId}"]`);
    await row.getByText('Revoke…').click();
    await row.getByRole('button', { name: 'Revoke Điện thoại bị mất' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Revoked: Điện thoại bị mất.' })).toBeVisible();
    await expect(row).toContainText('Revoked');
    const send = await request.post(`${server.origin}/api/sessions/`, {
      headers: { Authorization: `Bearer ${lost.token}` },
      data: logs[0],
    });
    expect(send.status()).toBe(403);
  });
});
