/**
 * The reach of the work, added up in SQL: every engine hands `computeReport` a function that runs
 * a query, so SQLite and PostgreSQL answer the same statements. The SQL is portable on purpose:
 * `?` placeholders (an engine rewrites them if it numbers its own), `substr` on the ISO date text,
 * `COALESCE(SUM(…), 0)`, no engine's date or JSON functions. Counts may come back as text (a
 * PostgreSQL bigint), so every figure goes through `Number`.
 *
 * The report holds raw counts; small-cell suppression is for whoever shows or exports it
 * (`src/reports/`).
 */
import { columnOf, type FigureGroup } from './figures.ts';
import type { LogFilter } from './store.ts';
import { whereSummary } from './summary-sql.ts';
import { ageBands, ethnicGroups, followUps, sexBands, type sessionSettings } from './schema.ts';

/** Which sessions a report covers; every field narrows. Dates are `YYYY-MM-DD`, inclusive. */
export type ReportFilter = Pick<LogFilter, 'from' | 'to' | 'areaId' | 'setting'>;

export type QueryRunner = (sql: string, params: readonly (string | number)[]) => Promise<Record<string, unknown>[]>;

/** Sessions and the people who came to them, for one group (a month, an area, a pack …). */
export interface Reach {
  sessions: number;
  participants: number;
}

/** Quiz answers before and after, over the sessions that logged both rounds. */
export interface KnowledgeGain {
  sessions: number;
  preAnswers: number;
  preRight: number;
  postAnswers: number;
  postRight: number;
}

export interface Report {
  totals: Reach & {
    /** Under 18. */
    children: number;
    female: number;
    /** Hmong, Dao, Thai and other minorities: everyone whose group was stated and is not Kinh. */
    minority: number;
    /** Follow-ups of any kind: 111, social work centre, police. */
    referred: number;
  };
  bySex: Record<(typeof sexBands)[number], number>;
  byAge: Record<(typeof ageBands)[number], number>;
  byEthnicity: Record<(typeof ethnicGroups)[number], number>;
  /** `YYYY-MM` months that had sessions, in order. */
  byMonth: (Reach & { month: string })[];
  byArea: (Reach & { areaId: string })[];
  bySetting: (Reach & { setting: (typeof sessionSettings)[number] })[];
  /** Lesson packs by how many sessions used them, most used first. */
  materials: (Reach & { material: string })[];
  /** Per pack; a session that used two packs counts for both. */
  knowledge: (KnowledgeGain & { material: string })[];
  /** Over all sessions that logged both rounds, each once. */
  knowledgeAll: KnowledgeGain;
}

/** Column of each band: the one table of figures (figures.ts). */
const columnsOf = <K extends string>(group: FigureGroup, bands: readonly K[]) =>
  Object.fromEntries(bands.map((band) => [band, columnOf(group, band)])) as Record<K, string>;
const sexColumns = columnsOf('bySex', sexBands);
const ageColumns = columnsOf('byAge', ageBands);
const ethnicityColumns = columnsOf('byEthnicity', ethnicGroups);
const followUpColumns = columnsOf('followUps', followUps);

/** The age bands under 18: the summary's children. */
export const childAgeBands = [
  'under12',
  'age12to15',
  'age16to17',
] as const satisfies readonly (typeof ageBands)[number][];
/** Every stated group but Kinh: the summary's minorities. */
export const minorityGroups = [
  'hmong',
  'dao',
  'thai',
  'other',
] as const satisfies readonly (typeof ethnicGroups)[number][];

const sum = (expression: string, as: string) => `COALESCE(SUM(${expression}), 0) AS ${as}`;
/** The quiz sums of the logs with both rounds (the summaries hold only those). */
const quizColumns = [
  sum('s.quiz_pre_answers', 'pre_answers'),
  sum('s.quiz_pre_right', 'pre_right'),
  sum('s.quiz_post_answers', 'post_answers'),
  sum('s.quiz_post_right', 'post_right'),
].join(', ');

const numbers = <K extends string>(row: Record<string, unknown>, columns: Record<K, string>): Record<K, number> =>
  Object.fromEntries(Object.entries<string>(columns).map(([key, column]) => [key, Number(row[column] ?? 0)])) as Record<
    K,
    number
  >;

