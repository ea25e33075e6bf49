/**
 * The summary tables reports read (migration 5): what the logs add up to per day, former district,
 * commune, setting and team (`report_days`), and the same per lesson pack (`report_packs`). They
 * are derived data, kept current in the same transaction as each insert, quarantine and release of
 * a log, so a report costs the number of days × places × settings, not the number of logs ever sent:
 *
 * - insert: the created logs of devices not quarantined are added (`summaryDeltas`, then `upsert*`);
 * - quarantine: the device's stored logs are taken away (`adjustSql(-1)`), release adds them back;
 * - `rebuildSql`: everything recomputed from the logs (`npm run teams -- rebuild-summaries`, and
 *   after any migration that derives the log columns again).
 *
 * A row whose sessions fall to 0 is deleted, so a group with no sessions never shows. The quiz sums
 * count only the logs that logged both rounds (the knowledge gain compares the two). The SQL is
 * portable (`?` placeholders, `ON CONFLICT … DO UPDATE`), the same on SQLite and PostgreSQL.
 */
import { figures } from './figures.ts';
import type { LogFilter } from './store.ts';

/** The key of a `report_days` row; `report_packs` adds the `material`. */
export const summaryKey = ['session_date', 'area_id', 'commune_id', 'setting', 'team_id'] as const;
const packKey = [...summaryKey, 'material'] as const;
/** The quiz sums, over the logs with both rounds only. */
const quizSums = ['quiz_sessions', 'quiz_pre_answers', 'quiz_pre_right', 'quiz_post_answers', 'quiz_post_right'] as const;
/** What a `report_days` row adds up: sessions, participants (`total`), every figure, the quiz sums. */
export const daySums: readonly string[] = ['sessions', 'total', ...figures.map((figure) => figure.column), ...quizSums];
/** What a `report_packs` row adds up. */
export const packSums: readonly string[] = ['sessions', 'total', ...quizSums];

export type SummaryTable = 'report_days' | 'report_packs';
const tables = {
  report_days: { key: summaryKey as readonly string[], sums: daySums },
  report_packs: { key: packKey as readonly string[], sums: packSums },
} as const;

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
 * values) takes, in both tables: two statements, then `dropEmptySql`. A summary row key's team is
 * the log's team.
 */
export function adjustSql(condition: string, sign: 1 | -1): string[] {
  const days = tables.report_days;
  const packs = tables.report_packs;
  return [
    `INSERT INTO report_days (${[...days.key, ...days.sums].join(', ')})
      SELECT ${days.key.map((column) => `l.${column}`).join(', ')}, ${days.sums.map((column) => sumOf(column, sign)).join(', ')}
      FROM session_logs l WHERE ${condition} GROUP BY ${days.key.map((column) => `l.${column}`).join(', ')}
      ${addOnConflict('report_days')}`,
    `INSERT INTO report_packs (${[...packs.key, ...packs.sums].join(', ')})
      SELECT ${summaryKey.map((column) => `l.${column}`).join(', ')}, m.material, ${packs.sums.map((column) => sumOf(column, sign)).join(', ')}
      FROM session_logs l CROSS JOIN session_log_materials m WHERE m.client_id = l.client_id AND ${condition}
      GROUP BY ${summaryKey.map((column) => `l.${column}`).join(', ')}, m.material
      ${addOnConflict('report_packs')}`,
  ];
}

/** Deletes the rows left with no sessions (after a quarantine). */
export const dropEmptySql = ['DELETE FROM report_days WHERE sessions = 0', 'DELETE FROM report_packs WHERE sessions = 0'];

/** The logs of devices that are not quarantined: what the summaries hold. */
const reported = 'l.device_id NOT IN (SELECT id FROM devices WHERE quarantined_at IS NOT NULL)';

/** Every statement that recomputes both tables from the logs, in order. */
export const rebuildSql: readonly string[] = ['DELETE FROM report_days', 'DELETE FROM report_packs', ...adjustSql(reported, 1)];

