/**
 * The client side of session logs, without a browser: the form's values and the shared schema,
 * problems in the user's language beside the right field, batches and backoff of the sync.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  count,
  emptyValues,
  fromLog,
  fromStored,
  newClientId,
  newDraft,
  toCandidate,
  toStored,
  withChange,
  type FormValues,
  type StoredDraft,
} from '../../src/components/log/form-values.ts';
import { fieldFor, problemMessage } from '../../src/components/log/problems.ts';
import { translator, type ClientStrings } from '../../src/i18n/translate.ts';
import { batches, maxBatch } from '../../src/offline/sync-core.ts';
import { backoffDelay } from '../../src/offline/sync.ts';
import type { OutboxEntry } from '../../src/offline/outbox.ts';
import { describeProblems, sessionLogSchema } from '../../src/sessions/schema.ts';
import { validLog } from '../fixtures/session-logs.ts';

const en = JSON.parse(readFileSync('src/i18n/ui/en.json', 'utf8')) as ClientStrings;
const t = translator(en);
const number = (value: number) => new Intl.NumberFormat('en-GB').format(value);

/** Each problem of a candidate as "field: message", the way the form shows them. */
function messages(candidate: Record<string, unknown>): string[] {
  const result = sessionLogSchema.safeParse(candidate);
  return result.success
    ? []
    : describeProblems(result.error).map(
        (problem) => `${fieldFor(problem.path) ?? problem.path}: ${problemMessage(problem, candidate, t, number)}`,
      );
}

describe('the form values', () => {
  it('give back the very log they were made from', () => {
    const log = validLog();
    expect(sessionLogSchema.parse(toCandidate(fromLog(log)))).toEqual(log);
  });

  it('read counts as whole numbers: blank as the default, anything else as not a number', () => {
    expect(count(' 12 ', 0)).toBe(12);
    expect(count('', 0)).toBe(0);
    expect(count('', undefined)).toBeUndefined();
    expect(count('1.5', 0)).toBeNaN();
    expect(count('1.000', 0)).toBeNaN();
  });

  it('make v4 UUIDs the schema accepts, also without crypto.randomUUID', () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back on `crypto` below, never called on its own
    const randomUUID = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newClientId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });
});

describe('the draft', () => {
  it('keeps only what was typed: an empty form stores nothing, and no default (the date) is stored', () => {
    const opened = newDraft(new Date('2026-11-23T03:00:00Z'));
    expect(toStored(opened)).toBeUndefined();
    const typed = withChange(opened, { venue: 'Trường THCS Y Tý' });
    expect(toStored(typed)).toEqual({
      clientId: opened.values.clientId,
      typed: { venue: 'Trường THCS Y Tý' },
      correcting: undefined,
    });
  });

  it('works the defaults out when the form opens: a draft of 23 November opened on 1 December shows 1 December', () => {
    const typed = withChange(newDraft(new Date('2026-11-23T03:00:00Z')), { venue: 'Nhà văn hoá thôn Lao Chải' });
    const reopened = fromStored(
      JSON.parse(JSON.stringify(toStored(typed))) as StoredDraft,
      new Date('2026-12-01T03:00:00Z'),
    );
    expect(reopened.values).toMatchObject({
      date: '2026-12-01',
      venue: 'Nhà văn hoá thôn Lao Chải',
      clientId: typed.values.clientId,
    });
    // A date the person chose is theirs, and kept.
    const chosen = withChange(newDraft(), { date: '2026-11-20' });
    expect(fromStored(toStored(chosen)!, new Date('2026-12-01T03:00:00Z')).values.date).toBe('2026-11-20');
  });
});

