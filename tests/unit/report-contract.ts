/**
 * Reports computed in SQL must equal the same figures added up in plain JavaScript, for any logs
 * and any filter: a property-based suite every store engine runs (`reportContract('SQLite', …)`).
 * The JavaScript here is written from the log schema, not from the SQL, so a wrong column, a
 * missing condition or a double count in the SQL shows up as a counterexample.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaOf, areas } from '../../src/sessions/places.ts';
import type { Report, ReportFilter } from '../../src/sessions/report-sql.ts';
import {
  ageBands,
  currentSchemaVersion,
  ethnicGroups,
  followUps,
  sessionSettings,
  sexBands,
  type SessionLog,
} from '../../src/sessions/schema.ts';
import type { SessionStore } from '../../src/sessions/store.ts';
import { enrolDevice } from './store-contract.ts';

const communes = areas.flatMap((area) => area.communes.map((commune) => commune.id));
const packs = ['pack-a', 'pack-b', 'pack-c', 'pack-d'];
const dates = ['2026-01-31', '2026-02-01', '2026-02-14', '2026-03-01', '2026-03-31', '2026-05-09'];

/** `total` split into `parts` whole numbers (some zero) that add up to it. */
const split = (total: number, parts: number) =>
  fc.array(fc.integer({ min: 0, max: total }), { minLength: parts - 1, maxLength: parts - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), total];
    return points.slice(1).map((point, index) => point - points[index]!);
  });

const breakdown = <K extends string>(keys: readonly K[], values: number[]) =>
  Object.fromEntries(keys.map((key, index) => [key, values[index]!])) as Record<K, number>;

const quizRound = (total: number) =>
  fc.integer({ min: 0, max: total }).chain((answered) =>
    fc.record({
      answered: fc.constant(answered),
      correct: fc.array(fc.integer({ min: 0, max: answered }), { minLength: 1, maxLength: 5 }),
    }),
  );

/** A log as the schema allows it; the fields reports do not read stay fixed. */
export const arbitraryLog: fc.Arbitrary<SessionLog> = fc.integer({ min: 1, max: 80 }).chain((total) =>
  fc
    .record({
      date: fc.constantFrom(...dates),
      communeId: fc.constantFrom(...communes),
      setting: fc.constantFrom(...sessionSettings),
      materials: fc.array(fc.constantFrom(...packs), { maxLength: 4 }),
      bySex: split(total, sexBands.length),
      byAge: split(total, ageBands.length),
      byEthnicity: split(total, ethnicGroups.length),
      followUps: split(total, followUps.length + 1),
      pre: fc.option(quizRound(total), { nil: undefined }),
      post: fc.option(quizRound(total), { nil: undefined }),
    })
    .map((drawn) => ({
      schemaVersion: currentSchemaVersion,
      clientId: randomUUID(),
      date: drawn.date,
      startTime: '09:00',
      durationMinutes: 60,
      place: { communeId: drawn.communeId, venue: 'Nhà văn hóa' },
      setting: drawn.setting,
      audience: ['jobSeekers'],
      languages: ['vi'],
      materials: drawn.materials,
      facilitators: ['Lò Thị Mai'],
      attendance: {
        total,
        bySex: breakdown(sexBands, drawn.bySex),
        byAge: breakdown(ageBands, drawn.byAge),
        byEthnicity: breakdown(ethnicGroups, drawn.byEthnicity),
      },
      ...(drawn.pre || drawn.post
        ? { quiz: { ...(drawn.pre && { pre: drawn.pre }), ...(drawn.post && { post: drawn.post }) } }
        : {}),
      followUps: breakdown(followUps, drawn.followUps),
      notes: '',
    })),
);

export const arbitraryFilter: fc.Arbitrary<ReportFilter> = fc.record(
  {
    from: fc.constantFrom(...dates),
    to: fc.constantFrom(...dates),
    areaId: fc.constantFrom(...areas.map((area) => area.id)),
    setting: fc.constantFrom(...sessionSettings),
  },
  { requiredKeys: [] },
);

const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
const codePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Groups logs by a key into `{ key, sessions, participants }`, in key order. */
function reachBy(logs: SessionLog[], keyOf: (log: SessionLog) => string[]) {
  const groups = new Map<string, { sessions: number; participants: number }>();
  for (const log of logs) {
    for (const key of keyOf(log)) {
      const group = groups.get(key) ?? { sessions: 0, participants: 0 };
      group.sessions += 1;
      group.participants += log.attendance.total;
      groups.set(key, group);
    }
  }
  return [...groups].sort(([a], [b]) => codePoint(a, b));
}

