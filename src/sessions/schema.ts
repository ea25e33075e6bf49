/**
 * The session log: one zod schema, used by the form, the outbox and the server. It holds counts,
 * never people (DESIGN.md): there is no field for a participant's name, phone, birth date or
 * photo, and unknown fields are rejected. Every count is a whole number from 0 to 2,000, and each
 * breakdown of the attendance adds up to its total.
 *
 * Written with `zod/mini`, zod's tree-shakable build: the same checks and issue codes as the
 * classic API at a fraction of the bytes the log page sends to a phone (issue 17).
 */
import * as z from 'zod/mini';
import { localePaths, timeZone, type LocalePath } from '../i18n/locales.ts';
import { audiences, settings } from '../content/vocabulary.ts';
import { bandsOf } from './figures.ts';
import { areaOf } from './places.ts';

/** Where a session can take place: the lesson-pack settings, and anywhere else. */
export const sessionSettings = [...settings, 'other'] as const;

/**
 * The limits of a log's numbers, texts and lists: the schema is built from them and the form's
 * messages read them ("a number from 0 to 2,000"), so the two cannot disagree.
 */
export const logLimits = {
  /** Every count of people. */
  count: { min: 0, max: 2000 },
  /** The attendance total: a session had someone there. */
  total: { min: 1, max: 2000 },
  durationMinutes: { min: 5, max: 600 },
  /** Questions of one quiz round. */
  quizQuestions: { min: 1, max: 20 },
  venue: { min: 1, max: 200 },
  facilitators: { min: 1, max: 10 },
  facilitator: { min: 1, max: 100 },
  materials: { min: 0, max: 20 },
  notes: { min: 0, max: 2000 },
} as const;

interface Range {
  readonly min: number;
  readonly max: number;
}
const whole = ({ min, max }: Range) => z.int().check(z.minimum(min), z.maximum(max));
const text = ({ min, max }: Range) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
const list = <T extends z.core.SomeType>(item: T, { min, max }: Range) =>
  z.array(item).check(z.minLength(min), z.maxLength(max));

const count = whole(logLimits.count);

// The bands of each breakdown come from the one table of figures (figures.ts).
export const sexBands = bandsOf('bySex');
export const ageBands = bandsOf('byAge');
export const ethnicGroups = bandsOf('byEthnicity');
export const followUps = bandsOf('followUps');

const breakdown = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((key) => [key, count])) as Record<K, typeof count>);

