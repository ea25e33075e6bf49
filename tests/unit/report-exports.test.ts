import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defuseFormula, people, share } from '../../src/reports/cells.ts';
import { logColumns, logsCsv, tablesCsv, tablesJson } from '../../src/reports/exports.ts';
import { parseReportFilter } from '../../src/reports/filter.ts';
import { monthRange, reportTables, type ReportTable } from '../../src/reports/tables.ts';
import type { StoredSessionLog } from '../../src/sessions/store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { reportInJs } from './report-contract.ts';

const names = { materialTitle: (slug: string) => `Pack ${slug}` };
/** CSV text back to rows, as a spreadsheet would read it (the BOM dropped). */
const rows = (csv: string) => parse(csv, { bom: true });

function storedLog(overrides: Partial<StoredSessionLog> = {}): StoredSessionLog {
  return {
    ...validLog(),
    receivedAt: '2026-03-01T08:00:00.000Z',
    teamId: 'team-1',
    deviceId: 'device-1',
    ...overrides,
  };
}

const cellOf = (tables: ReportTable[], table: string, row: string) =>
  tables.find((each) => each.id === table)!.rows.find((each) => each.id === row)!.cells;

describe('small-cell suppression', () => {
  it('shows counts of 1 to 4 people as x, and 0 and 5 or more as they are', () => {
    expect([0, 1, 2, 3, 4, 5, 1234].map(people)).toEqual([0, 'x', 'x', 'x', 'x', 5, 1234]);
  });

  it('hides a share whose part or whole is 1 to 4 people, and has none of nothing', () => {
    expect(share(3, 100)).toBe('x');
    expect(share(0, 4)).toBe('x');
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
    const tables = reportTables(
      reportInJs([log, { ...log, clientId: crypto.randomUUID(), attendance: { ...log.attendance } }], {}),
      'en',
      names,
    );
    expect(cellOf(tables, 'summary', 'sessions')).toEqual([2]);
    expect(cellOf(tables, 'summary', 'participants')).toEqual([14]);
    expect(cellOf(tables, 'summary', 'femaleShare')).toEqual([6 / 14]);
    expect(cellOf(tables, 'summary', 'referred')).toEqual(['x']);
    expect(cellOf(tables, 'byEthnicity', 'hmong')).toEqual([14, 1]);
    expect(cellOf(tables, 'byEthnicity', 'dao')).toEqual([0, 0]);

    const one = reportTables(reportInJs([log], {}), 'en', names);
    expect(cellOf(one, 'bySex', 'female')).toEqual(['x', 'x']);
    expect(cellOf(one, 'summary', 'femaleShare')).toEqual(['x']);
    expect(cellOf(one, 'summary', 'sessions')).toEqual([1]);
  });

  it('gives the summary export x in place of every small count', () => {
    const log = validLog();
    log.attendance = {
      total: 40,
      bySex: { female: 4, male: 36, notStated: 0 },
      byAge: { under12: 3, age12to15: 0, age16to17: 0, age18to24: 0, age25plus: 37 },
      byEthnicity: { hmong: 0, dao: 0, thai: 0, kinh: 40, other: 0, notStated: 0 },
    };
    log.followUps = { hotline111: 2, socialWorkCentre: 0, police: 0 };
    const tables = reportTables(reportInJs([log], {}), 'en', names);
    const byRow = Object.fromEntries(
      rows(tablesCsv(tables))
        .filter((line) => line[1] === 'summary')
        .map((line) => [line[3]!, line[6]!]),
    );
    expect(byRow).toEqual({
      sessions: '1',
      participants: '40',
      children: 'x',
      childrenShare: 'x',
      femaleShare: 'x',
      minorityShare: '0',
      referred: 'x',
    });
    const json = JSON.parse(tablesJson(tables, {}, new Date())) as {
      tables: { id: string; rows: { id: string; values: Record<string, unknown> }[] }[];
    };
    const summary = json.tables.find((table) => table.id === 'summary')!;
    expect(summary.rows.find((row) => row.id === 'children')!.values).toEqual({ value: 'x' });
    expect(summary.rows.find((row) => row.id === 'participants')!.values).toEqual({ value: 40 });
  });
});

