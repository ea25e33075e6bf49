/**
 * `content:check` is the one dataset checker: it also catches what only a hand-written or
 * generated file gets wrong and Sanity's validator does not look at (formerly a second, untyped
 * checker, studio/dataset/source/check.mjs, now removed).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../studio/check/checkDataset.ts';
import { shapeProblems } from '../../studio/check/shape.ts';
import type { ExportDocument } from '../../studio/check/readExport.ts';

const block = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }],
});

const good = (): ExportDocument => ({
  _id: 'material-x',
  _type: 'material',
  title: { _type: 'localeString', vi: 'Việc làm giả', thai: 'ꪹꪖꪷꪉ 111' },
  slides: [
    {
      _type: 'slide',
      _key: 's1',
      heading: { _type: 'localeString', vi: 'Một' },
      body: { _type: 'localeBlockContent', vi: [block('b1', 'Gọi 111')] },
    },
    { _type: 'slide', _key: 's2', heading: { _type: 'localeString', vi: 'Hai' } },
  ],
  keyMessages: [{ _key: 'k1', _type: 'localeString', vi: 'Gọi 111' }],
});

const where = (document: ExportDocument) =>
  shapeProblems(document).map(({ field, level, message }) => `${level} ${field}: ${message}`);

describe('the shape of an export file', () => {
  it('passes a well-formed document, keyed localized array members included', () => {
    expect(where(good())).toEqual([]);
  });

  it('needs a _key on every member of a list, each its own', () => {
    const document = good();
    const slides = document['slides'] as Record<string, unknown>[];
    delete slides[1]!['_key'];
    (document['keyMessages'] as unknown[]).push({ _key: 'k1', _type: 'localeString', vi: 'Lần nữa' });
    expect(where(document)).toEqual([
      'error slides[1]: an array member needs a "_key" (the Studio cannot edit it without one).',
      'error keyMessages[1]: "_key" "k1" is used twice in this list; each member needs its own.',
    ]);
  });

  it('refuses a key that is no language of the locale table, and Portable Text that is not blocks', () => {
    const document = good();
    (document['title'] as Record<string, unknown>)['fr'] = 'Faux travail';
    ((document['slides'] as Record<string, unknown>[])[0]!['body'] as Record<string, unknown>)['en'] = 'Call 111';
    expect(where(document)).toEqual([
      'error title: "fr" is not a language of the site (src/i18n/locales.ts): remove it or add the language there.',
      'error slides[0].body: English: not Portable Text (a list of blocks with children and markDefs).',
    ]);
  });

  it('refuses Tai Dam written in Latin letters or in the Thai script of Thailand', () => {
    const latin = good();
    (latin['title'] as Record<string, unknown>)['thai'] = 'Viec lam gia';
    expect(where(latin)).toEqual([expect.stringMatching(/^error title: Tai Dam.*has no Tai Viet letters/)]);
    const thai = good();
    (thai['title'] as Record<string, unknown>)['thai'] = 'งานปลอม';
    expect(where(thai)).toEqual([expect.stringMatching(/^error title: Tai Dam.*Thai script of Thailand/)]);
  });

  it('warns when a language waits for review with texts still missing', () => {
    const document = { ...good(), translations: { hmong: { _type: 'translationStatus', status: 'needsReview' } } };
    expect(where(document)).toEqual([
      'warning translations.hmong.status: Hmong (Mông) waits for review but misses 5 text(s), e.g. title, slides[0].heading, slides[0].body: translate them first.',
    ]);
  });

  it('is part of content:check, by document id and field', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'shape-'));
    try {
      const lines = readFileSync('tests/fixtures/dataset/data.ndjson', 'utf8').split('\n').filter(Boolean);
      const documents = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const pack = documents.find((document) => document['_id'] === 'material-fixture-school-pack')!;
      (pack['title'] as Record<string, unknown>)['fr'] = 'Faux';
      writeFileSync(
        join(folder, 'data.ndjson'),
        documents
          .filter((document) => !JSON.stringify(document).includes('@file://'))
          .concat(pack)
          .map((document) => JSON.stringify(document))
          .join('\n'),
      );
      const { problems } = await checkDataset(folder);
      expect(
        problems
          .filter((problem) => problem.message.includes('"fr"'))
          .map(({ id, field, level }) => `${level} ${id} ${field}`),
      ).toEqual(['error material-fixture-school-pack title']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