describe("problems in the user's language", () => {
  it('say plainly that a venue of only spaces has only spaces', () => {
    const values = fromLog(validLog());
    values.venue = '    ';
    expect(messages(toCandidate(values))).toEqual([
      'place.venue: This has only spaces. Write the name, such as "Y Tý lower-secondary school".',
    ]);
  });

  it('refuse a phone number in the notes, the venue or the names, with a reason', () => {
    const values = fromLog(validLog());
    values.notes = 'SĐT0912345678';
    expect(messages(toCandidate(values))).toEqual([
      "notes: This holds a phone number. Remove it to save: a log must not hold anyone's contact details.",
    ]);
    values.notes = '';
    values.venue = 'Nhà anh Páo, SĐT 0912 345 678';
    values.facilitators = 'Lò Thị Mai\nGiàng A Páo (+84) 912-345-678';
    expect(messages(toCandidate(values))).toEqual([
      "place.venue: This holds a phone number. Remove it to save: a log must not hold anyone's contact details.",
      "facilitators: This holds a phone number. Remove it to save: a log must not hold anyone's contact details.",
    ]);
  });

  it('ask to fill in or choose what an empty form lacks, beside each field', () => {
    const found = messages(toCandidate(emptyValues()));
    expect(found).toEqual(
      expect.arrayContaining([
        'startTime: Fill this in.',
        'durationMinutes: Fill this in.',
        'place.communeId: Choose a commune or ward from the list.',
        'place.venue: Fill this in.',
        'setting: Choose one from the list.',
        'audience: Choose at least one.',
        'languages: Choose at least one.',
        'facilitators: Fill this in.',
        'attendance.total: Fill this in.',
      ]),
    );
  });

  it('say what is wrong with a count, and by how much a breakdown is off', () => {
    const values = fromLog(validLog());
    values.bySex.female = 'x';
    expect(messages(toCandidate(values))).toEqual(['attendance.bySex.female: Enter a whole number, such as 12.']);
    values.bySex.female = '2001';
    expect(messages(toCandidate(values))).toEqual([
      'attendance.bySex.female: Enter a number from 0 to 2,000.',
      'attendance.bySex: These add up to 2,017, not to the total of 34.',
    ]);
    values.bySex.female = '10';
    expect(messages(toCandidate(values))).toEqual(['attendance.bySex: These add up to 26, not to the total of 34.']);
  });

  /** `text` people in all, every one of them in the age band `age` and of unstated sex and ethnic group. */
  const everyoneIn = (values: FormValues, text: string, age: 'under12' | 'age25plus') => {
    const empty = emptyValues();
    Object.assign(values, {
      total: text,
      bySex: { ...empty.bySex, notStated: text },
      byAge: { ...empty.byAge, [age]: text },
      byEthnicity: { ...empty.byEthnicity, notStated: text },
    });
  };

  // The form's range messages take their numbers from the schema (logLimits): each range named is
  // exactly the range the schema accepts, its ends accepted and one past them refused.
  it.each([
    ['durationMinutes', (values: FormValues, text: string) => (values.durationMinutes = text)],
    ['attendance.total', (values: FormValues, text: string) => everyoneIn(values, text, 'age25plus')],
    ['attendance.byAge.under12', (values: FormValues, text: string) => everyoneIn(values, text, 'under12')],
  ] as const)('name the range the schema accepts for %s', (path, set) => {
    const at = (value: number) => {
      const values = fromLog({
        ...validLog(),
        followUps: { hotline111: 0, socialWorkCentre: 0, police: 0 },
        quiz: undefined,
      });
      set(values, String(value));
      return messages(toCandidate(values)).filter((message) => message.startsWith(`${path}:`));
    };
    const [message] = at(1_000_000);
    const [, min, max] = /from ([\d,]+) to ([\d,]+)/.exec(message ?? '') ?? [];
    expect(message, 'a range message').toBeDefined();
    const [low, high] = [Number(min?.replace(/,/g, '')), Number(max?.replace(/,/g, ''))];
    expect(at(low)).toEqual([]);
    expect(at(high)).toEqual([]);
    expect(at(high + 1)).toEqual([message]);
    if (low > 0) expect(at(low - 1)).toEqual([message]);
  });

  it("translate the server's problems of a stored log by path and rule", () => {
    const log = validLog();
    expect(problemMessage({ path: 'date', rule: 'tooOld', message: 'date: tooOld' }, log, t, number)).toBe(
      'This date is more than a year ago.',
    );
    expect(
      problemMessage({ path: 'quiz.pre.correct.1', rule: 'moreRightThanAnswered', message: '' }, log, t, number),
    ).toBe('More people got it right than answered.');
    expect(problemMessage({ path: 'followUps', rule: 'moreThanAttended', message: '' }, log, t, number)).toBe(
      'More referrals than people attending.',
    );
    expect(problemMessage({ path: 'place.venue', rule: 'something_new', message: '' }, log, t, number)).toBe(
      'Check this field.',
    );
  });

  it('find the field of every path, and none for the log as a whole', () => {
    expect(fieldFor('facilitators.3')).toBe('facilitators');
    expect(fieldFor('attendance.byAge.age16to17')).toBe('attendance.byAge.age16to17');
    expect(fieldFor('quiz.post.correct')).toBe('quizQuestions');
    expect(fieldFor('quiz.post.correct.19')).toBe('quiz.post.correct.19');
    expect(fieldFor('(log)')).toBeUndefined();
  });
});

describe('the sync', () => {
  const entry = (notes = ''): OutboxEntry => {
    const log = { ...validLog(), notes };
    return { clientId: log.clientId, log, state: 'waiting', createdAt: new Date().toISOString() };
  };

  it('sends at most 100 logs a request', () => {
    expect(batches(Array.from({ length: 250 }, () => entry())).map((batch) => batch.length)).toEqual([
      maxBatch,
      maxBatch,
      50,
    ]);
  });

  it("keeps a request under the server's 256 KB even when every note is at its longest", () => {
    const long = Array.from({ length: 100 }, () => entry('ữ'.repeat(2000)));
    const sizes = batches(long).map(
      (batch) => new TextEncoder().encode(JSON.stringify(batch.map((item) => item.log))).length,
    );
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThan(256 * 1024);
  });

  it('waits 5 s, then twice as long each time, never over 5 min', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 10].map((failures) => backoffDelay(failures, middle))).toEqual([
      5_000, 10_000, 20_000, 40_000, 300_000,
    ]);
    expect(backoffDelay(0, () => 0)).toBe(4_000);
    expect(backoffDelay(20, () => 1)).toBe(300_000);
  });
});
