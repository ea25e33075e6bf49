/**
 * The form's values as typed (strings, so a half-typed count survives a reload), the log built
 * from them for the shared schema, and the draft kept in localStorage while the user types.
 */
import {
  ageBands,
  currentSchemaVersion,
  ethnicGroups,
  followUps,
  logLimits,
  sexBands,
  todayInLaoCai,
  type SessionLog,
} from '../../sessions/schema.ts';
import { areaOf } from '../../sessions/places.ts';

type Counts<K extends string> = Record<K, string>;

export interface QuizRoundValues {
  answered: string;
  correct: string[];
}

export interface FormValues {
  clientId: string;
  date: string;
  startTime: string;
  durationMinutes: string;
  area: string;
  communeId: string;
  venue: string;
  setting: string;
  audience: string[];
  languages: string[];
  materials: string[];
  /** One name per line. */
  facilitators: string;
  total: string;
  bySex: Counts<(typeof sexBands)[number]>;
  byAge: Counts<(typeof ageBands)[number]>;
  byEthnicity: Counts<(typeof ethnicGroups)[number]>;
  quizOn: boolean;
  quizQuestions: string;
  pre: QuizRoundValues;
  post: QuizRoundValues;
  followUps: Counts<(typeof followUps)[number]>;
  notes: string;
}

export const breakdownBands = { bySex: sexBands, byAge: ageBands, byEthnicity: ethnicGroups } as const;
export type Breakdown = keyof typeof breakdownBands;

const blank = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, ''])) as Counts<K>;

/** A client id for a new log: a v4 UUID, also where `crypto.randomUUID` is missing (plain http). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The values of an empty form opened at `now`: today's date in Lao Cai, a new client id. */
export function emptyValues(now = new Date()): FormValues {
  return {
    clientId: newClientId(),
    date: todayInLaoCai(now),
    startTime: '',
    durationMinutes: '',
    area: '',
    communeId: '',
    venue: '',
    setting: '',
    audience: [],
    languages: [],
    materials: [],
    facilitators: '',
    total: '',
    bySex: blank(sexBands),
    byAge: blank(ageBands),
    byEthnicity: blank(ethnicGroups),
    quizOn: false,
    quizQuestions: '',
    pre: { answered: '', correct: [] },
    post: { answered: '', correct: [] },
    followUps: blank(followUps),
    notes: '',
  };
}

/**
 * A typed count: a whole number, NaN for anything else (the schema then says "whole number"),
 * and `empty` for a blank field. Example: `count(' 12 ', 0)` is 12, `count('', 0)` is 0.
 */
export function count(text: string, empty: number | undefined): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return empty;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

const counts = <K extends string>(values: Counts<K>) =>
  Object.fromEntries(Object.entries<string>(values).map(([key, text]) => [key, count(text, 0)])) as Record<K, number>;

/** The number of quiz questions typed, within 0 and the schema's most (20). */
export function quizQuestionCount(values: FormValues): number {
  const questions = count(values.quizQuestions, 0) ?? 0;
  return Number.isFinite(questions) ? Math.min(Math.max(questions, 0), logLimits.quizQuestions.max) : 0;
}

function quizRound(values: FormValues, round: 'pre' | 'post') {
  const typed = values[round];
  if (typed.answered.trim() === '') return undefined;
  const questions = quizQuestionCount(values);
  return {
    answered: count(typed.answered, undefined),
    correct: Array.from({ length: questions }, (_, index) => count(typed.correct[index] ?? '', 0)),
  };
}

/** The log the values describe, for the schema to judge (blank required fields stay missing). */
export function toCandidate(values: FormValues): Record<string, unknown> {
  const pre = values.quizOn ? quizRound(values, 'pre') : undefined;
  const post = values.quizOn ? quizRound(values, 'post') : undefined;
  return {
    schemaVersion: currentSchemaVersion,
    clientId: values.clientId,
    date: values.date,
    startTime: values.startTime,
    durationMinutes: count(values.durationMinutes, undefined),
    place: { communeId: values.communeId, venue: values.venue },
    setting: values.setting || undefined,
    audience: values.audience,
    languages: values.languages,
    materials: values.materials,
    facilitators: values.facilitators
      .split('\n')
      .map((name) => name.trim())
      .filter(Boolean),
    attendance: {
      total: count(values.total, undefined),
      bySex: counts(values.bySex),
      byAge: counts(values.byAge),
      byEthnicity: counts(values.byEthnicity),
    },
    ...(pre || post ? { quiz: { ...(pre ? { pre } : {}), ...(post ? { post } : {}) } } : {}),
    followUps: counts(values.followUps),
    notes: values.notes,
  };
}

