/**
 * The report's files: the aggregated tables as CSV and JSON (suppressed, as on the page) and the
 * raw logs as CSV (the coordinator's own, unsuppressed). Every text cell is defused against
 * formula injection: a venue or a note typed as `=HYPERLINK(…)` must stay text in a spreadsheet.
 */
// The browser build: the same code without Node's Buffer, so the log page's rescue CSV is this very file.
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { ReportFilter } from '../sessions/report-sql.ts';
import { figuresOf, valueOf, type FigureGroup } from '../sessions/figures.ts';
import { maskPhoneNumbers } from '../sessions/schema.ts';
import type { StoredSessionLog } from '../sessions/store.ts';
import { defuseFormula, suppressed, type Cell } from './cells.ts';
import type { ReportTable } from './tables.ts';

/** Excel reads a UTF-8 CSV as UTF-8 (Vietnamese letters intact) only when it starts with a BOM. */
const bom = '\uFEFF';

/**
 * RFC 4180 CSV with CRLF lines. A cell holding a line break (either kind alone too: csv-stringify
 * quotes on its own only a cell holding the whole CRLF), a quote, a tab or a separator (`,`, and
 * `;` for spreadsheets that split on it) is quoted, so a note of three lines stays one cell.
 */
const csv = (rows: unknown[][]) =>
  bom +
  stringify(
    rows.map((row) => row.map(defuseFormula)),
    { record_delimiter: '\r\n', quoted_match: /[\r\n\t",;]/ },
  );

/** A share rounded to a tenth of a percent, as a fraction (0.532); counts as they are. */
const exported = (cell: Cell): number | string =>
  cell === null ? '' : cell === suppressed ? suppressed : Number(cell.toFixed(4));

/**
 * The tables in one long CSV, one line per figure, so a spreadsheet can pivot it:
 * `table, table_id, group, group_id, measure, measure_id, value`; value is a count, a share from
 * 0 to 1, "x" (withheld) or empty (nothing to divide).
 */
export function tablesCsv(tables: readonly ReportTable[]): string {
  const header = ['table', 'table_id', 'group', 'group_id', 'measure', 'measure_id', 'value'];
  const lines = tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      table.columns.map((column, index) => [
        table.title,
        table.id,
        row.label,
        row.id,
        column.label,
        column.id,
        exported(row.cells[index] ?? null),
      ]),
    ),
  );
  return csv([header, ...lines]);
}

/** The tables as JSON, with the filter they cover and the suppression rule spelled out. */
export function tablesJson(tables: readonly ReportTable[], filter: ReportFilter, generatedAt: Date): string {
  return JSON.stringify(
    {
      generatedAt: generatedAt.toISOString(),
      filter,
      suppression: `Counts of 1 to 4 people are withheld (threshold rule), and so is a second figure wherever a total, a sub-total or a share would give one back (complementary suppression); withheld counts and their shares are given as "${suppressed}".`,
      tables: tables.map((table) => ({
        id: table.id,
        title: table.title,
        columns: table.columns.map(({ id, label, kind }) => ({
          id,
          label,
          kind: table.id === 'summary' ? undefined : kind,
        })),
        rows: table.rows.map((row) => ({
          id: row.id,
          label: row.label,
          ...(row.kind && { kind: row.kind }),
          values: Object.fromEntries(table.columns.map((column, index) => [column.id, row.cells[index] ?? null])),
        })),
      })),
    },
    null,
    2,
  );
}

const columnsOf = (group: FigureGroup) => figuresOf(group).map((figure) => figure.column);
const valuesOf = (group: FigureGroup, log: StoredSessionLog) => figuresOf(group).map((figure) => valueOf(figure, log));

/**
 * The raw logs' columns, in order; a log's lists are joined with "; ". Spreadsheets and donors'
 * scripts read them by position: a new column goes at the end, never between (a test pins them).
 */
export const logColumns = [
  'client_id',
  'date',
  'start_time',
  'duration_minutes',
  'commune_id',
  'venue',
  'setting',
  'audience',
  'languages',
  'materials',
  'facilitators',
  'total',
  // Each count under its figure's one name (figures.ts), as the store's columns hold it.
  ...columnsOf('bySex'),
  ...columnsOf('byAge'),
  ...columnsOf('byEthnicity'),
  'quiz_pre_answered',
  'quiz_pre_correct',
  'quiz_post_answered',
  'quiz_post_correct',
  ...columnsOf('followUps'),
  'notes',
  'received_at',
  'team_id',
  'device_id',
  'schema_version',
] as const;

/** One raw log as a CSV line, in `logColumns` order. */
function logLine(log: StoredSessionLog): (string | number)[] {
  const { attendance } = log;
  return [
    log.clientId,
    log.date,
    log.startTime,
    log.durationMinutes,
    log.place.communeId,
    maskPhoneNumbers(log.place.venue),
    log.setting,
    log.audience.join('; '),
    log.languages.join('; '),
    log.materials.join('; '),
    maskPhoneNumbers(log.facilitators.join('; ')),
    attendance.total,
    ...valuesOf('bySex', log),
    ...valuesOf('byAge', log),
    ...valuesOf('byEthnicity', log),
    log.quiz?.pre?.answered ?? '',
    log.quiz?.pre?.correct.join('; ') ?? '',
    log.quiz?.post?.answered ?? '',
    log.quiz?.post?.correct.join('; ') ?? '',
    ...valuesOf('followUps', log),
    // A log stored before phone numbers were refused may hold one (here, in the venue or the
    // names too): never in the export.
    maskPhoneNumbers(log.notes),
    log.receivedAt,
    log.teamId,
    log.deviceId,
    // Logs stored before the field existed are version 1.
    (log as { schemaVersion?: number }).schemaVersion ?? 1,
  ];
}

/** Every log as one CSV line, unsuppressed, with a header of `logColumns`. */
export function logsCsv(logs: readonly StoredSessionLog[]): string {
  return csv([[...logColumns], ...logs.map(logLine)]);
}
