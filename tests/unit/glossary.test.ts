/** The glossary (src/content/glossary.ts): which terms a text contains, and how exports carry them. */
import { describe, expect, it } from 'vitest';
import { glossaryLine, glossaryMatches, glossaryTerms } from '../../src/content/glossary.ts';
import ExcelJS from 'exceljs';
import { readDataset } from '../../src/content/sources/embedded.ts';
import { exportUnits, writeUnits } from '../../src/content/translations/roundTrip.ts';
import { segmentText } from '../../src/content/translations/segments.ts';
import { translatedLocalePaths } from '../../src/i18n/locales.ts';
import { contentCounts, localizedTextFields } from '../../src/i18n/status.ts';
import { glossaryHints, sourceText } from '../../studio/translation/sourceBeside.ts';

const trafficking = {
  _id: 'g1',
  _type: 'glossaryTerm',
  term: { _type: 'localeString', vi: 'mua bán người', hmong: 'kev muag neeg' },
  note: 'not "muag khoom" (selling goods)',
};
const hotline = { _id: 'g2', _type: 'glossaryTerm', term: { _type: 'localeString', vi: '111' } };
const broker = {
  _id: 'g3',
  _type: 'glossaryTerm',
  term: { _type: 'localeString', vi: 'Môi giới', hmong: 'tus neeg nrhiav' },
};

describe('the glossary', () => {
  it('finds a term as a whole word, in any case, and not inside another word or number', () => {
    const terms = glossaryTerms([trafficking, hotline, broker, { _id: 'x', _type: 'topic' }]);
    expect(terms).toHaveLength(3);
    expect(
      glossaryMatches('Gọi 111 nếu nghi MUA BÁN NGƯỜI; đừng tin môi giới.', terms).map((t) => t.term['vi']),
    ).toEqual(['mua bán người', '111', 'Môi giới']);
    expect(glossaryMatches('Gọi 1111 hoặc 0111.', terms)).toEqual([]);
    expect(glossaryMatches('người môi giới: việc làm', terms).map((t) => t.term['vi'])).toEqual(['Môi giới']);
  });

  it('tells the translator the agreed word, or that there is none yet, with the note', () => {
    const terms = glossaryTerms([trafficking, hotline]);
    expect(glossaryLine(terms, 'hmong')).toBe(
      'Glossary: "mua bán người" = "kev muag neeg" (not "muag khoom" (selling goods)); "111" = (not yet agreed)',
    );
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

const sample = readDataset('studio/dataset/data.ndjson');
const sampleGlossary = glossaryTerms(sample);
const content = sample.filter((doc) => doc['_type'] !== 'glossaryTerm');

/** Whether `term` is in `text` as a whole word, any case: written here apart from glossaryMatches. */
const holds = (text: string, term: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu').test(
    text.normalize('NFC'),
  );

describe('the sample glossary (studio/dataset)', () => {
  it('says how to say trafficking, broker and 111, with a note, the minority-language words marked as drafts', () => {
    expect(sampleGlossary.map(({ term }) => term['vi'])).toEqual(['mua bán người', 'môi giới', '111']);
    for (const { term, note } of sampleGlossary) {
      expect(term['en'], term['vi']).toBeTruthy();
      expect(note, term['vi']).toBeTruthy();
    }
    const [trafficking, broker] = sampleGlossary;
    expect(Object.keys(trafficking!.term).sort()).toEqual(['_type', 'dao', 'en', 'hmong', 'thai', 'vi']);
    expect(trafficking!.term['thai']).toMatch(/^[\uAA80-\uAADF ]+$/);
    for (const term of [trafficking!, broker!])
      expect(term.note).toMatch(/drafts?\b.*not yet confirmed by a native speaker/);
  });

  it('is shown beside every translated field whose Vietnamese holds a term, in every language', () => {
    let shown = 0;
    for (const document of content) {
      for (const field of localizedTextFields(document)) {
        const source = sourceText(field);
        for (const { term } of sampleGlossary.filter(({ term }) => holds(source, term['vi']!))) {
          shown += 1;
          for (const lang of translatedLocalePaths) {
            const hint = glossaryHints(source, sampleGlossary, lang).find((found) => found.source === term['vi']);
            expect(hint, `${String(document['_id'])} ${term['vi'] ?? ''} ${lang}`).toEqual({
              source: term['vi'],
              target: term[lang],
              note: expect.any(String),
            });
          }
        }
      }
    }
    expect(shown).toBeGreaterThan(20);
  });

  it('is carried in every export format of a pack that uses the terms', async () => {
    const units = exportUnits(sample, 'hmong', 'marriage-brokers');
    const withBroker = units.filter((unit) => holds(segmentText(unit.source), 'môi giới'));
    expect(withBroker.length).toBeGreaterThan(0);
    const line = '"môi giới" = "neeg nruab nrab"';
    for (const unit of withBroker) expect(unit.context).toContain(line);
    const notes = [...String(await writeUnits(units, 'hmong', 'xliff')).matchAll(/<note>([^<]*)<\/note>/g)].map(
      (match) => match[1]!.replaceAll('&quot;', '"'),
    );
    expect(notes.filter((note) => note.includes(line))).toHaveLength(withBroker.length);
    expect(await writeUnits(units, 'hmong', 'csv')).toContain(line.replaceAll('"', '""'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeUnits(units, 'hmong', 'xlsx')) as never);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
    expect(cells.some((cell) => cell.includes(line))).toBe(true);
  });

  it('is the translators’ reference, not content: left out of the status counts and of a whole-language export', () => {
    for (const lang of translatedLocalePaths) expect(contentCounts(sample, lang)).toEqual(contentCounts(content, lang));
    expect(exportUnits(sample, 'dao').filter((unit) => unit.documentId.startsWith('glossaryTerm'))).toEqual([]);
  });
});
