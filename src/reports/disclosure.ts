/**
 * Which counts of people a report withholds: cell suppression as official statistics practise it
 * (Hundepool et al., "Statistical Disclosure Control", Wiley 2012, ch. 4; the τ-Argus manual):
 *
 * 1. Primary suppression by the threshold rule: a count of 1 to 4 people is withheld.
 * 2. Secondary (complementary) suppression: a reader can add up every published relation "a
 *    marginal is the sum of its parts" (a table's total, the summary's children or minority
 *    count as sub-totals of their bands, the "not stated" cells included), so in each relation
 *    either nothing is withheld or at least two terms are. A relation with one withheld term gets
 *    a second: its smallest non-zero published term, a part before its marginal. That can leave
 *    another relation with one withheld term, so this repeats until no relation has exactly one.
 *
 * The relations here form a hierarchy (total → sub-total → bands), for which "never exactly one
 * withheld term" leaves every withheld count with a range of possible values: one unit can always
 * move between two withheld terms of a relation, up or down the hierarchy (tests/unit/
 * report-disclosure.test.ts checks this by enumerating every solution). Zero is never chosen as a
 * complement: a withheld 0 beside a withheld count would give the count back.
 */

import { childAgeBands, minorityGroups, type Report } from '../sessions/report-sql.ts';
import { ageBands, ethnicGroups, sexBands } from '../sessions/schema.ts';

/** A relation a reader can check: the value of `total` is the sum of the values of `parts`. */
export interface Relation {
  total: string;
  parts: readonly string[];
}

/** Whether a count of people is small enough to single someone out (the threshold rule). */
export const isSmall = (count: number) => count >= 1 && count <= 4;

/** The keys of `values` to withhold: every small count, and the complements that protect them. */
export function withheldCells(values: ReadonlyMap<string, number>, relations: readonly Relation[]): Set<string> {
  const value = (key: string) => values.get(key) ?? 0;
  const withheld = new Set([...values.keys()].filter((key) => isSmall(value(key))));
  for (let changed = true; changed;) {
    changed = false;
    for (const { total, parts } of relations) {
      const terms = [...parts, total];
      if (terms.filter((key) => withheld.has(key)).length !== 1) continue;
      // The smallest non-zero published term; `terms` lists the parts first, so a tie keeps the marginal.
      const complement = terms
        .filter((key) => !withheld.has(key) && value(key) > 0)
        .reduce<string | undefined>(
          (best, key) => (best === undefined || value(key) < value(best) ? key : best),
          undefined,
        );
      if (complement !== undefined) {
        withheld.add(complement);
        changed = true;
      }
    }
  }
  return withheld;
}

/**
 * The report's counts of people that add up with each other, keyed `participants`, `children`,
 * `minority` or `<table id>.<row id>`, and every sum a reader can check between them. The bands
 * split the participants; children and minorities are sub-totals of the age and ethnicity bands;
 * the female count is the bySex table's `female` cell. Packs and referrals add up with nothing
 * published (a session may use several packs), so the threshold rule alone covers them.
 */
export function linkedCounts(report: Report): { values: Map<string, number>; relations: Relation[] } {
  const { totals } = report;
  const values = new Map<string, number>([
    ['participants', totals.participants],
    ['children', totals.children],
    ['minority', totals.minority],
  ]);
  const keys = (table: string, rows: readonly string[]) => rows.map((row) => `${table}.${row}`);
  const add = <K extends string>(table: string, counts: Record<K, number>) => {
    for (const [row, count] of Object.entries<number>(counts)) values.set(`${table}.${row}`, count);
  };
  add('bySex', report.bySex);
  add('byAge', report.byAge);
  add('byEthnicity', report.byEthnicity);
  add('byMonth', Object.fromEntries(report.byMonth.map((month) => [month.month, month.participants])));
  add('byArea', Object.fromEntries(report.byArea.map((area) => [area.areaId, area.participants])));
  add('bySetting', Object.fromEntries(report.bySetting.map((group) => [group.setting, group.participants])));
  const adults = ageBands.filter((band) => !(childAgeBands as readonly string[]).includes(band));
  const others = ethnicGroups.filter((group) => !(minorityGroups as readonly string[]).includes(group));
  const relations: Relation[] = [
    { total: 'participants', parts: keys('bySex', sexBands) },
    { total: 'participants', parts: ['children', ...keys('byAge', adults)] },
    { total: 'children', parts: keys('byAge', childAgeBands) },
    { total: 'participants', parts: ['minority', ...keys('byEthnicity', others)] },
    { total: 'minority', parts: keys('byEthnicity', minorityGroups) },
    {
      total: 'participants',
      parts: keys(
        'byMonth',
        report.byMonth.map((month) => month.month),
      ),
    },
    {
      total: 'participants',
      parts: keys(
        'byArea',
        report.byArea.map((area) => area.areaId),
      ),
    },
    {
      total: 'participants',
      parts: keys(
        'bySetting',
        report.bySetting.map((group) => group.setting),
      ),
    },
  ];
  return { values, relations };
}