function gain(logs: SessionLog[]) {
  const rounds = logs.map((log) => log.quiz!);
  const answers = (round: { answered: number; correct: number[] }) => round.answered * round.correct.length;
  return {
    sessions: logs.length,
    preAnswers: total(rounds.map((quiz) => answers(quiz.pre!))),
    preRight: total(rounds.map((quiz) => total(quiz.pre!.correct))),
    postAnswers: total(rounds.map((quiz) => answers(quiz.post!))),
    postRight: total(rounds.map((quiz) => total(quiz.post!.correct))),
  };
}

/** The report, the slow and obvious way. */
export function reportInJs(all: SessionLog[], filter: ReportFilter): Report {
  const logs = all.filter(
    (log) =>
      (!filter.from || log.date >= filter.from) &&
      (!filter.to || log.date <= filter.to) &&
      (!filter.areaId || areaOf(log.place.communeId)?.id === filter.areaId) &&
      (!filter.setting || log.setting === filter.setting),
  );
  const sumOf = (value: (log: SessionLog) => number) => total(logs.map(value));
  const bands = <K extends string>(keys: readonly K[], part: 'bySex' | 'byAge' | 'byEthnicity') =>
    Object.fromEntries(
      keys.map((key) => [key, sumOf((log) => (log.attendance[part] as Record<K, number>)[key])]),
    ) as Record<K, number>;
  const bothRounds = logs.filter(
    (log) => (log.quiz?.pre ? log.quiz.pre.answered : 0) > 0 && (log.quiz?.post ? log.quiz.post.answered : 0) > 0,
  );
  const packsOf = (log: SessionLog) => [...new Set(log.materials)];
  return {
    totals: {
      sessions: logs.length,
      participants: sumOf((log) => log.attendance.total),
      children: sumOf(({ attendance: { byAge } }) => byAge.under12 + byAge.age12to15 + byAge.age16to17),
      female: sumOf((log) => log.attendance.bySex.female),
      minority: sumOf(({ attendance: { byEthnicity: e } }) => e.hmong + e.dao + e.thai + e.other),
      referred: sumOf((log) => total(Object.values(log.followUps))),
    },
    bySex: bands(sexBands, 'bySex'),
    byAge: bands(ageBands, 'byAge'),
    byEthnicity: bands(ethnicGroups, 'byEthnicity'),
    byMonth: reachBy(logs, (log) => [log.date.slice(0, 7)]).map(([month, reach]) => ({ month, ...reach })),
    byArea: reachBy(logs, (log) => [areaOf(log.place.communeId)!.id]).map(([areaId, reach]) => ({ areaId, ...reach })),
    bySetting: reachBy(logs, (log) => [log.setting]).map(([setting, reach]) => ({
      setting: setting as SessionLog['setting'],
      ...reach,
    })),
    materials: reachBy(logs, packsOf)
      .sort(([, a], [, b]) => b.sessions - a.sessions)
      .map(([material, reach]) => ({ material, ...reach })),
    knowledge: [...new Set(bothRounds.flatMap(packsOf))]
      .sort(codePoint)
      .map((material) => ({ material, ...gain(bothRounds.filter((log) => packsOf(log).includes(material))) })),
    knowledgeAll: gain(bothRounds),
  };
}

/** `makeStore` gives a fresh, empty, not yet migrated store each call. */
export function reportContract(name: string, makeStore: () => SessionStore | Promise<SessionStore>, runs = 40): void {
  describe(`report contract: ${name}`, () => {
    it('adds up in SQL exactly what plain JavaScript adds up, for random logs and filters', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(arbitraryLog, { maxLength: 40 }),
          fc.array(arbitraryFilter, { minLength: 1, maxLength: 3 }),
          async (logs, filters) => {
            const store = await makeStore();
            try {
              const { deviceId, teamId } = await enrolDevice(store);
              await store.insertBatch(logs, deviceId, teamId);
              for (const filter of [{}, ...filters])
                expect(await store.report(filter)).toEqual(reportInJs(logs, filter));
            } finally {
              await store.close();
            }
          },
        ),
        { numRuns: runs },
      );
    });

    it('reports nothing but zeros for an empty store', async () => {
      const store = await makeStore();
      try {
        await store.migrate();
        expect(await store.report()).toEqual(reportInJs([], {}));
      } finally {
        await store.close();
      }
    });
  });
}