/** The statements (each with the device id as its one value, or none) that take a device's logs out, or put them back. */
const deviceSql = (sign: 1 | -1): string[] => [...adjustSql('l.device_id = ?', sign), ...(sign === 1 ? [] : dropEmptySql)];

/** A row to add to a summary table: its key and its sums, by column. */
export type SummaryRow = Record<string, string | number>;

/**
 * What new logs add to the summaries, one row per key (so an upsert never touches a row twice),
 * in key order (two transactions then lock shared rows in the same order). `logs` are the
 * `logColumns` of each created log of a device that is not quarantined, with its team and packs.
 */
export function summaryDeltas(logs: ReadonlyArray<{ columns: Record<string, string | number>; teamId: string; materials: readonly string[] }>): Record<SummaryTable, SummaryRow[]> {
  const days = new Map<string, SummaryRow>();
  const packs = new Map<string, SummaryRow>();
  const add = (into: Map<string, SummaryRow>, table: SummaryTable, key: SummaryRow, sums: Record<string, number>) => {
    const id = JSON.stringify(tables[table].key.map((column) => key[column]));
    const row = into.get(id) ?? Object.fromEntries([...tables[table].key.map((column) => [column, key[column]!]), ...tables[table].sums.map((column) => [column, 0])]);
    for (const column of tables[table].sums) row[column] = Number(row[column]) + sums[column]!;
    into.set(id, row);
  };
  for (const { columns, teamId, materials } of logs) {
    const key = { ...columns, team_id: teamId };
    const both = Number(columns['quiz_pre_answers']) > 0 && Number(columns['quiz_post_answers']) > 0;
    const quiz = Object.fromEntries(quizSums.map((column) => [column, !both ? 0 : column === 'quiz_sessions' ? 1 : Number(columns[column])]));
    const sums: Record<string, number> = { sessions: 1, total: Number(columns['total']), ...quiz };
    for (const figure of figures) sums[figure.column] = Number(columns[figure.column]);
    add(days, 'report_days', key, sums);
    for (const material of materials) add(packs, 'report_packs', { ...key, material }, sums);
  }
  const sorted = (rows: Map<string, SummaryRow>) => [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  return { report_days: sorted(days), report_packs: sorted(packs) };
}

/** Columns of a summary table, key first, in the order `upsertSql` takes the values. */
export const summaryColumns = (table: SummaryTable): string[] => [...tables[table].key, ...tables[table].sums];

/** Adds `rows` rows (values in `summaryColumns` order) to a summary table in one statement. */
export function upsertSql(table: SummaryTable, rows: number): string {
  const tuple = `(${summaryColumns(table)
    .map(() => '?')
    .join(', ')})`;
  return `INSERT INTO ${table} (${summaryColumns(table).join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')} ${addOnConflict(table)}`;
}

/** `WHERE …` (or nothing) and its values for the summary rows a report filter takes (alias `s`). */
export function whereSummary(filter: Pick<LogFilter, 'from' | 'to' | 'areaId' | 'setting'>): { sql: string; values: string[] } {
  const conditions: string[] = [];
  const values: string[] = [];
  const add = (condition: string, value: string | undefined) => {
    if (value === undefined) return;
    conditions.push(`s.${condition}`);
    values.push(value);
  };
  add('session_date >= ?', filter.from);
  add('session_date <= ?', filter.to);
  add('area_id = ?', filter.areaId);
  add('setting = ?', filter.setting);
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', values };
}

/** The statements, each with its values, that take a device's logs out of the summaries (-1) or put them back (1). */
export const deviceStatements = (deviceId: string, sign: 1 | -1): Array<[string, string[]]> =>
  deviceSql(sign).map((statement) => [statement, statement.includes('?') ? [deviceId] : []]);

/** Whether a device is quarantined now (PostgreSQL adds a row lock to it). */
export const deviceQuarantinedSql = 'SELECT quarantined_at FROM devices WHERE id = ?';

/** The values of a summary row in `summaryColumns` order. */
export const summaryValues = (table: SummaryTable, row: SummaryRow): Array<string | number> => summaryColumns(table).map((column) => row[column]!);
