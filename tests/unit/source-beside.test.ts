/** The Vietnamese source shown beside each translated field in the Studio (studio/translation/). */
import { describe, expect, it } from 'vitest';
import { localePaths, translatedLocalePaths } from '../../src/i18n/locales.ts';
import { showsSourceBeside, sourceText, translationInputFor } from '../../studio/translation/sourceBeside.ts';

describe('source beside target', () => {
  it('puts the Vietnamese beside every translated language of a text field, not beside Vietnamese or audio', () => {
    for (const type of ['localeString', 'localeText', 'localeBlockContent']) {
      expect(localePaths.filter((lang) => showsSourceBeside(type, lang))).toEqual(translatedLocalePaths);
    }
    expect(showsSourceBeside('localeAudio', 'hmong')).toBe(false);
    expect(showsSourceBeside('translations', 'hmong')).toBe(false);
  });

  it('shows a string as it is and Portable Text one paragraph per line, without empty paragraphs', () => {
    expect(sourceText({ _type: 'localeText', vi: 'Dòng một\nDòng hai', hmong: 'x' })).toBe('Dòng một\nDòng hai');
    const blocks = [
      { _type: 'block', children: [{ text: 'Gọi ' }, { text: '111', marks: ['strong'] }] },
      { _type: 'block', children: [{ text: ' ' }] },
      { _type: 'block', children: [{ text: 'Miễn phí.' }] },
    ];
    expect(sourceText({ vi: blocks })).toBe('Gọi 111\nMiễn phí.');
    expect(sourceText({ hmong: 'Nyob zoo' })).toBe('');
    expect(sourceText(undefined)).toBe('');
  });

  it('is the input of the localized text types and the translation status, and leaves other types to Sanity', () => {
    const types = ['localeString', 'localeText', 'localeBlockContent', 'translationStatus', 'string', 'localeAudio'];
    expect(types.map(translationInputFor)).toEqual([
      'sourceBeside',
      'sourceBeside',
      'sourceBeside',
      'status',
      undefined,
      undefined,
    ]);
  });
});
