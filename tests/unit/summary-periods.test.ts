/**
 * A report's period read from the summary rows (`periodRows`): whole months from the month rows,
 * the days at the edges from the day rows, so every day of the period counts exactly once and no
 * other day does, for any dates (month ends, leap days, a year's turn, open ends, from after to).
 */
import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodRows } from '../../src/sessions/summary-sql.ts';

const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const first = Date.UTC(2023, 10, 1);
const days = Array.from({ length: 3 * 366 }, (_, index) => iso(first + index * 86_400_000));
const months = [...new Set(days.map((day) => day.slice(0, 7)))];

const db = new DatabaseSync(':memory:');
db.exec('CREATE TABLE s (period TEXT NOT NULL)');
for (const period of [...days, ...months]) db.prepare('INSERT INTO s (period) VALUES (?)').run(period);

/** The days the rows of `from`…`to` stand for, each as often as a row counts it. */
function daysCounted(from: string | undefined, to: string | undefined): string[] {
  const { sql, values } = periodRows(from, to);
  const rows = db
    .prepare(`SELECT period FROM s WHERE ${sql}`)
    .all(...values)
    .map((row) => String(row['period']));
  return rows
    .flatMap((period) => (period.length === 10 ? [period] : days.filter((day) => day.startsWith(period))))
    .sort();
}

const inside = (from: string | undefined, to: string | undefined) =>
  days.filter((day) => (from === undefined || day >= from) && (to === undefined || day <= to));

describe('the period of a report on the summary rows', () => {
  it('counts every day of the period once and no other, for random dates', () => {
    // Dates inside the table's range, so an open end covers the same days the table holds.
    const date = fc.constantFrom(...days.slice(40, -40));
    fc.assert(
      fc.property(fc.option(date, { nil: undefined }), fc.option(date, { nil: undefined }), (from, to) => {
        expect(daysCounted(from, to)).toEqual(inside(from, to));
      }),
      { numRuns: 300 },
    );
  });

  it('takes whole months from the month rows', () => {
    expect(periodRows('2026-01-20', '2026-04-10').values).toEqual([
      '2026-02',
      '2026-03',
      '2026-01-20',
      '2026-01-31',
      '2026-04-01',
      '2026-04-10',
    ]);
    expect(periodRows('2024-02-01', '2024-02-29').values).toEqual(['2024-02', '2024-02']);
    expect(periodRows(undefined, undefined).values).toEqual([]);
    for (const [from, to] of [
      ['2026-03-05', '2026-03-20'],
      ['2026-12-31', '2027-01-01'],
      ['2026-05-01', '2026-04-30'],
      ['2024-02-01', '2024-02-29'],
      [undefined, '2025-06-15'],
    ] as const) {
      expect(daysCounted(from, to), `${from ?? '(no start)'}…${to}`).toEqual(inside(from, to));
    }
  });
});
