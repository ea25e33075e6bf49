/**
 * Disclosure control of the aggregated report: no withheld count of people can be worked out from
 * what the page and the exports publish. The reader here is an attacker who knows how the figures
 * add up (the bands split the participants, children and minorities are sums of bands, a share
 * times the participants is a count) and reads every published figure from the CSV export; for
 * each withheld count it enumerates every whole-number solution consistent with what is published.
 * These relations are written from the log schema, not taken from `linkedCounts`.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressed } from '../../src/reports/cells.ts';
import { withheldCells } from '../../src/reports/disclosure.ts';
import { tablesCsv, tablesJson } from '../../src/reports/exports.ts';
import { reportTables } from '../../src/reports/tables.ts';
import { areas } from '../../src/sessions/places.ts';
import type { Report } from '../../src/sessions/report-sql.ts';
import { ageBands, ethnicGroups, sessionSettings, sexBands } from '../../src/sessions/schema.ts';

const names = { materialTitle: (slug: string) => `Pack ${slug}` };
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** `total` split into `parts` whole numbers (some zero). */
const split = (total: number, parts: number) =>
  fc.array(fc.integer({ min: 0, max: total }), { minLength: parts - 1, maxLength: parts - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), total];
    return points.slice(1).map((point, index) => point - points[index]!);
  });
const record = <K extends string>(keys: readonly K[], values: number[]) =>
  Object.fromEntries(keys.map((key, index) => [key, values[index]!])) as Record<K, number>;

/** A report of up to 24 participants: small enough to enumerate, big enough for every case. */
const arbitraryReport: fc.Arbitrary<Report> = fc.integer({ min: 0, max: 24 }).chain((participants) =>
  fc
    .record({
      sex: split(participants, sexBands.length),
      age: split(participants, ageBands.length),
      ethnicity: split(participants, ethnicGroups.length),
      months: fc.integer({ min: 1, max: 4 }).chain((count) => split(participants, count)),
      areas: fc.integer({ min: 1, max: 3 }).chain((count) => split(participants, count)),
      settings: fc.integer({ min: 1, max: 3 }).chain((count) => split(participants, count)),
    })
    .map((drawn) => {
      const byAge = record(ageBands, drawn.age);
      const byEthnicity = record(ethnicGroups, drawn.ethnicity);
      const reach = (participantsOf: number) => ({
        sessions: participantsOf > 0 ? 1 : 0,
        participants: participantsOf,
      });
      return {
        totals: {
          sessions: participants > 0 ? 1 : 0,
          participants,
          children: byAge.under12 + byAge.age12to15 + byAge.age16to17,
          female: drawn.sex[0]!,
          minority: byEthnicity.hmong + byEthnicity.dao + byEthnicity.thai + byEthnicity.other,
          referred: 0,
        },
        bySex: record(sexBands, drawn.sex),
        byAge,
        byEthnicity,
        byMonth: drawn.months.map((count, index) => ({ month: `2026-0${index + 1}`, ...reach(count) })),
        byArea: drawn.areas.map((count, index) => ({ areaId: areas[index]!.id, ...reach(count) })),
        bySetting: drawn.settings.map((count, index) => ({ setting: sessionSettings[index]!, ...reach(count) })),
        materials: [],
        knowledge: [],
        knowledgeAll: { sessions: 0, preAnswers: 0, preRight: 0, postAnswers: 0, postRight: 0 },
      };
    }),
);

/** Every figure the CSV export publishes, by `table.group.measure`. */
function published(report: Report): Map<string, string> {
  const csv = tablesCsv(reportTables(report, 'en', names));
  const lines = parse(csv, { bom: true }).slice(1);
  return new Map(lines.map(([, table, , group, , measure, value]) => [`${table!}.${group!}.${measure!}`, value!]));
}

/** One sum a reader can check: `total` is the sum of `parts` (names of unknowns or numbers). */
interface Sum {
  total: string;
  parts: string[];
}

/**
 * What a reader can know of each count of people from `figures`: a number, or unknown. A share
 * published beside a published number of participants gives its count back.
 */
