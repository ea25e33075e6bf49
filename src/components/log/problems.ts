/**
 * From a problem of the shared schema (`path` + `rule`, from the form's own check or from the
 * server) to the field it belongs beside and a message in the user's language.
 */
import { figures } from '../../sessions/figures.ts';
import { logLimits, type LogProblem } from '../../sessions/schema.ts';
import type { IslandKey, IslandTranslate as TFunction } from './i18n.ts';

/** The element id of a field, e.g. `attendance.bySex.female` → `log-attendance-bySex-female`. */
export const fieldId = (field: string) => `log-${field.replace(/\./g, '-')}`;

const groupLabels: Record<string, IslandKey> = {
  date: 'log.date',
  startTime: 'log.startTime',
  durationMinutes: 'log.duration',
  'place.communeId': 'log.commune',
  'place.venue': 'log.venue',
  setting: 'log.setting',
  audience: 'log.audience',
  languages: 'log.languages',
  materials: 'log.materials',
  facilitators: 'log.facilitators',
  'attendance.total': 'log.total',
  'attendance.bySex': 'log.bySex',
  'attendance.byAge': 'log.byAge',
  'attendance.byEthnicity': 'log.byEthnicity',
  quiz: 'log.quiz',
  quizQuestions: 'log.quiz.questions',
  'quiz.pre.answered': 'log.quiz.answered',
  'quiz.post.answered': 'log.quiz.answered',
  followUps: 'log.followUps',
  notes: 'log.notes',
};

const fields = new Map<string, IslandKey>(Object.entries(groupLabels));
// The label key of each count, e.g. `attendance.byAge.under12` → `log.age.under12` (figures.ts).
for (const figure of figures) fields.set(figure.path, figure.label as IslandKey);
for (const round of ['pre', 'post'])
  for (let index = 0; index < logLimits.quizQuestions.max; index += 1)
    fields.set(`quiz.${round}.correct.${index}`, 'log.quiz.correct');

/** Problems the schema reports on a part that the form shows as another field. */
const aliases: Record<string, string> = {
  'quiz.pre.correct': 'quizQuestions',
  'quiz.post.correct': 'quizQuestions',
  place: 'place.venue',
};

/**
 * The form field a problem belongs to: the longest known field its path starts with.
 * Example: `facilitators.2` → `facilitators`; `(log)` → undefined (shown above the form).
 */
export function fieldFor(path: string): string | undefined {
  const parts = path.split('.');
  while (parts.length > 0) {
    const key = parts.join('.');
    if (aliases[key]) return aliases[key];
    if (fields.has(key)) return key;
    parts.pop();
  }
  return undefined;
}

/** A limit of the schema as the values of a message or hint: `{{min}}`, `{{max}}` in the user's numbers. */
export function limitValues(
  { min, max }: { min: number; max: number },
  formatNumber: (value: number) => string,
): { min: string; max: string } {
  return { min: formatNumber(min), max: formatNumber(max) };
}

const countPath = /^(attendance\.|followUps\.|quiz\.(pre|post)\.(answered|correct\.))/;

function valueAt(log: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, part) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined),
      log,
    );
}

const isBlank = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

const sum = (value: unknown) =>
  value && typeof value === 'object'
    ? Object.values(value).reduce<number>((total, part) => total + (typeof part === 'number' ? part : 0), 0)
    : 0;

/**
 * A problem in the user's language. `log` is the log it was found in (the form's candidate or
 * the outbox entry), to say "add up to 23, not 25" and "fill this in" for a blank field.
 */
export function problemMessage(
  problem: LogProblem,
  log: unknown,
  t: TFunction,
  formatNumber: (value: number) => string,
): string {
  const { path, rule } = problem;
  const value = valueAt(log, path);
  // The limits come from the schema, never restated here.
  const range = (limit: { min: number; max: number }) => t('log.error.range', limitValues(limit, formatNumber));
  // A text of only spaces: say so, rather than a vague "check this field".
  if (typeof value === 'string' && value !== '' && value.trim() === '') return t('log.error.spaces');
  if (isBlank(value)) {
    if (path === 'quiz.pre.correct' || path === 'quiz.post.correct') return range(logLimits.quizQuestions);
    if (path === 'place.communeId') return t('log.error.commune');
    if (path === 'setting') return t('log.error.choose');
    return t(Array.isArray(value) && path !== 'facilitators' ? 'log.error.chooseOne' : 'log.error.required');
  }
  if (countPath.test(path) || path === 'durationMinutes') {
    if (rule === 'invalid_type') return t('log.error.wholeNumber');
    if (rule === 'too_small' || rule === 'too_big') {
      if (path === 'durationMinutes') return range(logLimits.durationMinutes);
      return range(path === 'attendance.total' ? logLimits.total : logLimits.count);
    }
  }
  switch (rule) {
    case 'sumMismatch':
      return t('log.error.sumMismatch', {
        sum: formatNumber(sum(value)),
        total: formatNumber(Number(valueAt(log, 'attendance.total')) || 0),
      });
    case 'phoneNumber':
      return t('log.error.phoneNumber');
    case 'future':
      return t('log.error.future');
    case 'tooOld':
      return t('log.error.tooOld');
    case 'time':
      return t('log.error.time');
    case 'unknownCommune':
      return t('log.error.commune');
    case 'moreRightThanAnswered':
      return t('log.error.moreRight');
    case 'moreThanAttended':
      return t(path === 'followUps' ? 'log.error.followUpsMore' : 'log.error.answeredMore');
    case 'invalid_value':
      return t('log.error.choose');
    case 'invalid_format':
      return t(path === 'date' ? 'log.error.date' : 'log.error.invalid');
    case 'too_big':
      return t(Array.isArray(value) ? 'log.error.tooMany' : 'log.error.tooLong');
    default:
      return t('log.error.invalid');
  }
}

/** The label of the field a problem belongs to, for the outbox's list of reasons. */
export function fieldLabel(field: string | undefined, t: TFunction): string {
  if (!field) return '';
  const key = fields.get(field) ?? groupLabels[field];
  if (!key) return '';
  const [, part = '', , index] = field.split('.');
  const cellGroup =
    field.startsWith('attendance.') && field.split('.').length === 3 ? groupLabels[`attendance.${part}`] : undefined;
  if (cellGroup) return `${t(cellGroup)} – ${t(key)}`;
  if (field.startsWith('quiz.'))
    return `${t(`log.quiz.${part}` as IslandKey)} – ${t(key, { number: Number(index ?? 0) + 1 })}`;
  return t(key);
}
