/**
 * Log schema versions: a stored log of each earlier version is upgraded and accepted, an unknown
 * version is refused clearly, a resend of an old log stored before is a duplicate, and the raw
 * CSV's columns never shift.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLog, sameStoredLog, upgradeLog, upgrades } from '../../src/sessions/log-versions.ts';
import { createSessionLogSchema, currentSchemaVersion } from '../../src/sessions/schema.ts';
import { canonicalJson } from '../../src/sessions/store.ts';
import { logColumns } from '../../src/reports/exports.ts';
import { validLog } from '../fixtures/session-logs.ts';

// The fixtures' sessions took place in March 2026.
const schema = createSessionLogSchema(() => new Date('2026-03-15T03:00:00Z'));
/** A log as a phone of that version stored it (tests/fixtures/logs/v<N>.json). */
const storedOfVersion = (version: number) =>
  JSON.parse(readFileSync(`tests/fixtures/logs/v${version}.json`, 'utf8')) as Record<string, unknown>;
const earlier = Array.from({ length: currentSchemaVersion - 1 }, (_, index) => index + 1);

describe('log schema versions', () => {
  it('has one upgrade function for each earlier version, each with the date it was issued', () => {
    expect(Object.keys(upgrades).map(Number).sort()).toEqual(earlier);
    for (const version of earlier) expect(upgrades[version]!.issued).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each(earlier)('accepts a stored log of version %i, upgraded to the current shape', (version) => {
    const parsed = parseLog(storedOfVersion(version), schema);
    expect(parsed).toMatchObject({ success: true, data: { schemaVersion: currentSchemaVersion } });
  });

  it('upgrades version 1 by masking the phone numbers its free texts kept, and nothing else', () => {
    const v1 = storedOfVersion(1);
    const upgraded = upgrades[1]!.upgrade(v1);
    expect(upgraded).toEqual({
      ...v1,
      schemaVersion: 2,
      notes: 'Cô giáo nhờ gọi lại SĐT[…] về lớp sau.',
      place: { communeId: 'xa-y-ty', venue: 'Trường THCS Y Tý, ĐT […]' },
    });
  });

  it('takes a current log as it is', () => {
    const log = validLog(new Date('2026-03-15T03:00:00Z'));
    expect(parseLog(log, schema)).toEqual({ success: true, data: log });
  });

  it.each([[currentSchemaVersion + 1], [0], ['2'], [null], [1.5]])('refuses version %j clearly', (version) => {
    const result = parseLog({ ...validLog(), schemaVersion: version });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.problems).toEqual([
      {
        path: 'schemaVersion',
        rule: 'unknownVersion',
        message: expect.stringContaining(`knows log versions 1 to ${currentSchemaVersion}`),
      },
    ]);
  });

  it('leaves what is not an object for the schema to refuse', () => {
    for (const body of [null, 42, 'log', []]) expect(upgradeLog(body)).toEqual({ log: body });
  });

  it('sees a version-1 log stored before and its upgraded resend as the same log', () => {
    const v1 = storedOfVersion(1);
    const parsed = parseLog(v1, schema);
    if (!parsed.success) throw new Error('not accepted');
    expect(sameStoredLog(canonicalJson(v1), canonicalJson(parsed.data))).toBe(true);
    expect(sameStoredLog(canonicalJson(v1), canonicalJson({ ...parsed.data, durationMinutes: 45 }))).toBe(false);
  });
});

describe('the raw CSV', () => {
  it('keeps its columns in place: a new one only ever goes at the end', () => {
    // Each count under its figure's one name (figures.ts), the store's column: same places as before.
    expect(logColumns.join(',')).toBe(
      'client_id,date,start_time,duration_minutes,commune_id,venue,setting,audience,languages,materials,facilitators,total,' +
        'sex_female,sex_male,sex_not_stated,age_under_12,age_12_15,age_16_17,age_18_24,age_25_plus,' +
        'ethnicity_hmong,ethnicity_dao,ethnicity_thai,ethnicity_kinh,ethnicity_other,ethnicity_not_stated,' +
        'quiz_pre_answered,quiz_pre_correct,quiz_post_answered,quiz_post_correct,' +
        'referred_hotline_111,referred_social_work_centre,referred_police,notes,received_at,team_id,device_id,schema_version',
    );
  });
});
