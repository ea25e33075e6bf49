/** The glossary (src/content/glossary.ts): which terms a text contains, and how exports carry them. */
import { describe, expect, it } from 'vitest';
import { glossaryLine, glossaryMatches, glossaryTerms } from '../../src/content/glossary.ts';
import { exportUnits } from '../../src/content/translations/roundTrip.ts';

const trafficking = { _id: 'g1', _type: 'glossaryTerm', term: { _type: 'localeString', vi: 'mua bán người', hmong: 'kev muag neeg' }, note: 'not "muag khoom" (selling goods)' };
const hotline = { _id: 'g2', _type: 'glossaryTerm', term: { _type: 'localeString', vi: '111' } };
const broker = { _id: 'g3', _type: 'glossaryTerm', term: { _type: 'localeString', vi: 'Môi giới', hmong: 'tus neeg nrhiav' } };

describe('the glossary', () => {
  it('finds a term as a whole word, in any case, and not inside another word or number', () => {
    const terms = glossaryTerms([trafficking, hotline, broker, { _id: 'x', _type: 'topic' }]);
    expect(terms).toHaveLength(3);
    expect(glossaryMatches('Gọi 111 nếu nghi MUA BÁN NGƯỜI; đừng tin môi giới.', terms).map((t) => t.term['vi'])).toEqual(['mua bán người', '111', 'Môi giới']);
    expect(glossaryMatches('Gọi 1111 hoặc 0111.', terms)).toEqual([]);
    expect(glossaryMatches('người môi giới: việc làm', terms).map((t) => t.term['vi'])).toEqual(['Môi giới']);
  });

  it('tells the translator the agreed word, or that there is none yet, with the note', () => {
    const terms = glossaryTerms([trafficking, hotline]);
    expect(glossaryLine(terms, 'hmong')).toBe('Glossary: "mua bán người" = "kev muag neeg" (not "muag khoom" (selling goods)); "111" = (not yet agreed)');
    expect(glossaryLine([], 'hmong')).toBe('');
  });

  it('is carried in the exports: each unit whose Vietnamese holds a term says so in its context', () => {
    const pack = {
      _id: 'material-g',
      _type: 'material',
      slug: { current: 'g' },
      title: { _type: 'localeString', vi: 'Phòng chống mua bán người' },
      summary: { _type: 'localeText', vi: 'Bài học ngắn.' },
    };
    const units = exportUnits([pack, trafficking, hotline], 'hmong', 'g');
    expect(units.map((unit) => unit.field)).toEqual(['title', 'summary']);
    expect(units[0]!.context).toContain('Glossary: "mua bán người" = "kev muag neeg"');
    expect(units[1]!.context).not.toContain('Glossary');
  });
});