function readerView(report: Report, figures: Map<string, string>) {
  const known = new Map<string, number>();
  const unknown: string[] = [];
  /** The unknowns the page marks as withheld. */
  const withheld = new Set<string>();
  const participants = figures.get('summary.participants.value')!;
  const learn = (name: string, count: string | undefined, shareOfAll?: string) => {
    if (count !== undefined && count !== suppressed) known.set(name, Number(count));
    else if (
      shareOfAll !== undefined &&
      shareOfAll !== suppressed &&
      shareOfAll !== '' &&
      participants !== suppressed
    ) {
      known.set(name, Math.round(Number(shareOfAll) * Number(participants)));
    } else {
      unknown.push(name);
      if (count === suppressed || shareOfAll === suppressed) withheld.add(name);
    }
  };
  learn('participants', participants);
  learn('children', figures.get('summary.children.value'), figures.get('summary.childrenShare.value'));
  learn('minority', undefined, figures.get('summary.minorityShare.value'));
  const bands = (table: string, keys: readonly string[]) =>
    keys.map((key) => {
      learn(`${table}.${key}`, figures.get(`${table}.${key}.participants`), figures.get(`${table}.${key}.share`));
      return `${table}.${key}`;
    });
  const sex = bands('bySex', sexBands);
  if (!known.has('bySex.female') && figures.get('summary.femaleShare.value') !== suppressed)
    learn('bySex.female', undefined, figures.get('summary.femaleShare.value'));
  const age = bands('byAge', ageBands);
  const ethnicity = bands('byEthnicity', ethnicGroups);
  const reach = (table: string, ids: string[]) =>
    ids.map((id) => {
      learn(`${table}.${id}`, figures.get(`${table}.${id}.participants`));
      return `${table}.${id}`;
    });
  const sums: Sum[][] = [
    [{ total: 'participants', parts: sex }],
    [
      { total: 'participants', parts: age },
      { total: 'children', parts: age.slice(0, 3) },
    ],
    [
      { total: 'participants', parts: ethnicity },
      { total: 'minority', parts: ['hmong', 'dao', 'thai', 'other'].map((group) => `byEthnicity.${group}`) },
    ],
    [
      {
        total: 'participants',
        parts: reach(
          'byMonth',
          report.byMonth.map((month) => month.month),
        ),
      },
    ],
    [
      {
        total: 'participants',
        parts: reach(
          'byArea',
          report.byArea.map((area) => area.areaId),
        ),
      },
    ],
    [
      {
        total: 'participants',
        parts: reach(
          'bySetting',
          report.bySetting.map((group) => group.setting),
        ),
      },
    ],
  ];
  return { known, unknown, withheld, sums };
}

/**
 * Every value each unknown of `names` takes in some whole-number solution of `sums` (given
 * `known`), each unknown from 0 to `cap`. Depth-first, solving a sum as soon as one term is left.
 */
function feasibleValues(
  names: string[],
  known: ReadonlyMap<string, number>,
  sums: Sum[],
  cap: number,
): { solutions: number; seen: Map<string, Set<number>> } {
  const seen = new Map(names.map((name) => [name, new Set<number>()]));
  let solutions = 0;
  const visit = (values: Map<string, number>) => {
    // Propagate: a sum with one unknown term left gives that term.
    for (let progress = true; progress;) {
      progress = false;
      for (const { total, parts } of sums) {
        const terms = [total, ...parts];
        const open = terms.filter((term) => !values.has(term));
        if (open.length > 1) continue;
        const partSum = sum(parts.filter((part) => values.has(part)).map((part) => values.get(part)!));
        if (open.length === 0) {
          if (partSum !== values.get(total)) return;
          continue;
        }
        const value = open[0] === total ? partSum : values.get(total)! - partSum;
        if (value < 0 || value > cap) return;
        values.set(open[0]!, value);
        progress = true;
      }
    }
    const next = names.find((name) => !values.has(name));
    if (next === undefined) {
      solutions += 1;
      for (const name of names) seen.get(name)!.add(values.get(name)!);
      return;
    }
    for (let value = 0; value <= cap; value++) visit(new Map(values).set(next, value));
  };
  visit(new Map(known));
  return { solutions, seen };
}

