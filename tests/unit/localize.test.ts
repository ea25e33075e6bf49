import { describe, expect, it } from 'vitest';
import { createPicker, pick, publishedLanguages } from '../../src/content/localize.ts';

const greeting = { _type: 'localeString', vi: 'Xin chào', hmong: 'Nyob zoo', en: 'Hello' };

describe('the fallback rule', () => {
  it('falls back to Vietnamese when the Hmong text is unreviewed, and says so', () => {
    const published = publishedLanguages({ hmong: { status: 'needsReview' } });
    expect(pick(greeting, 'hmong', published)).toEqual({ value: 'Xin chào', lang: 'vi' });
  });

  it('shows the Hmong text once it is reviewed', () => {
    const published = publishedLanguages({ hmong: { status: 'reviewed' } });
    expect(pick(greeting, 'hmong', published)).toEqual({ value: 'Nyob zoo', lang: 'hmong' });
  });

  it('falls back when a reviewed language lacks the text or has only blanks', () => {
    const published = publishedLanguages({ dao: { status: 'reviewed' }, thai: { status: 'reviewed' } });
    expect(pick(greeting, 'dao', published)).toEqual({ value: 'Xin chào', lang: 'vi' });
    expect(pick({ vi: 'Xin chào', thai: '   ' }, 'thai', published)).toEqual({ value: 'Xin chào', lang: 'vi' });
  });

  it('never publishes draft or needs-review text, whatever the language', () => {
    for (const status of ['missing', 'draft', 'needsReview']) {
      expect(pick(greeting, 'en', publishedLanguages({ en: { status } }))?.lang).toBe('vi');
    }
  });

  it('returns nothing when no language in the chain has the text', () => {
    expect(pick({ en: 'Only English' }, 'hmong', publishedLanguages({ en: { status: 'reviewed' } }))).toBeUndefined();
  });

  it('remembers whether any text of a document fell back', () => {
    const picker = createPicker('hmong', { hmong: { status: 'reviewed' } });
    picker.text(greeting);
    expect(picker.fellBack()).toBe(false);
    picker.media({ vi: { _type: 'file', url: '/media/files/a.mp3' } });
    expect(picker.fellBack()).toBe(false);
    picker.text({ vi: 'Chỉ tiếng Việt' });
    expect(picker.fellBack()).toBe(true);
  });
});
