/**
 * One name per figure (issue 18): every count of a log is one row of `src/sessions/figures.ts`, and
 * everything else is derived from it or checked against it here. A band added in one place only
 * fails: in the table only (no column from a migration, no UI label), in a migration only (a
 * column no figure names), or in the UI strings only (a label no figure uses).
 */
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { logColumns as csvColumns } from '../../src/reports/exports.ts';
import { figureGroups, figures, type FigureGroup } from '../../src/sessions/figures.ts';
import { logColumnNames } from '../../src/sessions/log-columns.ts';
import { ageBands, ethnicGroups, followUps, sexBands } from '../../src/sessions/schema.ts';
import { openSqliteStore } from '../../src/sessions/sqlite-store.ts';
import { summarySums } from '../../src/sessions/summary-sql.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { enrolDevice } from './store-contract.ts';

const folder = mkdtempSync(join(tmpdir(), 'figures-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const uiFolder = join(import.meta.dirname, '../../src/i18n/ui');
const uiFiles = readdirSync(uiFolder).filter((file) => file.endsWith('.json'));
/** Column prefixes of the figures' groups in the store (`age_`, `sex_` …), read from the table. */
const prefixes = [...new Set(figures.map((figure) => figure.column.split('_')[0]!))];
/** UI keys that sit beside the figures' labels but are no figure: a group's own title and hint. */
const notFigures = new Set(Object.values(figureGroups).flatMap(({ label }) => [`${label}.hint`]));

/** The columns of a table in a freshly migrated SQLite store. */
async function columnsOf(table: string): Promise<string[]> {
  const file = join(folder, `${table}.sqlite`);
  const store = openSqliteStore(file);
  await store.migrate();
  await store.close();
  const db = new DatabaseSync(file);
  const names = db
    .prepare(`PRAGMA table_info(${table})`)
    .all()
    .map((row) => String(row['name']));
  db.close();
  return names;
}

describe('one name per figure', () => {
  it('gives each figure one field, one column and one label, none twice', () => {
    for (const key of ['key', 'column', 'label', 'path'] as const) {
      const names = figures.map((figure) => (key === 'key' ? `${figure.group}.${figure.key}` : figure[key]));
      expect(new Set(names).size, key).toBe(figures.length);
    }
  });

  it("derives the schema's bands from the table", () => {
    const keys = (group: FigureGroup) => figures.filter((figure) => figure.group === group).map((figure) => figure.key);
    expect([...sexBands]).toEqual(keys('bySex'));
    expect([...ageBands]).toEqual(keys('byAge'));
    expect([...ethnicGroups]).toEqual(keys('byEthnicity'));
    expect([...followUps]).toEqual(keys('followUps'));
    // The test logs hold exactly the table's figures (a new band needs them to say its count too).
    const log = validLog();
    for (const group of ['bySex', 'byAge', 'byEthnicity'] as const)
      expect(Object.keys(log.attendance[group])).toEqual(keys(group));
    expect(Object.keys(log.followUps)).toEqual(keys('followUps'));
  });

  it('has a column in the logs and in the summaries for every figure, made by a migration, and no figure column without a figure', async () => {
    const columns = figures.map((figure) => figure.column);
    const stored = await columnsOf('session_logs');
    expect(stored).toEqual(expect.arrayContaining(columns));
    expect(logColumnNames).toEqual(expect.arrayContaining(columns));
    expect(stored.filter((column) => prefixes.some((prefix) => column.startsWith(`${prefix}_`))).sort()).toEqual(
      [...columns].sort(),
    );
    const summary = await columnsOf('report_sums');
    expect(summary).toEqual(expect.arrayContaining(columns));
    expect(summarySums).toEqual(expect.arrayContaining(columns));
    expect(summary.filter((column) => prefixes.some((prefix) => column.startsWith(`${prefix}_`))).sort()).toEqual(
      [...columns].sort(),
    );
  });

  it('exports each figure under its column in the raw CSV', () => {
    expect(csvColumns).toEqual(expect.arrayContaining(figures.map((figure) => figure.column)));
    expect(csvColumns.filter((column) => prefixes.some((prefix) => column.startsWith(`${prefix}_`))).sort()).toEqual(
      figures.map((figure) => figure.column).sort(),
    );
  });

  it('labels each figure in every UI strings file and its context, and labels nothing else under a figure group', () => {
    const labels = figures.map((figure) => figure.label).sort();
    for (const file of uiFiles) {
      const keys = Object.keys(JSON.parse(readFileSync(join(uiFolder, file), 'utf8')) as Record<string, string>);
      expect(keys, file).toEqual(expect.arrayContaining(labels));
      const underGroups = keys.filter(
        (key) => Object.values(figureGroups).some(({ label }) => key.startsWith(`${label}.`)) && !notFigures.has(key),
      );
      expect(underGroups.sort(), file).toEqual(labels);
    }
  });

  it('reports every figure of the table, added up from the summaries', async () => {
    const store = openSqliteStore(join(folder, 'report.sqlite'));
    const { deviceId, teamId } = await enrolDevice(store);
    const log = validLog();
    await store.insert(log, deviceId, teamId);
    const report = await store.report();
    await store.close();
    expect(report.bySex).toEqual(log.attendance.bySex);
    expect(report.byAge).toEqual(log.attendance.byAge);
    expect(report.byEthnicity).toEqual(log.attendance.byEthnicity);
    expect(report.totals.referred).toBe(Object.values(log.followUps).reduce((sum, value) => sum + value, 0));
  });
});
