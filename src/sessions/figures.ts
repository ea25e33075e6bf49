/**
 * The figures of a session log: THE one table of every count a log breaks its attendance and its
 * follow-ups into. Each row names a figure once, as the log's field (`age12to15`), beside the
 * column it is stored and exported under (`age_12_15`, as migration 1 created it); from this table
 * come the schema's bands (`schema.ts`), the stored columns (`log-columns.ts`), the report SQL and
 * the summary tables (`report-sql.ts`, `summary-sql.ts`), the raw CSV's headers
 * (`src/reports/exports.ts`) and the UI keys (`log.age.age12to15`). Adding a band is one row here,
 * plus what a table cannot derive: a migration adding its column, and its label in every UI
 * strings file; tests/unit/figures.test.ts fails while either is missing.
 */

/** `[field of the log, stored column]` pairs of one breakdown. */
type Bands = readonly (readonly [string, string])[];

export const figureGroups = {
  bySex: {
    label: 'log.sex',
    bands: [
      ['female', 'sex_female'],
      ['male', 'sex_male'],
      ['notStated', 'sex_not_stated'],
    ],
  },
  byAge: {
    label: 'log.age',
    bands: [
      ['under12', 'age_under_12'],
      ['age12to15', 'age_12_15'],
      ['age16to17', 'age_16_17'],
      ['age18to24', 'age_18_24'],
      ['age25plus', 'age_25_plus'],
    ],
  },
  byEthnicity: {
    label: 'log.ethnicity',
    bands: [
      ['hmong', 'ethnicity_hmong'],
      ['dao', 'ethnicity_dao'],
      ['thai', 'ethnicity_thai'],
      ['kinh', 'ethnicity_kinh'],
      ['other', 'ethnicity_other'],
      ['notStated', 'ethnicity_not_stated'],
    ],
  },
  followUps: {
    label: 'log.followUps',
    bands: [
      ['hotline111', 'referred_hotline_111'],
      ['socialWorkCentre', 'referred_social_work_centre'],
      ['police', 'referred_police'],
    ],
  },
} as const satisfies Record<string, { label: string; bands: Bands }>;

export type FigureGroup = keyof typeof figureGroups;
type KeysOf<T extends Bands> = { -readonly [I in keyof T]: T[I][0] };

/** The fields of a group in table order, as a tuple type (`['female', 'male', 'notStated']`). */
export const bandsOf = <G extends FigureGroup>(group: G) =>
  figureGroups[group].bands.map(([key]) => key) as unknown as Readonly<KeysOf<(typeof figureGroups)[G]['bands']>>;

/** One figure with everything derived from its row. */
export interface Figure {
  group: FigureGroup;
  /** The log's field within its group, e.g. `age12to15`. */
  key: string;
  /** The stored column, the summary column and the raw CSV's header, e.g. `age_12_15`. */
  column: string;
  /** The UI key of its label, e.g. `log.age.age12to15`. */
  label: string;
  /** Where it is in a log (the schema's problem paths), e.g. `attendance.byAge.age12to15`. */
  path: string;
}

/** Every figure in table order: the breakdowns of the attendance, then the follow-ups. */
export const figures: readonly Figure[] = Object.entries(figureGroups).flatMap(([group, { bands }]) =>
  bands.map(([key, column]): Figure => ({
    group: group as FigureGroup,
    key,
    column,
    label: labelOf(group as FigureGroup, key),
    path: group === 'followUps' ? `followUps.${key}` : `attendance.${group}.${key}`,
  })),
);

/** The figures of one group, in table order. */
export const figuresOf = (group: FigureGroup): Figure[] => figures.filter((figure) => figure.group === group);

/** The column of a figure. Example: `columnOf('byAge', 'age12to15')` is `age_12_15`. */
export function columnOf(group: FigureGroup, key: string): string {
  const figure = figures.find((each) => each.group === group && each.key === key);
  if (!figure) throw new Error(`No figure ${group}.${key}`);
  return figure.column;
}

/** The UI key of a figure's label. Example: `labelOf('byAge', 'age12to15')` is `log.age.age12to15`. */
export function labelOf(group: FigureGroup, key: string): string {
  return `${figureGroups[group].label}.${key}`;
}

/** The value of a figure in a log (or any object of the log's shape). */
export function valueOf(
  figure: Figure,
  log: { attendance: Record<string, unknown>; followUps: Record<string, number> },
): number {
  const part = (figure.group === 'followUps' ? log.followUps : log.attendance[figure.group]) as Record<string, number>;
  return part[figure.key]!;
}
