import { describe, expect, it } from 'vitest';
import { getLocale, localePaths, locales, lookupOrder, sourceLocale } from '../../src/i18n/locales.ts';

describe('the locale table', () => {
  it('has exactly the five languages of DESIGN.md with their paths and tags', () => {
    expect(locales.map((locale) => [locale.path, locale.tag])).toEqual([
      ['vi', 'vi'],
      ['hmong', 'hmn-Latn-VN'],
      ['dao', 'ium-Latn-VN'],
      ['thai', 'blt-Tavt-VN'],
      ['en', 'en'],
    ]);
  });

  it('has unique paths, tags and endonyms', () => {
    for (const key of ['path', 'tag', 'endonym'] as const) {
      expect(new Set(locales.map((locale) => locale[key])).size).toBe(locales.length);
    }
  });

  it('uses tags that are valid BCP 47 and never Thai of Thailand or unrelated Yao codes', () => {
    for (const locale of locales) {
      expect(Intl.getCanonicalLocales(locale.tag)).toEqual([locale.tag]);
      expect(locale.tag.split('-')[0]).not.toMatch(/^(th|yao|daz|hnj|mww)$/);
    }
  });

  it('formats with a locale Intl really supports, never the tag itself for minority languages', () => {
    for (const locale of locales) {
      expect(Intl.DateTimeFormat.supportedLocalesOf([locale.formatLocale])).toEqual([locale.formatLocale]);
    }
    for (const path of ['hmong', 'dao', 'thai'] as const) expect(getLocale(path).formatLocale).toBe('vi-VN');
  });

  it('ends every fallback chain in the source language, without cycles', () => {
    for (const path of localePaths) {
      const order = lookupOrder(path);
      expect(order[0]).toBe(path);
      expect(order.at(-1)).toBe(sourceLocale);
      expect(new Set(order).size).toBe(order.length);
    }
  });

  it('marks the Tai Dam row as Tai Viet script with its own font and endonym in Tai Viet letters', () => {
    const thai = getLocale('thai');
    expect(thai.script).toBe('Tavt');
    expect(thai.font).toBe('tai-viet');
    expect(
      Array.from(thai.endonym).every((char) => char.codePointAt(0)! >= 0xaa80 && char.codePointAt(0)! <= 0xaadf),
    ).toBe(true);
  });
});
