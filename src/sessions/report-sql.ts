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
import type { LogFilter } from './store.ts';
import { whereLogs } from './store-sql.ts';
import { ageBands, ethnicGroups, sexBands, type sessionSettings } from './schema.ts';

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

/** Column of each band, as migration 1 named them. */
const sexColumns = { female: 'sex_female', male: 'sex_male', notStated: 'sex_not_stated' } as const;
const ageColumns = { under12: 'age_under_12', age12to15: 'age_12_15', age16to17: 'age_16_17', age18to24: 'age_18_24', age25plus: 'age_25_plus' } as const;
const ethnicityColumns = {
  hmong: 'ethnicity_hmong',
  dao: 'ethnicity_dao',
  thai: 'ethnicity_thai',
  kinh: 'ethnicity_kinh',
  other: 'ethnicity_other',
  notStated: 'ethnicity_not_stated',
} as const;

/** The age bands under 18: the summary's children. */
export const childAgeBands = ['under12', 'age12to15', 'age16to17'] as const satisfies readonly (typeof ageBands)[number][];
/** Every stated group but Kinh: the summary's minorities. */
export const minorityGroups = ['hmong', 'dao', 'thai', 'other'] as const satisfies readonly (typeof ethnicGroups)[number][];

const sum = (expression: string, as: string) => `COALESCE(SUM(${expression}), 0) AS ${as}`;
const bothQuizRounds = 'l.quiz_pre_answers > 0 AND l.quiz_post_answers > 0';
const gainColumns = [
  'COUNT(*) AS sessions',
  sum('l.quiz_pre_answers', 'pre_answers'),
  sum('l.quiz_pre_right', 'pre_right'),
  sum('l.quiz_post_answers', 'post_answers'),
  sum('l.quiz_post_right', 'post_right'),
].join(', ');
/** The quiz sums of `gainColumns`, taken only from the logs with both rounds, beside a pack's reach. */
const onlyWithQuiz = (expression: string) => `CASE WHEN ${bothQuizRounds} THEN ${expression} ELSE 0 END`;
const packGainColumns = [
  sum(onlyWithQuiz('1'), 'quiz_sessions'),
  sum(onlyWithQuiz('l.quiz_pre_answers'), 'pre_answers'),
  sum(onlyWithQuiz('l.quiz_pre_right'), 'pre_right'),
  sum(onlyWithQuiz('l.quiz_post_answers'), 'post_answers'),
  sum(onlyWithQuiz('l.quiz_post_right'), 'post_right'),
].join(', ');

const numbers = <K extends string>(row: Record<string, unknown>, columns: Record<K, string>): Record<K, number> =>
  Object.fromEntries(Object.entries<string>(columns).map(([key, column]) => [key, Number(row[column] ?? 0)])) as Record<K, number>;

const reach = (row: Record<string, unknown>): Reach => ({ sessions: Number(row['sessions']), participants: Number(row['participants']) });
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

/** The whole report for `filter`, in six queries. Groups come in key order; packs most used first. */
export async function computeReport(query: QueryRunner, filter: ReportFilter = {}): Promise<Report> {
  const all = whereLogs(filter, 'l');
  const withQuiz = whereLogs(filter, 'l', [bothQuizRounds]);
  const bands = [sexColumns, ageColumns, ethnicityColumns].flatMap((columns) => Object.values<string>(columns));
  const reachColumns = `COUNT(*) AS sessions, ${sum('l.total', 'participants')}`;
  const grouped = async (key: string) =>
    byKey(await query(`SELECT ${key} AS group_key, ${reachColumns} FROM session_logs l ${all.sql} GROUP BY ${key}`, all.values));

  const [[totals], months, areas, settings, packs, [knowledgeAll]] = await Promise.all([
    query(
      `SELECT ${reachColumns},
        ${sum(childAgeBands.map((band) => `l.${ageColumns[band]}`).join(' + '), 'children')},
        ${sum(minorityGroups.map((group) => `l.${ethnicityColumns[group]}`).join(' + '), 'minority')},
        ${sum('l.referred_hotline_111 + l.referred_social_work_centre + l.referred_police', 'referred')},
        ${bands.map((column) => sum(`l.${column}`, column)).join(', ')}
      FROM session_logs l ${all.sql}`,
      all.values,
    ),
    grouped('substr(l.session_date, 1, 7)'),
    grouped('l.area_id'),
    grouped('l.setting'),
    // One pass over the packs for both their reach and their quiz results. CROSS JOIN with the
    // condition in WHERE is an inner join everywhere; SQLite also takes it as "walk the logs (the
    // report index, filtered), then look up each log's packs", the fast order here.
    query(
      `SELECT m.material AS group_key, ${reachColumns}, ${packGainColumns}
        FROM session_logs l CROSS JOIN session_log_materials m
        ${whereLogs(filter, 'l', ['m.client_id = l.client_id']).sql} GROUP BY m.material`,
      all.values,
    ).then(byKey),
    query(`SELECT ${gainColumns} FROM session_logs l ${withQuiz.sql}`, withQuiz.values),
  ]);
  const row = totals ?? {};
  return {
    totals: {
      ...reach(row),
      children: Number(row['children'] ?? 0),
      female: Number(row['sex_female'] ?? 0),
      minority: Number(row['minority'] ?? 0),
      referred: Number(row['referred'] ?? 0),
    },
    bySex: numbers(row, sexColumns),
    byAge: numbers(row, ageColumns),
    byEthnicity: numbers(row, ethnicityColumns),
    byMonth: months.map((group) => ({ month: String(group['group_key']), ...reach(group) })),
    byArea: areas.map((group) => ({ areaId: String(group['group_key']), ...reach(group) })),
    bySetting: settings.map((group) => ({ setting: String(group['group_key']) as Report['bySetting'][number]['setting'], ...reach(group) })),
    materials: [...packs]
      .sort((a, b) => Number(b['sessions']) - Number(a['sessions']))
      .map((group) => ({ material: String(group['group_key']), ...reach(group) })),
    knowledge: packs
      .filter((group) => Number(group['quiz_sessions']) > 0)
      .map((group) => ({ material: String(group['group_key']), ...gain({ ...group, sessions: group['quiz_sessions'] }) })),
    knowledgeAll: gain(knowledgeAll ?? {}),
  };
}
