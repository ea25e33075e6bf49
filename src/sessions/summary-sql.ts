/**
 * The summary tables reports read (migration 5): what the logs add up to per period, former
 * district and setting (`report_sums`), and the same per lesson pack (`report_pack_sums`): the
 * grain of the report's filters. A period is a day (`YYYY-MM-DD`) or a whole month (`YYYY-MM`):
 * every log is added to both rows, so a report takes its whole months from the month rows and only
 * the days at the edges of its period from the day rows. They are derived data, kept current in
 * the same transaction as each insert, quarantine and release of a log, so a report costs the
 * number of months × districts × settings, not the number of logs ever sent:
 *
 * - insert: the created logs of devices not quarantined are added (`summaryDeltas`, then `upsert*`);
 * - quarantine: the device's stored logs are taken away (`adjustSql(-1)`), release adds them back;
 * - `rebuildSql`: everything recomputed from the logs (`npm run teams -- rebuild-summaries`, and
 *   after any migration that derives the log columns again).
 *
 * The review list (`review-sql.ts`) reads a third table, `review_totals` (migration 6): how many logs
 * each device sent of each attendance total. It holds every log, its device quarantined or not (the
 * review leaves quarantined devices out as it reads, a join on `devices`), so only an insert adds to
 * it (`reviewDeltas`), quarantine and release leave it alone, and `rebuildSql` recomputes it too.
 *
 * A row whose sessions fall to 0 is deleted, so a group with no sessions never shows. The quiz sums
 * count only the logs that logged both rounds (the knowledge gain compares the two). The SQL is
 * portable (`?` placeholders, `ON CONFLICT … DO UPDATE`), the same on SQLite and PostgreSQL.
 */
import { figures } from './figures.ts';
import type { LogFilter } from './store.ts';

/** The key of a `report_sums` row; `report_pack_sums` adds the `material`. */
export const summaryKey = ['period', 'area_id', 'setting'] as const;
/** The period of each grain, from `session_logs l`: the day, and its month. */
const grains = ['l.session_date', 'substr(l.session_date, 1, 7)'];
const packKey = [...summaryKey, 'material'] as const;
/** The quiz sums, over the logs with both rounds only. */
const quizSums = [
  'quiz_sessions',
  'quiz_pre_answers',
  'quiz_pre_right',
  'quiz_post_answers',
  'quiz_post_right',
] as const;
/** What a `report_sums` row adds up: sessions, participants (`total`), every figure, the quiz sums. */
export const summarySums: readonly string[] = [
  'sessions',
  'total',
  ...figures.map((figure) => figure.column),
  ...quizSums,
];
/** What a `report_pack_sums` row adds up. */
export const packSums: readonly string[] = ['sessions', 'total', ...quizSums];

export type SummaryTable = 'report_sums' | 'report_pack_sums' | 'review_totals';
/** The tables a report reads. */
export type ReportTable = Exclude<SummaryTable, 'review_totals'>;
/** `review_totals` (migration 6): how many logs each device sent of each total, for the review list. */
const reviewKey = ['device_id', 'total'] as const;
const tables = {
  report_sums: { key: summaryKey as readonly string[], sums: summarySums },
  report_pack_sums: { key: packKey as readonly string[], sums: packSums },
  review_totals: { key: reviewKey as readonly string[], sums: ['logs'] as readonly string[] },
} as const;

const columnLists = {
  report_sums: [...summaryKey, ...summarySums],
  report_pack_sums: [...packKey, ...packSums],
  review_totals: [...reviewKey, 'logs'],
} as const satisfies Record<SummaryTable, readonly string[]>;
/** Columns of a summary table, key first, in the order `upsertSql` takes the values. */
export const summaryColumns = (table: SummaryTable): readonly string[] => columnLists[table];

/** A log with both quiz rounds answered, on `session_logs` columns. */
export const bothQuizRounds = (alias: string) => `${alias}.quiz_pre_answers > 0 AND ${alias}.quiz_post_answers > 0`;

/** The SQL that adds a sum of `session_logs l` to a summary column, times `sign`. */
function sumOf(column: string, sign: 1 | -1): string {
  const times = sign === 1 ? '' : '-1 * ';
  if (column === 'sessions') return `${times}COUNT(*)`;
  if (column === 'quiz_sessions') return `${times}SUM(CASE WHEN ${bothQuizRounds('l')} THEN 1 ELSE 0 END)`;
  if (column.startsWith('quiz_')) return `${times}SUM(CASE WHEN ${bothQuizRounds('l')} THEN l.${column} ELSE 0 END)`;
  return `${times}SUM(l.${column})`;
}

/** `ON CONFLICT (key) DO UPDATE` adding the new row's sums to the stored ones. */
const addOnConflict = (table: SummaryTable) =>
  `ON CONFLICT (${tables[table].key.join(', ')}) DO UPDATE SET ${tables[table].sums.map((column) => `${column} = ${table}.${column} + excluded.${column}`).join(', ')}`;

