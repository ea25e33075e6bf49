import { describe, expect, it } from 'vitest';
import { materialSchema } from '../../src/content/documents.ts';
import { toMaterialEntry } from '../../src/content/entries.ts';
import { loadEntries } from '../../src/content/loader.ts';
import { fittingTimings, markSentences, sentenceMark, slideSentences } from '../../src/content/narration.ts';
import { materialsQuery } from '../../src/content/queries.ts';
import { createEmbeddedSource } from '../../src/content/sources/embedded.ts';

const materials = {
  query: materialsQuery,
  schema: materialSchema,
  id: (doc: { slug: string }) => doc.slug,
  toEntry: toMaterialEntry,
};

const block = (...texts: (string | [string, string[]])[]) => ({
  _type: 'block',
  style: 'normal',
  markDefs: [],
  children: texts.map((text, i) =>
    typeof text === 'string'
      ? { _type: 'span', _key: `k${i}`, text, marks: [] }
      : { _type: 'span', _key: `k${i}`, text: text[0], marks: text[1] },
  ),
});

interface Slide {
  audio?: { lang: string; sentences?: { start: number; end: number }[] };
}

describe('narration by sentence', () => {
  it('reads the heading, then each paragraph, sentence by sentence', () => {
    expect(slideSentences('Gọi 111', [block('Miễn phí. Cả ngày.'), block('Đừng đi một mình')])).toEqual([
      'Gọi 111',
      'Miễn phí.',
      'Cả ngày.',
      'Đừng đi một mình',
    ]);
  });

  it('uses timings only when there is one per sentence, inside the clip, in order and not overlapping', () => {
    const two = [
      { start: 0, end: 1.5 },
      { start: 1.5, end: 3 },
    ];
    expect(fittingTimings(two, 2)).toEqual(two);
    expect(fittingTimings(two, 3)).toBeUndefined();
    expect(
      fittingTimings(
        [
          { start: 0, end: 1.5 },
          { start: 2, end: 2 },
        ],
        2,
      ),
    ).toBeUndefined();
    expect(
      fittingTimings(
        [
          { start: 2, end: 3 },
          { start: 0, end: 1 },
        ],
        2,
      ),
    ).toBeUndefined();
    // A typo (11.5 for 1.15) makes sentence 1 run over sentence 2: sentence 1 would stay lit.
    expect(
      fittingTimings(
        [
          { start: 0, end: 11.5 },
          { start: 1.2, end: 3 },
        ],
        2,
      ),
    ).toBeUndefined();
    expect(fittingTimings([{ start: -1, end: 1 }], 1)).toBeUndefined();
    expect(fittingTimings([{ start: 0, end: null }], 1)).toBeUndefined();
    expect(fittingTimings(undefined, 1)).toBeUndefined();
  });

  it('marks every piece of body text with its sentence, cutting spans where sentences meet', () => {
    const { headingRanges, blocks, count } = markSentences('Gọi 111', [
      block('Miễn phí. ', ['Cả ngày', ['strong']], '. Gọi ngay.'),
    ]);
    expect(headingRanges).toEqual([{ start: 0, end: 7 }]);
    expect(count).toBe(4);
    const pieces = (blocks[0]!.children as { text: string; marks: string[] }[]).map(({ text, marks }) => [text, marks]);
    expect(pieces).toEqual([
      ['Miễn phí.', [sentenceMark(1)]],
      [' ', []],
      ['Cả ngày', ['strong', sentenceMark(2)]],
      ['.', [sentenceMark(2)]],
      [' ', []],
      ['Gọi ngay.', [sentenceMark(3)]],
    ]);
  });

  it('gives every Vietnamese and English slide of the sample its sentence timings, and none to a fallback', async () => {
    const entries = await loadEntries(createEmbeddedSource('studio/dataset'), materials);
    for (const lang of ['vi', 'en']) {
      const slides = entries.find((entry) => entry.id === `${lang}/fake-jobs-across-the-border`)!.data[
        'slides'
      ] as Slide[];
      expect(slides.length).toBeGreaterThan(0);
      for (const slide of slides) expect(slide.audio).toMatchObject({ lang, sentences: expect.any(Array) });
    }
    // Hmong is unreviewed: the page shows Vietnamese text and Vietnamese narration, which match.
    const hmong = entries.find((entry) => entry.id === 'hmong/fake-jobs-across-the-border')!.data['slides'] as Slide[];
    expect(hmong.every((slide) => slide.audio?.lang === 'vi' && slide.audio.sentences)).toBe(true);
  });
});

describe('narration coverage (npm run i18n:status)', async () => {
  const { narrationCoverage } = await import('../../src/content/narrationCoverage.ts');
  const { readFileSync } = await import('node:fs');
  const span = (text: string) => ({ _type: 'block', children: [{ _type: 'span', text }] });
  const pack = (audio: Record<string, unknown>) => ({
    _type: 'material',
    slides: [
      {
        heading: { vi: 'Gọi 111', en: 'Call 111' },
        body: { vi: [span('Miễn phí. Cả ngày.')], en: [span('Free. All day.')] },
        audio,
      },
      { heading: { vi: 'Hết', en: 'The end' } },
    ],
  });

  it('counts slides with a clip and the sentences whose timings fit the text', () => {
    const timed = {
      _sanityAsset: 'file@file://./files/a.mp3',
      sentences: [
        { start: 0, end: 1 },
        { start: 1, end: 2 },
        { start: 2, end: 3 },
      ],
    };
    const stale = { asset: { _ref: 'file-b' }, sentences: [{ start: 0, end: 1 }] };
    expect(narrationCoverage([pack({ vi: timed, en: stale })], 'vi')).toEqual({
      slides: { done: 1, total: 2 },
      sentences: { done: 3, total: 4 },
    });
    expect(narrationCoverage([pack({ vi: timed, en: stale })], 'en')).toEqual({
      slides: { done: 1, total: 2 },
      sentences: { done: 0, total: 4 },
    });
    expect(narrationCoverage([pack({}), { _type: 'topic' }, null], 'hmong')).toEqual({
      slides: { done: 0, total: 2 },
      sentences: { done: 0, total: 0 },
    });
  });

  it('finds the sample pack narrated and timed in Vietnamese and English, every sentence', () => {
    const documents = readFileSync('studio/dataset/data.ndjson', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const narrated = documents.filter((document) => document['_id'] === 'material-fake-jobs-across-the-border');
    for (const lang of ['vi', 'en']) {
      const { slides, sentences } = narrationCoverage(narrated, lang);
      expect(slides.done).toBe(slides.total);
      expect(sentences.done).toBe(sentences.total);
    }
  });
});