const quizRound = z.strictObject({
  /** How many people answered the quiz. */
  answered: count,
  /** Per question, how many answered it right. */
  correct: list(count, logLimits.quizQuestions),
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

/**
 * The version of the log's shape that this code makes. A change of shape bumps it and adds an
 * upgrade below (log-versions.ts); the server upgrades older logs, so phones that have not
 * updated yet keep sending. Version 1 had no `schemaVersion` field.
 */
export const currentSchemaVersion = 2;

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
/** The numbers of a breakdown, or undefined while one of its cells is not a whole number. */
function numbersOf(value: unknown): number[] | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const numbers = Object.values(value);
  return numbers.every(isNumber) ? numbers : undefined;
}

const hasNoPhoneNumber = (text: string) => !looksLikePhoneNumber(text);

/** Builds the schema against a clock, so tests can fix "today". */
export function createSessionLogSchema(now: () => Date = () => new Date()) {
  const noPhoneNumber = z.refine<string>(hasNoPhoneNumber, { error: 'phoneNumber' });
  return (
    z
      .strictObject({
        schemaVersion: z.literal(currentSchemaVersion),
        /** A UUID made on the device: the log's identity, so a resend is never a second log. */
        clientId: z.uuid(),
        date: z.iso.date(),
        startTime: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'time' })),
        durationMinutes: whole(logLimits.durationMinutes),
        place: z.strictObject({
          communeId: z.string().check(z.refine((id) => areaOf(id) !== undefined, { error: 'unknownCommune' })),
          venue: text(logLimits.venue).check(noPhoneNumber),
        }),
        setting: z.enum(sessionSettings),
        audience: list(z.enum(audiences), { min: 1, max: audiences.length }),
        languages: list(z.enum(localePaths as [LocalePath, ...LocalePath[]]), { min: 1, max: localePaths.length }),
        materials: list(z.string().check(z.regex(/^[a-z0-9-]+$/)), logLimits.materials),
        facilitators: list(text(logLimits.facilitator).check(noPhoneNumber), logLimits.facilitators),
        attendance: z.strictObject({
          total: whole(logLimits.total),
          bySex: breakdown(sexBands),
          byAge: breakdown(ageBands),
          byEthnicity: breakdown(ethnicGroups),
        }),
        quiz: z.optional(z.strictObject({ pre: z.optional(quizRound), post: z.optional(quizRound) })),
        followUps: breakdown(followUps),
        // A phone number is refused in every free text, not only warned about: the raw export must never hold one.
        notes: z._default(z.string().check(z.maxLength(logLimits.notes.max), noPhoneNumber), ''),
      })
      // Runs even when other fields failed, so every problem shows at once (not the date and the
      // sums only after the rest is fixed); it looks only at the parts that are well formed.
      .check(
        z.superRefine(
          (input, context) => {
            const log = ((input as unknown) && typeof input === 'object' ? input : {}) as Partial<
              Record<string, unknown>
            >;
            const today = todayInLaoCai(now());
            if (typeof log['date'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(log['date'])) {
              if (log['date'] > today) context.addIssue({ code: 'custom', path: ['date'], message: 'future' });
              else if (log['date'] < aYearBefore(today))
                context.addIssue({ code: 'custom', path: ['date'], message: 'tooOld' });
            }
            const attendance = (log['attendance'] ?? {}) as Record<string, unknown>;
            const total = isNumber(attendance['total']) ? attendance['total'] : undefined;
            if (total === undefined) return;
            for (const part of ['bySex', 'byAge', 'byEthnicity'] as const) {
              const numbers = numbersOf(attendance[part]);
              const partSum = numbers?.reduce((a, b) => a + b, 0);
              if (partSum !== undefined && partSum !== total)
                context.addIssue({
                  code: 'custom',
                  path: ['attendance', part],
                  message: 'sumMismatch',
                  params: { total, sum: partSum },
                });
            }
            const quiz = (log['quiz'] ?? {}) as Record<string, { answered?: unknown; correct?: unknown } | undefined>;
            for (const round of ['pre', 'post'] as const) {
              const results = quiz[round];
              if (!results || !isNumber(results.answered)) continue;
              const answered = results.answered;
              if (Array.isArray(results.correct)) {
                results.correct.forEach((right, index) => {
                  if (isNumber(right) && right > answered)
                    context.addIssue({
                      code: 'custom',
                      path: ['quiz', round, 'correct', index],
                      message: 'moreRightThanAnswered',
                    });
                });
              }
              if (answered > total)
                context.addIssue({ code: 'custom', path: ['quiz', round, 'answered'], message: 'moreThanAttended' });
            }
            const referred = numbersOf(log['followUps']);
            if (referred && referred.reduce((a, b) => a + b, 0) > total)
              context.addIssue({ code: 'custom', path: ['followUps'], message: 'moreThanAttended' });
          },
          { when: () => true },
        ),
      )
  );
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
export function describeProblems(error: z.core.$ZodError): LogProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(log)';
    const rule =
      issue.code === 'custom' || (issue.message && /^[a-z][a-zA-Z]+$/.test(issue.message)) ? issue.message : issue.code;
    return { path, rule, message: `${path}: ${issue.code === 'custom' ? rule : issue.message}` };
  });
}

/**
 * A Vietnamese phone number in free text: `0`, `(0`, `+84` or `(+84)` then 8 to 10 more digits,
 * with spaces, dots, dashes or brackets between them, not inside a longer run of digits. Letters
 * may touch it (`SĐT0912345678`): a word boundary would miss that. Hotlines (111, 113) do not count.
 */
const phoneNumber = /(?<!\d)(?:\(?\+\s?84\)?|\(?0)(?:[\s.\-()]*\d){8,10}(?![\s.-]?\d)/gu;

/**
 * Whether free text looks like it holds a phone number.
 * Example: `looksLikePhoneNumber('Gọi (091) 234 5678')` is true; `looksLikePhoneNumber('Gọi 111')` is false.
 */
export function looksLikePhoneNumber(text: string): boolean {
  phoneNumber.lastIndex = 0;
  return phoneNumber.test(text);
}

/** The text with every phone number replaced by `[…]`, for logs made before numbers were refused. */
export function maskPhoneNumbers(text: string): string {
  return text.replace(phoneNumber, '[…]');
}
