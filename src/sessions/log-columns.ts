/** The columns a stored log's figures are copied into (migration 1), for reports to add up. */
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
  ['sex_female', (log) => log.attendance.bySex.female],
  ['sex_male', (log) => log.attendance.bySex.male],
  ['sex_not_stated', (log) => log.attendance.bySex.notStated],
  ['age_under_12', (log) => log.attendance.byAge.under12],
  ['age_12_15', (log) => log.attendance.byAge.age12to15],
  ['age_16_17', (log) => log.attendance.byAge.age16to17],
  ['age_18_24', (log) => log.attendance.byAge.age18to24],
  ['age_25_plus', (log) => log.attendance.byAge.age25plus],
  ['ethnicity_hmong', (log) => log.attendance.byEthnicity.hmong],
  ['ethnicity_dao', (log) => log.attendance.byEthnicity.dao],
  ['ethnicity_thai', (log) => log.attendance.byEthnicity.thai],
  ['ethnicity_kinh', (log) => log.attendance.byEthnicity.kinh],
  ['ethnicity_other', (log) => log.attendance.byEthnicity.other],
  ['ethnicity_not_stated', (log) => log.attendance.byEthnicity.notStated],
  ['referred_hotline_111', (log) => log.followUps.hotline111],
  ['referred_social_work_centre', (log) => log.followUps.socialWorkCentre],
  ['referred_police', (log) => log.followUps.police],
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