const text = (value: number) => String(value);
const texts = <K extends string>(values: Record<K, number>) =>
  Object.fromEntries(Object.entries<number>(values).map(([key, value]) => [key, text(value)])) as Counts<K>;

/** The values of a saved log, to correct it in the form. */
export function fromLog(log: SessionLog): FormValues {
  const questions = Math.max(log.quiz?.pre?.correct.length ?? 0, log.quiz?.post?.correct.length ?? 0);
  const round = (results?: { answered: number; correct: number[] }): QuizRoundValues =>
    results ? { answered: text(results.answered), correct: results.correct.map(text) } : { answered: '', correct: [] };
  return {
    clientId: log.clientId,
    date: log.date,
    startTime: log.startTime,
    durationMinutes: text(log.durationMinutes),
    area: areaOf(log.place.communeId)?.id ?? '',
    communeId: log.place.communeId,
    venue: log.place.venue,
    setting: log.setting,
    audience: [...log.audience],
    languages: [...log.languages],
    materials: [...log.materials],
    facilitators: log.facilitators.join('\n'),
    total: text(log.attendance.total),
    bySex: texts(log.attendance.bySex),
    byAge: texts(log.attendance.byAge),
    byEthnicity: texts(log.attendance.byEthnicity),
    quizOn: questions > 0,
    quizQuestions: questions > 0 ? text(questions) : '',
    pre: round(log.quiz?.pre),
    post: round(log.quiz?.post),
    followUps: texts(log.followUps),
    notes: log.notes,
  };
}

/**
 * What the draft holds: the values as the form shows them, what of them the person typed (the
 * only part kept: defaults such as today's date are worked out each time the form opens), and
 * the outbox log they correct, if any.
 */
export interface Draft {
  values: FormValues;
  typed: Partial<FormValues>;
  /**
   * A rejected log is corrected under its own client id; a conflict (the server holds another
   * log under that id) is saved under a new one and the old entry removed.
   */
  correcting?: { clientId: string; state: 'rejected' | 'conflict' } | undefined;
}

/** A draft with nothing typed: defaults of this moment and a new client id. */
export function newDraft(now = new Date()): Draft {
  return { values: emptyValues(now), typed: {} };
}

/** The draft after the person changed some fields. */
export function withChange(draft: Draft, change: Partial<FormValues>): Draft {
  return { ...draft, values: { ...draft.values, ...change }, typed: { ...draft.typed, ...change } };
}

/** The draft that corrects a log of the outbox: every field of it counts as typed. */
export function correctionOf(entry: { clientId: string; log: SessionLog; state: string }): Draft {
  const values = fromLog(entry.log);
  const state = entry.state === 'conflict' ? 'conflict' : 'rejected';
  const { clientId: _id, ...typed } = values;
  return {
    values: state === 'conflict' ? { ...values, clientId: newClientId() } : values,
    typed,
    correcting: { clientId: entry.clientId, state },
  };
}

/** What is stored of a draft (draft-store.ts): the client id, the typed fields, the correction. */
export interface StoredDraft {
  clientId: string;
  typed: Partial<FormValues>;
  correcting?: Draft['correcting'];
}

/**
 * The stored form of a draft, or undefined when nothing was typed (an empty form keeps nothing).
 * A field typed back to blank counts as not typed; a date the person chose is kept as theirs.
 */
export function toStored(draft: Draft): StoredDraft | undefined {
  const blank = emptyValues() as unknown as Record<string, unknown>;
  const typed = Object.fromEntries(
    Object.entries(draft.typed).filter(
      ([key, value]) => key === 'date' || JSON.stringify(value) !== JSON.stringify(blank[key]),
    ),
  ) as Partial<FormValues>;
  if (Object.keys(typed).length === 0 && !draft.correcting) return undefined;
  return { clientId: draft.values.clientId, typed, correcting: draft.correcting };
}

/** A stored draft as the form opens it: defaults of now, then what was typed. */
export function fromStored(stored: StoredDraft, now = new Date()): Draft {
  const typed = { ...stored.typed };
  delete typed.clientId;
  const values = { ...emptyValues(now), ...typed, clientId: stored.clientId };
  return { values, typed, correcting: stored.correcting };
}