/**
 * Adds (`sign` 1) or takes away (-1) the logs of `session_logs l` that `condition` (with `?`
 * values, the same in each) takes, in both tables, at both grains: four statements.
 */
export function adjustSql(condition: string, sign: 1 | -1): string[] {
  const sums = tables.report_sums.sums;
  const packs = tables.report_pack_sums.sums;
  return grains.flatMap((period) => {
    const key = `${period}, l.area_id, l.setting`;
    return [
      `INSERT INTO report_sums (${summaryColumns('report_sums').join(', ')})
        SELECT ${key}, ${sums.map((column) => sumOf(column, sign)).join(', ')}
        FROM session_logs l WHERE ${condition} GROUP BY ${key}
        ${addOnConflict('report_sums')}`,
      `INSERT INTO report_pack_sums (${summaryColumns('report_pack_sums').join(', ')})
        SELECT ${key}, m.material, ${packs.map((column) => sumOf(column, sign)).join(', ')}
        FROM session_logs l CROSS JOIN session_log_materials m WHERE m.client_id = l.client_id AND ${condition}
        GROUP BY ${key}, m.material
        ${addOnConflict('report_pack_sums')}`,
    ];
  });
}

/** Deletes the rows left with no sessions (after a quarantine). */
export const dropEmptySql = [
  'DELETE FROM report_sums WHERE sessions = 0',
  'DELETE FROM report_pack_sums WHERE sessions = 0',
];

/** The logs of devices that are not quarantined: what the summaries hold. */
const reported = 'l.device_id NOT IN (SELECT id FROM devices WHERE quarantined_at IS NOT NULL)';

/** Every statement that recomputes the three tables from the logs, in order. */
export const rebuildSql: readonly string[] = [
  'DELETE FROM report_sums',
  'DELETE FROM report_pack_sums',
  ...adjustSql(reported, 1),
  'DELETE FROM review_totals',
  // Every log, quarantined or not: the review leaves quarantined devices out as it reads.
  'INSERT INTO review_totals (device_id, total, logs) SELECT device_id, total, COUNT(*) FROM session_logs GROUP BY device_id, total',
];

/** The statements (each with the device id as its one value, or none) that take a device's logs out, or put them back. */
const deviceSql = (sign: 1 | -1): string[] => [
  ...adjustSql('l.device_id = ?', sign),
  ...(sign === 1 ? [] : dropEmptySql),
];

/** A row to add to a summary table: its key and its sums, by column. */
export type SummaryRow = Record<string, string | number>;

/**
 * What new logs add to the summaries, one row per key (so an upsert never touches a row twice),
 * in key order (two transactions then lock shared rows in the same order). `logs` are the
 * `logColumns` of each created log of a device that is not quarantined, with its team and packs.
 */