const reach = (row: Record<string, unknown>): Reach => ({
  sessions: Number(row['sessions']),
  participants: Number(row['participants']),
});
const gain = (row: Record<string, unknown>): KnowledgeGain => ({
  sessions: Number(row['sessions']),
  preAnswers: Number(row['pre_answers']),
  preRight: Number(row['pre_right']),
  postAnswers: Number(row['post_answers']),
  postRight: Number(row['post_right']),
});

/**
 * Rows in the code-point order of their key. Sorting here, not with ORDER BY, keeps the order the
 * same on every engine: PostgreSQL sorts text by the database's collation, SQLite by bytes.
 */
const byKey = (rows: Record<string, unknown>[]) =>
  rows.sort((a, b) => {
    const [x, y] = [String(a['group_key']), String(b['group_key'])];
    return x < y ? -1 : x > y ? 1 : 0;
  });

/**
 * The whole report for `filter`, in six queries over the summary tables (summary-sql.ts), which
 * hold the logs of devices not quarantined. Groups come in key order; packs most used first.
 */
export async function computeReport(query: QueryRunner, filter: ReportFilter = {}): Promise<Report> {
  const where = whereSummary(filter);
  const bands = [sexColumns, ageColumns, ethnicityColumns].flatMap((columns) => Object.values<string>(columns));
  const reachColumns = `${sum('s.sessions', 'sessions')}, ${sum('s.total', 'participants')}`;
  const grouped = async (key: string) =>
    byKey(
      await query(
        `SELECT ${key} AS group_key, ${reachColumns} FROM report_sums s ${where.sql} GROUP BY ${key}`,
        where.values,
      ),
    );

  const [[totals], months, areas, settings, packs, [knowledgeAll]] = await Promise.all([
    query(
      `SELECT ${reachColumns},
        ${sum(childAgeBands.map((band) => `s.${ageColumns[band]}`).join(' + '), 'children')},
        ${sum(minorityGroups.map((group) => `s.${ethnicityColumns[group]}`).join(' + '), 'minority')},
        ${sum(
          Object.values<string>(followUpColumns)
            .map((column) => `s.${column}`)
            .join(' + '),
          'referred',
        )},
        ${bands.map((column) => sum(`s.${column}`, column)).join(', ')}
      FROM report_sums s ${where.sql}`,
      where.values,
    ),
    grouped('substr(s.period, 1, 7)'),
    grouped('s.area_id'),
    grouped('s.setting'),
    // One pass over the packs for both their reach and their quiz results.
    query(
      `SELECT s.material AS group_key, ${reachColumns}, ${sum('s.quiz_sessions', 'quiz_sessions')}, ${quizColumns}
        FROM report_pack_sums s ${where.sql} GROUP BY s.material`,
      where.values,
    ).then(byKey),
    query(`SELECT ${sum('s.quiz_sessions', 'sessions')}, ${quizColumns} FROM report_sums s ${where.sql}`, where.values),
  ]);
  const row = totals ?? {};
  return {
    totals: {
      ...reach(row),
      children: Number(row['children'] ?? 0),
      female: Number(row[sexColumns.female] ?? 0),
      minority: Number(row['minority'] ?? 0),
      referred: Number(row['referred'] ?? 0),
    },
    bySex: numbers(row, sexColumns),
    byAge: numbers(row, ageColumns),
    byEthnicity: numbers(row, ethnicityColumns),
    byMonth: months.map((group) => ({ month: String(group['group_key']), ...reach(group) })),
    byArea: areas.map((group) => ({ areaId: String(group['group_key']), ...reach(group) })),
    bySetting: settings.map((group) => ({
      setting: String(group['group_key']) as Report['bySetting'][number]['setting'],
      ...reach(group),
    })),
    materials: [...packs]
      .sort((a, b) => Number(b['sessions']) - Number(a['sessions']))
      .map((group) => ({ material: String(group['group_key']), ...reach(group) })),
    knowledge: packs
      .filter((group) => Number(group['quiz_sessions']) > 0)
      .map((group) => ({
        material: String(group['group_key']),
        ...gain({ ...group, sessions: group['quiz_sessions'] }),
      })),
    knowledgeAll: gain(knowledgeAll ?? {}),
  };
}
