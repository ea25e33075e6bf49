import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from '../../src/i18n/ui.ts';

describe('dates and numbers', () => {
  it('formats minority languages with the Vietnamese formatting locale, not the device locale', () => {
    const vietnamese = formatDate('vi', '2026-05-02');
    expect(vietnamese).toMatch(/tháng 5/);
    for (const lang of ['hmong', 'dao', 'thai'] as const) expect(formatDate(lang, '2026-05-02')).toBe(vietnamese);
  });

  it('never gives a Buddhist-era year for Tai Dam', () => {
    expect(formatDate('thai', '2026-05-02')).toContain('2026');
    expect(formatDate('thai', '2026-05-02')).not.toContain('2569');
  });

  it('formats the date in Lao Cai time, whatever the server time zone', () => {
    expect(formatDate('en', new Date('2026-05-01T20:00:00Z'))).toBe('2 May 2026');
  });

  it('groups thousands the Vietnamese way in minority languages', () => {
    expect(formatNumber('hmong', 12345)).toBe(formatNumber('vi', 12345));
    expect(formatNumber('vi', 12345)).toBe('12.345');
    expect(formatNumber('en', 12345)).toBe('12,345');
  });
});