export function summaryDeltas(
  logs: readonly { columns: Record<string, string | number>; materials: readonly string[] }[],
): Record<ReportTable, SummaryRow[]> {
  const days = new Map<string, SummaryRow>();
  const packs = new Map<string, SummaryRow>();
  const add = (into: Map<string, SummaryRow>, table: ReportTable, key: SummaryRow, sums: Record<string, number>) => {
    const id = JSON.stringify(tables[table].key.map((column) => key[column]));
    const row: SummaryRow =
      into.get(id) ??
      (Object.fromEntries([
        ...tables[table].key.map((column) => [column, key[column]!]),
        ...tables[table].sums.map((column) => [column, 0]),
      ]) as SummaryRow);
    for (const column of tables[table].sums) row[column] = Number(row[column]) + sums[column]!;
    into.set(id, row);
  };
  for (const { columns, materials } of logs) {
    const both = Number(columns['quiz_pre_answers']) > 0 && Number(columns['quiz_post_answers']) > 0;
    const quiz = Object.fromEntries(
      quizSums.map((column) => [column, !both ? 0 : column === 'quiz_sessions' ? 1 : Number(columns[column])]),
    );
    const sums: Record<string, number> = { sessions: 1, total: Number(columns['total']), ...quiz };
    for (const figure of figures) sums[figure.column] = Number(columns[figure.column]);
    const day = String(columns['session_date']);
    for (const period of [day, day.slice(0, 7)]) {
      const key = { period, area_id: columns['area_id']!, setting: columns['setting']! };
      add(days, 'report_sums', key, sums);
      for (const material of materials) add(packs, 'report_pack_sums', { ...key, material }, sums);
    }
  }
  const sorted = (rows: Map<string, SummaryRow>) =>
    [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  return { report_sums: sorted(days), report_pack_sums: sorted(packs) };
}

/**
 * What new logs add to `review_totals`: one row per device and total, in key order (as
 * `summaryDeltas`). Every created log counts, its device quarantined or not: the review leaves
 * quarantined devices out when it reads, so a quarantine or release changes nothing here.
 */
export function reviewDeltas(logs: readonly { deviceId: string; total: number }[]): SummaryRow[] {
  const rows = new Map<string, SummaryRow>();
  for (const { deviceId, total } of logs) {
    const id = JSON.stringify([deviceId, total]);
    const row = rows.get(id) ?? { device_id: deviceId, total, logs: 0 };
    row['logs'] = Number(row['logs']) + 1;
    rows.set(id, row);
  }
  return [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

function makeUpsertSql(table: SummaryTable, rows: number): string {
  const tuple = `(${columnLists[table].map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${columnLists[table].join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')} ${addOnConflict(table)}`;
}
/** The one-row statements, made once: SQLite runs one per summary row. */
const oneRow = {
  report_sums: makeUpsertSql('report_sums', 1),
  report_pack_sums: makeUpsertSql('report_pack_sums', 1),
  review_totals: makeUpsertSql('review_totals', 1),
};
/** Adds `rows` rows (values in `summaryColumns` order) to a summary table in one statement. */
export const upsertSql = (table: SummaryTable, rows: number): string =>
  rows === 1 ? oneRow[table] : makeUpsertSql(table, rows);

const month = (date: string) => date.slice(0, 7);
/** The month after (`step` 1) or before (-1) a `YYYY-MM` month. */
function nextMonth(of: string, step: 1 | -1): string {
  const [year, number] = of.split('-').map(Number) as [number, number];
  const index = year * 12 + number - 1 + step;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
/** The last day of a `YYYY-MM` month. */
const lastDay = (of: string) =>
  `${of}-${String(new Date(Date.UTC(Number(of.slice(0, 4)), Number(of.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`;

/**
 * Which summary rows cover the days from `from` to `to` (inclusive, either open), each day once:
 * the month rows of the whole months in between, the day rows of the days before and after them.
 * Example: 2026-01-20 to 2026-04-10 is the days 2026-01-20…31, the months 2026-02…03, the days
 * 2026-04-01…10. Conditions on `s.period`, with their values.
 */
export function periodRows(from: string | undefined, to: string | undefined): { sql: string; values: string[] } {
  const firstMonth = from === undefined ? undefined : from.endsWith('-01') ? month(from) : nextMonth(month(from), 1);
  const lastMonth = to === undefined ? undefined : to === lastDay(month(to)) ? month(to) : nextMonth(month(to), -1);
  const days = (lo: string | undefined, hi: string | undefined) => ({
    sql: `(length(s.period) = 10${lo === undefined ? '' : ' AND s.period >= ?'}${hi === undefined ? '' : ' AND s.period <= ?'})`,
    values: [lo, hi].filter((value) => value !== undefined),
  });
  // No whole month in the period: its days only.
  if (firstMonth !== undefined && lastMonth !== undefined && firstMonth > lastMonth) return days(from, to);
  const parts = [
    {
      sql: `(length(s.period) = 7${firstMonth === undefined ? '' : ' AND s.period >= ?'}${lastMonth === undefined ? '' : ' AND s.period <= ?'})`,
      values: [firstMonth, lastMonth].filter((value) => value !== undefined),
    },
  ];
  if (from !== undefined && month(from) !== firstMonth) parts.push(days(from, lastDay(month(from))));
  if (to !== undefined && month(to) !== lastMonth) parts.push(days(`${month(to)}-01`, to));
  return { sql: `(${parts.map((part) => part.sql).join(' OR ')})`, values: parts.flatMap((part) => part.values) };
}

/** `WHERE …` and its values for the summary rows a report filter takes (alias `s`). */
export function whereSummary(filter: Pick<LogFilter, 'from' | 'to' | 'areaId' | 'setting'>): {
  sql: string;
  values: string[];
} {
  const periods = periodRows(filter.from, filter.to);
  const conditions = [periods.sql];
  const values = [...periods.values];
  for (const [column, value] of [
    ['area_id', filter.areaId],
    ['setting', filter.setting],
  ] as const) {
    if (value === undefined) continue;
    conditions.push(`s.${column} = ?`);
    values.push(value);
  }
  return { sql: `WHERE ${conditions.join(' AND ')}`, values };
}

/** The statements, each with its values, that take a device's logs out of the summaries (-1) or put them back (1). */
export const deviceStatements = (deviceId: string, sign: 1 | -1): [string, string[]][] =>
  deviceSql(sign).map((statement) => [statement, statement.includes('?') ? [deviceId] : []]);

/** Whether a device is quarantined now (PostgreSQL adds a row lock to it). */
export const deviceQuarantinedSql = 'SELECT quarantined_at FROM devices WHERE id = ?';

/** The values of a summary row in `summaryColumns` order. */
export const summaryValues = (table: SummaryTable, row: SummaryRow): (string | number)[] =>
  summaryColumns(table).map((column) => row[column]!);
