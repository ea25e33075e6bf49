import { describe, expect, it } from 'vitest';
import {
  createSessionLogSchema,
  describeProblems,
  looksLikePhoneNumber,
  maskPhoneNumbers,
  type SessionLog,
} from '../../src/sessions/schema.ts';
import { validLog } from '../fixtures/session-logs.ts';

// 10:00 in Lao Cai on 15 March 2026.
const now = new Date('2026-03-15T03:00:00Z');
const schema = createSessionLogSchema(() => now);
const base = () => validLog(now);

/** The problems with `log`, as the server answers them. */
function problems(log: unknown): { path: string; rule: string }[] {
  const result = schema.safeParse(log);
  return result.success ? [] : describeProblems(result.error).map(({ path, rule }) => ({ path, rule }));
}

/** A copy of the valid log with `change` applied to it. */
function withChange(change: (log: SessionLog & Record<string, unknown>) => void): unknown {
  const log = structuredClone(base()) as SessionLog & Record<string, unknown>;
  change(log);
  return log;
}

describe('session-log schema', () => {
  it('accepts a realistic log and fills in an absent note', () => {
    expect(problems(base())).toEqual([]);
    const { notes: _notes, ...withoutNotes } = base();
    expect(schema.parse(withoutNotes).notes).toBe('');
  });

  it.each([
    ['a date in the future', (log: SessionLog) => void (log.date = '2026-03-16'), 'date', 'future'],
    ['a date over a year back', (log: SessionLog) => void (log.date = '2025-03-14'), 'date', 'tooOld'],
    [
      'a negative count',
      (log: SessionLog) => void (log.attendance.bySex.male = -1),
      'attendance.bySex.male',
      'too_small',
    ],
    [
      'a fractional count',
      (log: SessionLog) => void (log.attendance.byAge.age12to15 = 29.5),
      'attendance.byAge.age12to15',
      'invalid_type',
    ],
    ['a count over 2,000', (log: SessionLog) => void (log.followUps.police = 2001), 'followUps.police', 'too_big'],
    [
      'a count given as text',
      (log: SessionLog) => void ((log.attendance as { total: unknown }).total = '34'),
      'attendance.total',
      'invalid_type',
    ],
    [
      'a breakdown by sex that does not add up',
      (log: SessionLog) => void (log.attendance.bySex.female = 17),
      'attendance.bySex',
      'sumMismatch',
    ],
    [
      'a breakdown by ethnic group that does not add up',
      (log: SessionLog) => void (log.attendance.byEthnicity.thai = 4),
      'attendance.byEthnicity',
      'sumMismatch',
    ],
    [
      'an unknown field',
      (log: SessionLog) => void ((log as Record<string, unknown>)['participantNames'] = ['Mai']),
      '(log)',
      'unrecognized_keys',
    ],
    [
      'an unknown field inside a breakdown',
      (log: SessionLog) => void ((log.attendance.bySex as Record<string, number>)['other'] = 0),
      'attendance.bySex',
      'unrecognized_keys',
    ],
    [
      'an unknown commune',
      (log: SessionLog) => void (log.place.communeId = 'xa-khong-co'),
      'place.communeId',
      'unknownCommune',
    ],
    [
      'a missing field',
      (log: SessionLog) => {
        delete (log as Partial<SessionLog>).setting;
      },
      'setting',
      'invalid_value',
    ],
    [
      'a missing breakdown',
      (log: SessionLog) => {
        delete (log.attendance as Partial<SessionLog['attendance']>).byAge;
      },
      'attendance.byAge',
      'invalid_type',
    ],
    [
      'more right answers than answers',
      (log: SessionLog) => void (log.quiz!.post!.correct[1] = 32),
      'quiz.post.correct.1',
      'moreRightThanAnswered',
    ],
    [
      'more quiz answers than people',
      (log: SessionLog) => void (log.quiz!.pre!.answered = 35),
      'quiz.pre.answered',
      'moreThanAttended',
    ],
    [
      'more follow-ups than people',
      (log: SessionLog) => void (log.followUps.hotline111 = 34),
      'followUps',
      'moreThanAttended',
    ],
    ['a client id that is no UUID', (log: SessionLog) => void (log.clientId = 'log-1'), 'clientId', 'invalid_format'],
    ['a start time that is no time', (log: SessionLog) => void (log.startTime = '25:00'), 'startTime', 'time'],
    ['an empty venue', (log: SessionLog) => void (log.place.venue = '   '), 'place.venue', 'too_small'],
    [
      'a phone number in the notes',
      (log: SessionLog) => void (log.notes = 'Gọi lại (091) 234 5678'),
      'notes',
      'phoneNumber',
    ],
    [
      'a log without its schema version',
      (log: SessionLog) => {
        delete (log as Partial<SessionLog>).schemaVersion;
      },
      'schemaVersion',
      'invalid_value',
    ],
  ])('rejects %s, naming the field', (_name, change, path, rule) => {
    expect(problems(withChange(change))).toContainEqual({ path, rule });
  });

  it('names the date and the sums even while a required field is missing (no errors in instalments)', () => {
    const log = withChange((log) => {
      delete (log as Partial<SessionLog>).durationMinutes;
      delete (log as Partial<SessionLog>).setting;
      (log.attendance as { total: unknown }).total = undefined;
      log.date = '2026-03-16';
      log.attendance.byAge.age12to15 = 1;
      log.followUps.police = 40;
    });
    expect(problems(log)).toEqual(
      expect.arrayContaining([
        { path: 'durationMinutes', rule: 'invalid_type' },
        { path: 'setting', rule: 'invalid_value' },
        { path: 'attendance.total', rule: 'invalid_type' },
        { path: 'date', rule: 'future' },
      ]),
    );
    const withTotal = withChange((log) => {
      delete (log as Partial<SessionLog>).durationMinutes;
      log.date = '2025-01-01';
      log.attendance.byAge.age12to15 = 1;
      log.quiz!.pre!.answered = 35;
      log.followUps.police = 40;
    });
    expect(problems(withTotal)).toEqual(
      expect.arrayContaining([
        { path: 'durationMinutes', rule: 'invalid_type' },
        { path: 'date', rule: 'tooOld' },
        { path: 'attendance.byAge', rule: 'sumMismatch' },
        { path: 'quiz.pre.answered', rule: 'moreThanAttended' },
        { path: 'followUps', rule: 'moreThanAttended' },
      ]),
    );
  });

  it('judges what is not an object at all without throwing', () => {
    for (const body of [null, 42, 'log', [], {}, { attendance: 'x', quiz: 3, followUps: [] }])
      expect(() => schema.safeParse(body)).not.toThrow();
  });

  it('takes today and exactly a year back in Lao Cai time, whatever the server clock zone', () => {
    // 23:30 UTC on 14 March is already 15 March in Lao Cai (UTC+7).
    const lateUtc = createSessionLogSchema(() => new Date('2026-03-14T23:30:00Z'));
    expect(lateUtc.safeParse({ ...base(), date: '2026-03-15' }).success).toBe(true);
    expect(problems({ ...base(), date: '2025-03-15' })).toEqual([]);
  });

  it('names every problem of a log at once', () => {
    const log = withChange((log) => {
      log.attendance.bySex.male = -1;
      log.place.communeId = 'xa-khong-co';
      log['phone'] = '0912345678';
    });
    expect(problems(log)).toEqual(
      expect.arrayContaining([
        { path: '(log)', rule: 'unrecognized_keys' },
        { path: 'attendance.bySex.male', rule: 'too_small' },
        { path: 'attendance.bySex', rule: 'sumMismatch' },
        { path: 'place.communeId', rule: 'unknownCommune' },
      ]),
    );
  });

  it('rejects what is not a log at all', () => {
    for (const body of [null, 42, 'log', [], {}]) expect(problems(body).length).toBeGreaterThan(0);
  });
});

