import { describe, expect, it } from 'vitest';
import { createSessionLogSchema, describeProblems, looksLikePhoneNumber, type SessionLog } from '../../src/sessions/schema.ts';
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
    ['a negative count', (log: SessionLog) => void (log.attendance.bySex.male = -1), 'attendance.bySex.male', 'too_small'],
    ['a fractional count', (log: SessionLog) => void (log.attendance.byAge.age12to15 = 29.5), 'attendance.byAge.age12to15', 'invalid_type'],
    ['a count over 2,000', (log: SessionLog) => void (log.followUps.police = 2001), 'followUps.police', 'too_big'],
    ['a count given as text', (log: SessionLog) => void ((log.attendance as { total: unknown }).total = '34'), 'attendance.total', 'invalid_type'],
    ['a breakdown by sex that does not add up', (log: SessionLog) => void (log.attendance.bySex.female = 17), 'attendance.bySex', 'sumMismatch'],
    ['a breakdown by ethnic group that does not add up', (log: SessionLog) => void (log.attendance.byEthnicity.thai = 4), 'attendance.byEthnicity', 'sumMismatch'],
    ['an unknown field', (log: SessionLog) => void ((log as Record<string, unknown>)['participantNames'] = ['Mai']), '(log)', 'unrecognized_keys'],
    ['an unknown field inside a breakdown', (log: SessionLog) => void ((log.attendance.bySex as Record<string, number>)['other'] = 0), 'attendance.bySex', 'unrecognized_keys'],
    ['an unknown commune', (log: SessionLog) => void (log.place.communeId = 'xa-khong-co'), 'place.communeId', 'unknownCommune'],
    ['a missing field', (log: SessionLog) => void delete (log as Partial<SessionLog>).setting, 'setting', 'invalid_value'],
    ['a missing breakdown', (log: SessionLog) => void delete (log.attendance as Partial<SessionLog['attendance']>).byAge, 'attendance.byAge', 'invalid_type'],
    ['more right answers than answers', (log: SessionLog) => void (log.quiz!.post!.correct[1] = 32), 'quiz.post.correct.1', 'moreRightThanAnswered'],
    ['more quiz answers than people', (log: SessionLog) => void (log.quiz!.pre!.answered = 35), 'quiz.pre.answered', 'moreThanAttended'],
    ['more follow-ups than people', (log: SessionLog) => void (log.followUps.hotline111 = 34), 'followUps', 'moreThanAttended'],
    ['a client id that is no UUID', (log: SessionLog) => void (log.clientId = 'log-1'), 'clientId', 'invalid_format'],
    ['a start time that is no time', (log: SessionLog) => void (log.startTime = '25:00'), 'startTime', 'time'],
    ['an empty venue', (log: SessionLog) => void (log.place.venue = '   '), 'place.venue', 'too_small'],
  ])('rejects %s, naming the field', (_name, change, path, rule) => {
    expect(problems(withChange(change))).toContainEqual({ path, rule });
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
  it.each(['Gọi 0912 345 678', 'số 0912.345.678', 'Zalo +84 912 345 678', '0912345678', '+84912345678'])('finds a phone number in %j', (text) => {
    expect(looksLikePhoneNumber(text)).toBe(true);
  });

  it.each(['Gọi 111 khi cần giúp đỡ', 'Công an: 113', '34 em, 18 nữ', 'Ngày 2026-03-15, 09:30', 'Lớp 8A và 9B', ''])('finds none in %j', (text) => {
    expect(looksLikePhoneNumber(text)).toBe(false);
  });
});