/** For each withheld count: the values a reader cannot rule out. */
function whatAReaderCanRuleOut(report: Report) {
  const figures = published(report);
  const { known, unknown, withheld, sums } = readerView(report, figures);
  const cap = report.totals.participants + 5;
  const result = new Map(unknown.map((name) => [name, new Set<number>()]));
  const participantValues = known.has('participants')
    ? [known.get('participants')!]
    : Array.from({ length: cap + 1 }, (_, value) => value);
  // Given the participants, the tables share no unknown: solve each alone, and keep a number of
  // participants only if every table has a solution with it.
  for (const participants of participantValues) {
    const given = new Map(known).set('participants', participants);
    const tables = sums.map((component) => {
      const names = [...new Set(component.flatMap(({ total, parts }) => [total, ...parts]))].filter(
        (name) => !given.has(name),
      );
      return feasibleValues(names, given, component, cap);
    });
    if (tables.some((table) => table.solutions === 0)) continue;
    result.get('participants')?.add(participants);
    for (const table of tables)
      for (const [name, values] of table.seen) for (const value of values) result.get(name)!.add(value);
  }
  return { figures, result: new Map([...result].filter(([name]) => withheld.has(name))) };
}

describe('disclosure control (threshold rule with complementary suppression)', () => {
  it('no longer gives "boys = 3" back by subtraction: total 20, girls 17, not stated 0', () => {
    const report = fc.sample(
      arbitraryReport.filter((drawn) => drawn.totals.participants === 20),
      1,
    )[0]!;
    report.totals = { ...report.totals, female: 17 };
    report.bySex = { female: 17, male: 3, notStated: 0 };
    const figures = published(report);
    expect(figures.get('bySex.male.participants')).toBe(suppressed);
    expect(figures.get('bySex.female.participants')).toBe(suppressed);
    expect(figures.get('bySex.female.share')).toBe(suppressed);
    expect(figures.get('summary.femaleShare.value')).toBe(suppressed);
    expect(figures.get('bySex.notStated.participants')).toBe('0');
    expect(figures.get('summary.participants.value')).toBe('20');
  });

  it('withholds a sub-total that would give its only small band back, and a second term beside it', () => {
    // Children 3 (all 16–17), adults 27: the "children" figure is small, so is the 16–17 band.
    const values = new Map([
      ['participants', 30],
      ['children', 3],
      ['under12', 0],
      ['age12to15', 0],
      ['age16to17', 3],
      ['age18to24', 15],
      ['age25plus', 12],
    ]);
    const withheld = withheldCells(values, [
      { total: 'participants', parts: ['children', 'age18to24', 'age25plus'] },
      { total: 'children', parts: ['under12', 'age12to15', 'age16to17'] },
    ]);
    expect([...withheld].sort()).toEqual(['age16to17', 'age25plus', 'children']);
  });

  it('leaves every withheld count of the page and the CSV at least two possible values, one of them 1 or more', () => {
    fc.assert(
      fc.property(arbitraryReport, (report) => {
        const { figures, result } = whatAReaderCanRuleOut(report);
        for (const [name, values] of result) {
          expect(
            values.size,
            `${name} can only be ${[...values].join()} (${JSON.stringify(report.bySex)})`,
          ).toBeGreaterThanOrEqual(2);
          expect(
            [...values].some((value) => value >= 1),
            name,
          ).toBe(true);
        }
        // Every small count of people is withheld (sessions are not people).
        const peopleCounts = [...figures].filter(
          ([key]) => key.endsWith('.participants') || /^summary\.(participants|children|referred)\./.test(key),
        );
        for (const [key, value] of peopleCounts) expect(['1', '2', '3', '4'].includes(value), key).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('publishes the same cells in the JSON export as in the CSV', () => {
    fc.assert(
      fc.property(arbitraryReport, (report) => {
        const tables = reportTables(report, 'en', names);
        const csv = published(report);
        const json = JSON.parse(tablesJson(tables, {}, new Date())) as {
          tables: { id: string; rows: { id: string; values: Record<string, number | string | null> }[] }[];
        };
        for (const table of json.tables) {
          for (const row of table.rows) {
            for (const [measure, value] of Object.entries(row.values)) {
              const inCsv = csv.get(`${table.id}.${row.id}.${measure}`);
              if (value === suppressed || inCsv === suppressed) expect(value).toBe(inCsv);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
