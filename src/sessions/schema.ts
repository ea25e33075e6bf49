/**
 * The session log: one zod schema, used by the form, the outbox and the server. It holds counts,
 * never people (DESIGN.md): there is no field for a participant's name, phone, birth date or
 * photo, and unknown fields are rejected. Every count is a whole number from 0 to 2,000, and each
 * breakdown of the attendance adds up to its total.
 */
import { z } from 'zod';
import { localePaths, timeZone, type LocalePath } from '../i18n/locales.ts';
import { audiences, settings } from '../content/vocabulary.ts';
import { areaOf } from './places.ts';

/** Where a session can take place: the lesson-pack settings, and anywhere else. */
export const sessionSettings = [...settings, 'other'] as const;

const count = z.number().int().min(0).max(2000);

export const sexBands = ['female', 'male', 'notStated'] as const;
export const ageBands = ['under12', 'age12to15', 'age16to17', 'age18to24', 'age25plus'] as const;
export const ethnicGroups = ['hmong', 'dao', 'thai', 'kinh', 'other', 'notStated'] as const;
export const followUps = ['hotline111', 'socialWorkCentre', 'police'] as const;

const breakdown = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((key) => [key, count])) as Record<K, typeof count>);

const quizRound = z.strictObject({
  /** How many people answered the quiz. */
  answered: count,
  /** Per question, how many answered it right. */
  correct: z.array(count).min(1).max(20),
});

// Made once: building a DateTimeFormat costs far more than formatting with it, and the server
// checks the date of every log it receives.
const laoCaiDate = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Lao Cai, `YYYY-MM-DD`. */
export function todayInLaoCai(now: Date = new Date()): string {
  return laoCaiDate.format(now);
}

/** The date a year before `today` (`YYYY-MM-DD`). */
function aYearBefore(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  return `${year - 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const sum = (values: Record<string, number>) => Object.values(values).reduce((total, value) => total + value, 0);

/** Builds the schema against a clock, so tests can fix "today". */
export function createSessionLogSchema(now: () => Date = () => new Date()) {
  return z
    .strictObject({
      /** A UUID made on the device: the log's identity, so a resend is never a second log. */
      clientId: z.uuid(),
      date: z.iso.date(),
      startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'time' }),
      durationMinutes: z.number().int().min(5).max(600),
      place: z.strictObject({
        communeId: z.string().refine((id) => areaOf(id) !== undefined, { error: 'unknownCommune' }),
        venue: z.string().trim().min(1).max(200),
      }),
      setting: z.enum(sessionSettings),
      audience: z.array(z.enum(audiences)).min(1).max(audiences.length),
      languages: z.array(z.enum(localePaths as [LocalePath, ...LocalePath[]])).min(1).max(localePaths.length),
      materials: z.array(z.string().regex(/^[a-z0-9-]+$/)).max(20),
      facilitators: z.array(z.string().trim().min(1).max(100)).min(1).max(10),
      attendance: z.strictObject({
        total: count.min(1),
        bySex: breakdown(sexBands),
        byAge: breakdown(ageBands),
        byEthnicity: breakdown(ethnicGroups),
      }),
      quiz: z.strictObject({ pre: quizRound.optional(), post: quizRound.optional() }).optional(),
      followUps: breakdown(followUps),
      notes: z.string().max(2000).default(''),
    })
    .superRefine((log, context) => {
      const today = todayInLaoCai(now());
      if (log.date > today) context.addIssue({ code: 'custom', path: ['date'], message: 'future' });
      else if (log.date < aYearBefore(today)) context.addIssue({ code: 'custom', path: ['date'], message: 'tooOld' });
      for (const part of ['bySex', 'byAge', 'byEthnicity'] as const) {
        if (sum(log.attendance[part]) !== log.attendance.total) {
          context.addIssue({ code: 'custom', path: ['attendance', part], message: 'sumMismatch', params: { total: log.attendance.total, sum: sum(log.attendance[part]) } });
        }
      }
      for (const round of ['pre', 'post'] as const) {
        const results = log.quiz?.[round];
        results?.correct.forEach((right, index) => {
          if (right > results.answered) context.addIssue({ code: 'custom', path: ['quiz', round, 'correct', index], message: 'moreRightThanAnswered' });
        });
        if (results && results.answered > log.attendance.total) context.addIssue({ code: 'custom', path: ['quiz', round, 'answered'], message: 'moreThanAttended' });
      }
      if (sum(log.followUps) > log.attendance.total) context.addIssue({ code: 'custom', path: ['followUps'], message: 'moreThanAttended' });
    });
}

export const sessionLogSchema = createSessionLogSchema();
export type SessionLog = z.output<typeof sessionLogSchema>;

/** One problem with a log, as the server answers and the form shows it (translated by `rule`). */
export interface LogProblem {
  /** The field, e.g. `attendance.bySex` or `place.venue`. */
  path: string;
  /** What is wrong: a zod issue code (`too_small`, `invalid_type`, …) or our rule (`sumMismatch`, `future`, …). */
  rule: string;
  /** An English sentence for logs and API clients. */
  message: string;
}

/** Every problem of a failed parse, with its field. */
export function describeProblems(error: z.ZodError): LogProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(log)';
    const rule = issue.code === 'custom' || (issue.message && /^[a-z][a-zA-Z]+$/.test(issue.message)) ? issue.message : issue.code;
    return { path, rule, message: `${path}: ${issue.code === 'custom' ? rule : issue.message}` };
  });
}

/**
 * Whether free text looks like it holds a phone number (9 to 11 digits, spaces, dots or dashes
 * allowed between them, optionally +84). Hotline numbers such as 111 or 113 do not count.
 * Example: `looksLikePhoneNumber('Gọi 0912 345 678')` is true.
 */
export function looksLikePhoneNumber(text: string): boolean {
  return /(?:\+84|\b0)(?:[\s.-]?\d){8,10}\b/.test(text);
}
