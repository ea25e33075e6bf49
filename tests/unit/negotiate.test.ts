import { describe, expect, it } from 'vitest';
import { chooseLanguage, fromAcceptLanguage } from '../../src/i18n/negotiate.ts';
import { switchLanguage } from '../../src/i18n/paths.ts';

describe('choosing the language at /', () => {
  it('prefers the saved choice over the browser', () => {
    expect(chooseLanguage('dao', 'en-US,en;q=0.9')).toBe('dao');
  });

  it('ignores a saved choice that is not a language of the site', () => {
    expect(chooseLanguage('th', 'en')).toBe('en');
  });

  it('takes the best Accept-Language match by quality', () => {
    expect(fromAcceptLanguage('fr;q=0.9, en;q=0.5, vi;q=0.8')).toBe('vi');
    expect(fromAcceptLanguage('en-US,en;q=0.8')).toBe('en');
    expect(fromAcceptLanguage('hmn')).toBe('hmong');
    expect(fromAcceptLanguage('blt-Tavt-VN')).toBe('thai');
  });

  it('never maps Thai of Thailand to Tai Dam', () => {
    expect(fromAcceptLanguage('th-TH,th;q=0.9')).toBeUndefined();
    expect(chooseLanguage(undefined, 'th-TH')).toBe('vi');
  });

  it('falls back to Vietnamese for garbage or no header', () => {
    expect(chooseLanguage(undefined, null)).toBe('vi');
    expect(chooseLanguage(undefined, ';;;q=abc,*')).toBe('vi');
  });
});

describe('the language switcher links', () => {
  it('keeps the current page', () => {
    expect(switchLanguage('/hmong/materials/fake-jobs/', 'thai')).toBe('/thai/materials/fake-jobs/');
    expect(switchLanguage('/vi/', 'en')).toBe('/en/');
  });

  it('sends an unknown path to the language home', () => {
    expect(switchLanguage('/xx/whatever/', 'dao')).toBe('/dao/');
  });
});
