/** The columns a stored log's figures are copied into (migration 1), for reports to add up. */
import { figures, valueOf } from './figures.ts';
import { areaOf } from './places.ts';
import type { SessionLog } from './schema.ts';

type QuizRound = NonNullable<SessionLog['quiz']>['pre'];

/** Answers given in a quiz round: everyone who answered, once per question. */
const quizAnswers = (round: QuizRound) => (round ? round.answered * round.correct.length : 0);
/** Answers right in a quiz round, over all its questions. */
const quizRight = (round: QuizRound) => (round ? round.correct.reduce((sum, right) => sum + right, 0) : 0);

const columns: readonly (readonly [string, (log: SessionLog) => string | number])[] = [
  ['session_date', (log) => log.date],
  ['commune_id', (log) => log.place.communeId],
  // The schema has checked the commune, so it has an area.
  ['area_id', (log) => areaOf(log.place.communeId)?.id ?? ''],
  ['setting', (log) => log.setting],
  ['total', (log) => log.attendance.total],
  // Every count of the attendance and the follow-ups, under the column of its figure.
  ...figures.map((figure) => [figure.column, (log: SessionLog) => valueOf(figure, log)] as const),
  ['quiz_pre_answers', (log) => quizAnswers(log.quiz?.pre)],
  ['quiz_pre_right', (log) => quizRight(log.quiz?.pre)],
  ['quiz_post_answers', (log) => quizAnswers(log.quiz?.post)],
  ['quiz_post_right', (log) => quizRight(log.quiz?.post)],
];

/** The names of those columns, in table order. */
export const logColumnNames: readonly string[] = columns.map(([name]) => name);

/** Column name → value for a validated log. */
export function logColumns(log: SessionLog): Record<string, string | number> {
  return Object.fromEntries(columns.map(([name, value]) => [name, value(log)]));
}

/** The lesson packs a log used, each once (a form could list one twice). */
export function logMaterials(log: SessionLog): string[] {
  return [...new Set(log.materials)];
}