describe('looksLikePhoneNumber', () => {
  it.each([
    'Gọi 0912 345 678',
    'số 0912.345.678',
    'Zalo +84 912 345 678',
    '0912345678',
    '+84912345678',
    'SĐT0912345678',
    '(091) 234 5678',
    '+84 912 345 678',
    'Gọi (+84) 912-345-678',
    'máy bàn 0214 3840 123',
    'ĐT:0912345678.',
  ])('finds a phone number in %j', (text) => {
    expect(looksLikePhoneNumber(text)).toBe(true);
  });

  it.each([
    'Gọi 111 khi cần giúp đỡ',
    'Công an: 113',
    '34 em, 18 nữ',
    'Ngày 2026-03-15, 09:30',
    'Lớp 8A và 9B',
    '',
    'Ngày 05.01.2026 lúc 0 giờ',
    'mã 0123456789012345',
  ])('finds none in %j', (text) => {
    expect(looksLikePhoneNumber(text)).toBe(false);
  });

  it('masks each number for logs made before numbers were refused, and keeps the rest', () => {
    expect(maskPhoneNumbers('Gọi SĐT0912345678 hoặc (091) 234 5678, đường dây 111')).toBe(
      'Gọi SĐT[…] hoặc […], đường dây 111',
    );
  });
});