describe('formula injection', () => {
  it('defuses text starting with =, +, -, @, a tab or a carriage return, and leaves numbers alone', () => {
    expect(['=1+1', '+84 912', '-2', '@SUM(A1)', '\t=1', '\r=1'].map(defuseFormula)).toEqual([
      "'=1+1",
      "'+84 912",
      "'-2",
      "'@SUM(A1)",
      "'\t=1",
      "'\r=1",
    ]);
    // The first non-blank character counts, and so does the start of each part after a ";".
    expect([' =1', '\n-2', '\r\n@x', 'Mai; =1+1', 'a;\t+1'].map(defuseFormula)).toEqual([
      "' =1",
      "'\n-2",
      "'\r\n@x",
      "Mai; '=1+1",
      "a;\t'+1",
    ]);
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
    const log = storedLog({
      place: { communeId: 'xa-y-ty', venue: 'Nhà anh Páo 0912 345 678' },
      facilitators: ['Lò Thị Mai (091) 234 5678'],
      notes: 'Gọi SĐT0912345678',
    });
    const [header, line] = rows(logsCsv([log]));
    const cell = (column: string) => line![header!.indexOf(column)];
    expect([cell('venue'), cell('facilitators'), cell('notes')]).toEqual([
      'Nhà anh Páo […]',
      'Lò Thị Mai […]',
      'Gọi SĐT[…]',
    ]);
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

/** Text a spreadsheet would run as a formula (OWASP): a tab or CR first, or =, +, -, @ first after blanks. */
const runsAsFormula = (cell: string) => /^(?:[\t\r]|\s*[=+\-@])/.test(cell);
/** Cells with whether each was quoted in the file. */
const quotedRows = (csv: string) =>
  parse(csv, { bom: true, cast: (value, context) => JSON.stringify([value, context.quoting]) }).map((row) =>
    row.map((cell) => JSON.parse(cell) as [string, boolean]),
  );
/** Crafted text: formula starters, blanks, line breaks, quotes and both separators, in any order. */
const craftedText = fc.string({
  unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ' ', ';', ',', '"', "'", 'a', 'Ý', '1'),
  maxLength: 12,
});

describe('CSV by the book', () => {
  it('quotes every cell with a line break, a quote, a tab or a separator, so a note of three lines stays one row', () => {
    const log = storedLog({
      notes: 'dòng một\ndòng hai\rdòng ba',
      place: { communeId: 'xa-y-ty', venue: 'Nhà văn hóa; thôn 2' },
      facilitators: ['Mai', 'Lò "Bình"'],
    });
    const csv = logsCsv([log]);
    expect(rows(csv)).toHaveLength(2);
    for (const [value, quoted] of quotedRows(csv).flat())
      if (/[\r\n\t",;]/.test(value)) expect(quoted, JSON.stringify(value)).toBe(true);
    const [header, line] = rows(csv);
    expect(line![header!.indexOf('notes')]).toBe('dòng một\ndòng hai\rdòng ba');
  });

  it('leaves no cell of either export, nor any part of one after a ";", that runs as a formula, whatever the text', () => {
    fc.assert(
      fc.property(
        craftedText,
        craftedText,
        fc.array(craftedText, { minLength: 1, maxLength: 3 }),
        craftedText,
        (venue, notes, facilitators, title) => {
          const log = storedLog({ place: { communeId: 'xa-y-ty', venue }, notes, facilitators });
          const report = { ...reportInJs([], {}), materials: [{ material: 'x', sessions: 9, participants: 50 }] };
          for (const csv of [logsCsv([log]), tablesCsv(reportTables(report, 'en', { materialTitle: () => title }))]) {
            const quoted = quotedRows(csv);
            for (const [value, wasQuoted] of quoted.flat()) if (/[\r\n\t",;]/.test(value)) expect(wasQuoted).toBe(true);
            for (const [cell] of quoted.flat()) {
              expect(runsAsFormula(cell), JSON.stringify(cell)).toBe(false);
              // A spreadsheet that splits a cell's text on ";" meets each part as a cell of its own.
              for (const part of cell.split(';').slice(1))
                expect(/^\s*[=+\-@]/.test(part), JSON.stringify(cell)).toBe(false);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the report filter', () => {
  it('reads dates, a former district and a setting from the query', () => {
    const parsed = parseReportFilter(new URLSearchParams('from=2026-01-01&to=2026-03-31&area=bat-xat&setting=school'));
    expect(parsed).toEqual({
      filter: { from: '2026-01-01', to: '2026-03-31', areaId: 'bat-xat', setting: 'school' },
      invalid: [],
    });
  });

  it('leaves out and names what is not valid instead of failing', () => {
    const parsed = parseReportFilter(
      new URLSearchParams("from=2026-02-30&area=atlantis&setting=';DROP TABLE teams;--&to="),
    );
    expect(parsed).toEqual({ filter: {}, invalid: ['from', 'area', 'setting'] });
    expect(parseReportFilter(new URLSearchParams('from=2026-05-01&to=2026-04-01'))).toEqual({
      filter: { from: '2026-05-01' },
      invalid: ['to'],
    });
  });
});

describe('months of a report', () => {
  it('fills the months without sessions, across a new year', () => {
    expect(monthRange(['2025-11', '2026-02'])).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange([])).toEqual([]);
  });
});
