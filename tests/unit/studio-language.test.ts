/** What a translator sees: the language filter's choice of fields, and the links to the site. */
import { describe, expect, it } from 'vitest';
import { languageFilterConfig, showField } from '../../studio/languageFilter.ts';
import { sitePreviewUrls } from '../../studio/preview/sitePreviewUrls.ts';

describe('language filter', () => {
  it('shows Vietnamese beside the one language picked, in text fields and the translation status', () => {
    const picked = ['vi', 'hmong'];
    for (const type of ['localeString', 'localeText', 'localeBlockContent', 'localeAudio']) {
      expect(showField({ name: type }, { name: 'vi' }, picked), type).toBe(true);
      expect(showField({ name: type }, { name: 'hmong' }, picked), type).toBe(true);
      expect(showField({ name: type }, { name: 'dao' }, picked), type).toBe(false);
    }
    expect(showField({ name: 'translations' }, { name: 'hmong' }, picked)).toBe(true);
    expect(showField({ name: 'translations' }, { name: 'thai' }, picked)).toBe(false);
  });

  it('leaves fields that are not languages alone', () => {
    expect(showField({ name: 'material' }, { name: 'slides' }, ['vi'])).toBe(true);
    expect(showField({ name: 'slide' }, { name: 'teacherNotes' }, ['vi'])).toBe(true);
  });

  it('offers every language of the locale table, with Vietnamese fixed on', () => {
    const config = languageFilterConfig(['material']);
    expect(config.supportedLanguages).toEqual([
      { id: 'vi', title: 'Tiếng Việt' },
      { id: 'hmong', title: 'Tiếng Mông · Hmoob' },
      { id: 'dao', title: 'Tiếng Dao · Iu Mienh' },
      { id: 'thai', title: 'Tiếng Thái · ꪼꪕꪒꪾ' },
      { id: 'en', title: 'Tiếng Anh · English' },
    ]);
    expect(config.defaultLanguages).toEqual(['vi']);
    expect(config.documentTypes).toEqual(['material']);
  });
});

describe('links from a lesson pack to the site', () => {
  it('gives the pack’s page in every language on the configured site', () => {
    expect(sitePreviewUrls('https://outreach.example.org', 'viec-lam-gia').map(({ url }) => url)).toEqual([
      'https://outreach.example.org/vi/materials/viec-lam-gia/',
      'https://outreach.example.org/hmong/materials/viec-lam-gia/',
      'https://outreach.example.org/dao/materials/viec-lam-gia/',
      'https://outreach.example.org/thai/materials/viec-lam-gia/',
      'https://outreach.example.org/en/materials/viec-lam-gia/',
    ]);
  });

  it('gives no links before the pack has a slug', () => {
    expect(sitePreviewUrls('http://localhost:4321', undefined)).toEqual([]);
  });
});
