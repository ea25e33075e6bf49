import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { defuseFormula, people, share } from '../../src/reports/cells.ts';
import { logColumns, logsCsv, tablesCsv, tablesJson } from '../../src/reports/exports.ts';
import { parseReportFilter } from '../../src/reports/filter.ts';
import { monthRange, reportTables, type ReportTable } from '../../src/reports/tables.ts';
import type { Report } from '../../src/sessions/report-sql.ts';
import type { StoredSessionLog } from '../../src/sessions/store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { reportInJs } from './report-contract.ts';

const names = { materialTitle: (slug: string) => `Pack ${slug}` };
/** CSV text back to rows, as a spreadsheet would read it (the BOM dropped). */
const rows = (csv: string) => parse(csv, { bom: true }) as string[][];

function storedLog(overrides: Partial<StoredSessionLog> = {}): StoredSessionLog {
  return { ...validLog(), receivedAt: '2026-03-01T08:00:00.000Z', teamId: 'team-1', deviceId: 'device-1', ...overrides };
}

/** A report where each small figure is the given count. */
function reportWith(counts: Partial<Report['totals']>): Report {
  const report = reportInJs([], {});
  return { ...report, totals: { ...report.totals, ...counts } };
}

const cellOf = (tables: ReportTable[], table: string, row: string) => tables.find((each) => each.id === table)!.rows.find((each) => each.id === row)!.cells;

describe('small-cell suppression', () => {
  it('shows counts of 1 to 4 people as <5, and 0 and 5 or more as they are', () => {
    expect([0, 1, 2, 3, 4, 5, 1234].map(people)).toEqual([0, '<5', '<5', '<5', '<5', 5, 1234]);
  });

  it('hides a share whose part or whole is 1 to 4 people, and has none of nothing', () => {
    expect(share(3, 100)).toBe('<5');
    expect(share(0, 4)).toBe('<5');
    expect(share(0, 100)).toBe(0);
    expect(share(5, 10)).toBe(0.5);
    expect(share(0, 0)).toBeNull();
  });

  it('suppresses the summary, the bands and their shares, but never the number of sessions', () => {
    const log = validLog();
    log.attendance = {
      total: 7,
      bySex: { female: 3, male: 4, notStated: 0 },
      byAge: { under12: 0, age12to15: 7, age16to17: 0, age18to24: 0, age25plus: 0 },
      byEthnicity: { hmong: 7, dao: 0, thai: 0, kinh: 0, other: 0, notStated: 0 },
    };
    log.followUps = { hotline111: 1, socialWorkCentre: 0, police: 0 };
    const tables = reportTables(reportInJs([log, { ...log, clientId: crypto.randomUUID(), attendance: { ...log.attendance } }], {}), 'en', names);
    expect(cellOf(tables, 'summary', 'sessions')).toEqual([2]);
    expect(cellOf(tables, 'summary', 'participants')).toEqual([14]);
    expect(cellOf(tables, 'summary', 'femaleShare')).toEqual([6 / 14]);
    expect(cellOf(tables, 'summary', 'referred')).toEqual(['<5']);
    expect(cellOf(tables, 'byEthnicity', 'hmong')).toEqual([14, 1]);
    expect(cellOf(tables, 'byEthnicity', 'dao')).toEqual([0, 0]);

    const one = reportTables(reportInJs([log], {}), 'en', names);
    expect(cellOf(one, 'bySex', 'female')).toEqual(['<5', '<5']);
    expect(cellOf(one, 'summary', 'femaleShare')).toEqual(['<5']);
    expect(cellOf(one, 'summary', 'sessions')).toEqual([1]);
  });

  it('gives the summary export <5 in place of every small count', () => {
    const tables = reportTables(reportWith({ sessions: 2, participants: 40, children: 3, female: 4, minority: 0, referred: 2 }), 'en', names);
    const byRow = Object.fromEntries(rows(tablesCsv(tables)).filter((line) => line[1] === 'summary').map((line) => [line[3], line[6]]));
    expect(byRow).toEqual({ sessions: '2', participants: '40', children: '<5', childrenShare: '<5', femaleShare: '<5', minorityShare: '0', referred: '<5' });
    const json = JSON.parse(tablesJson(tables, {}, new Date())) as { tables: Array<{ id: string; rows: Array<{ id: string; values: Record<string, unknown> }> }> };
    const summary = json.tables.find((table) => table.id === 'summary')!;
    expect(summary.rows.find((row) => row.id === 'children')!.values).toEqual({ value: '<5' });
    expect(summary.rows.find((row) => row.id === 'participants')!.values).toEqual({ value: 40 });
  });
});

describe('formula injection', () => {
  it('defuses text starting with =, +, -, @, a tab or a carriage return, and leaves numbers alone', () => {
    expect(['=1+1', '+84 912', '-2', '@SUM(A1)', '\t=1', '\r=1'].map(defuseFormula)).toEqual(["'=1+1", "'+84 912", "'-2", "'@SUM(A1)", "'\t=1", "'\r=1"]);
    expect(['Nhà văn hóa', 'a=b', ''].map(defuseFormula)).toEqual(['Nhà văn hóa', 'a=b', '']);
    expect(defuseFormula(-3)).toBe(-3);
  });

  it('writes crafted venues, names and notes as text in the raw export, quotes and line breaks intact', () => {
    const log = storedLog({
      place: { communeId: 'xa-y-ty', venue: '=HYPERLINK("http://evil.example","Bấm")' },
      facilitators: ['@admin', 'Lò Thị Mai'],
      notes: '+1 "trích dẫn", dòng một\ndòng hai',
    });
    const [header, line] = rows(logsCsv([log]));
    expect(header).toEqual([...logColumns]);
    const cell = (column: string) => line![header!.indexOf(column)];
    expect(cell('venue')).toBe('\'=HYPERLINK("http://evil.example","Bấm")');
    expect(cell('facilitators')).toBe("'@admin; Lò Thị Mai");
    expect(cell('notes')).toBe('\'+1 "trích dẫn", dòng một\ndòng hai');
    expect(cell('total')).toBe('34');
    expect(cell('sex_not_stated')).toBe('1');
    expect(cell('quiz_post_correct')).toBe('27; 25; 29');
  });

  it('never writes a phone number a log stored before they were refused may hold', () => {
    const log = storedLog({ place: { communeId: 'xa-y-ty', venue: 'Nhà anh Páo 0912 345 678' }, facilitators: ['Lò Thị Mai (091) 234 5678'], notes: 'Gọi SĐT0912345678' });
    const [header, line] = rows(logsCsv([log]));
    const cell = (column: string) => line![header!.indexOf(column)];
    expect([cell('venue'), cell('facilitators'), cell('notes')]).toEqual(['Nhà anh Páo […]', 'Lò Thị Mai […]', 'Gọi SĐT[…]']);
    expect(cell('schema_version')).toBe('2');
  });

  it('defuses a crafted facilitator list that starts with a formula', () => {
    const [header, line] = rows(logsCsv([storedLog({ facilitators: ['=cmd|"/c calc"!A1'] })]));
    expect(line![header!.indexOf('facilitators')]).toBe('\'=cmd|"/c calc"!A1');
  });

  it('defuses pack titles and labels in the summary export', () => {
    const report = { ...reportInJs([], {}), materials: [{ material: 'x', sessions: 9, participants: 50 }] };
    const tables = reportTables(report, 'en', { materialTitle: () => '-2+3' });
    const line = rows(tablesCsv(tables)).find((each) => each[1] === 'materials');
    expect(line?.[2]).toBe("'-2+3");
  });
});

describe('the report filter', () => {
  it('reads dates, a former district and a setting from the query', () => {
    const parsed = parseReportFilter(new URLSearchParams('from=2026-01-01&to=2026-03-31&area=bat-xat&setting=school'));
    expect(parsed).toEqual({ filter: { from: '2026-01-01', to: '2026-03-31', areaId: 'bat-xat', setting: 'school' }, invalid: [] });
  });

  it('leaves out and names what is not valid instead of failing', () => {
    const parsed = parseReportFilter(new URLSearchParams("from=2026-02-30&area=atlantis&setting=';DROP TABLE teams;--&to="));
    expect(parsed).toEqual({ filter: {}, invalid: ['from', 'area', 'setting'] });
    expect(parseReportFilter(new URLSearchParams('from=2026-05-01&to=2026-04-01'))).toEqual({ filter: { from: '2026-05-01' }, invalid: ['to'] });
  });
});

describe('months of a report', () => {
  it('fills the months without sessions, across a new year', () => {
    expect(monthRange(['2025-11', '2026-02'])).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange([])).toEqual([]);
  });
});
