/**
 * The desk's lists, run as the Studio runs them: their GROQ filters (src/content/queries.ts) go
 * through groq-js over the test fixture, whose translation states are set out in its README.
 */
import { evaluate, parse } from 'groq-js';
import { describe, expect, it } from 'vitest';
import { deskFilters, translationListFilter } from '../../src/content/queries.ts';
import { readDataset } from '../../src/content/sources/embedded.ts';
import { translationStatusValues } from '../../src/content/translation.ts';
import { translatedLocalePaths } from '../../src/i18n/locales.ts';
import { localizedDocumentTypes } from '../../studio/schemaTypes/index.ts';

const fixture = readDataset('tests/fixtures/dataset/data.ndjson');
const sample = readDataset('studio/dataset/data.ndjson');

/** The ids a desk list shows: the filter as the Structure tool's document list sends it. */
async function listIds(dataset: unknown[], filter: string, params: Record<string, unknown>) {
  const query = `*[${filter}] | order(_id asc)._id`;
  return (await (await evaluate(parse(query, { params }), { dataset, params })).get()) as string[];
}

const types = localizedDocumentTypes;
const everyFixtureDocument = fixture.map((document) => document['_id']).sort();

describe('translation lists', () => {
  it('puts the Hmong pack waiting for a native speaker under Hmong "needs review", alone', async () => {
    expect(await listIds(fixture, translationListFilter('hmong', 'needsReview'), { types })).toEqual([
      'material-fixture-jobcentre-pack',
    ]);
  });

  it('lists under "missing" the packs with no Dao text, and nothing under Dao "needs review"', async () => {
    expect(await listIds(fixture, translationListFilter('dao', 'missing'), { types })).toEqual([
      'material-fixture-draft-pack',
      'material-fixture-jobcentre-pack',
    ]);
    expect(await listIds(fixture, translationListFilter('dao', 'needsReview'), { types })).toEqual([]);
  });

  it('lists the partial English translation under "draft" and the rest under "reviewed"', async () => {
    expect(await listIds(fixture, translationListFilter('en', 'draft'), { types })).toEqual([
      'material-fixture-draft-pack',
    ]);
    expect(await listIds(fixture, translationListFilter('en', 'reviewed'), { types })).toEqual(
      everyFixtureDocument.filter((id) => id !== 'material-fixture-draft-pack'),
    );
  });

  it('counts a document with no status for a language as missing in it', async () => {
    const dataset = [{ _id: 'topic-new', _type: 'topic', translations: { hmong: { status: 'draft' } } }];
    expect(await listIds(dataset, translationListFilter('thai', 'missing'), { types })).toEqual(['topic-new']);
    expect(await listIds(dataset, translationListFilter('hmong', 'missing'), { types })).toEqual([]);
  });

  it('puts every document with localized text in exactly one list per language', async () => {
    for (const dataset of [fixture, sample]) {
      const localized = dataset.filter((document) =>
        (types as readonly string[]).includes(document['_type'] as string),
      );
      for (const lang of translatedLocalePaths) {
        const listed: string[] = [];
        for (const status of translationStatusValues) {
          listed.push(...(await listIds(dataset, translationListFilter(lang, status), { types })));
        }
        expect(listed.sort(), lang).toEqual(localized.map((document) => document['_id']).sort());
      }
    }
  });

  it('refuses a language that is not translated, instead of writing it into GROQ', () => {
    expect(() => translationListFilter('vi', 'missing')).toThrow(/not a translated language/);
    expect(() => translationListFilter('hmong.status == "x" ||', 'missing')).toThrow();
  });
});

describe('lesson packs by audience and by topic', () => {
  it('lists the packs written for an audience', async () => {
    const forAudience = (audience: string) => listIds(fixture, deskFilters.materialsForAudience, { audience });
    expect(await forAudience('jobSeekers')).toEqual(['material-fixture-jobcentre-pack']);
    expect(await forAudience('upperSecondary')).toEqual(['material-fixture-school-pack']);
    expect(await forAudience('teachersStaff')).toEqual([]);
  });

  it('lists the packs that refer to a topic, and only packs', async () => {
    const onTopic = (topicId: string) => listIds(fixture, deskFilters.materialsForTopic, { topicId });
    expect(await onTopic('topic-fixture-jobs')).toEqual([
      'material-fixture-jobcentre-pack',
      'material-fixture-school-pack',
    ]);
    expect(await onTopic('topic-fixture-help')).toEqual([
      'material-fixture-draft-pack',
      'material-fixture-school-pack',
    ]);
  });
});

describe('narration lists', async () => {
  const { narrationMissingFilter } = await import('../../src/content/queries.ts');
  it('lists the packs with a slide not narrated in the language, and not the narrated sample in vi or en', async () => {
    const packs = sample
      .filter((document) => document['_type'] === 'material')
      .map((document) => document['_id'] as string)
      .sort();
    expect(await listIds(sample, narrationMissingFilter('vi'), {})).toEqual(
      packs.filter((id) => id !== 'material-fake-jobs-across-the-border'),
    );
    expect(await listIds(sample, narrationMissingFilter('en'), {})).toEqual(
      packs.filter((id) => id !== 'material-fake-jobs-across-the-border'),
    );
    expect(await listIds(sample, narrationMissingFilter('hmong'), {})).toEqual(packs);
    // The fixture's school pack has Vietnamese narration on slide 1 only: it still misses some.
    expect(await listIds(fixture, narrationMissingFilter('vi'), {})).toContain('material-fixture-school-pack');
  });

  it('takes an uploaded asset as narration, as the Studio stores it', async () => {
    const uploaded = [
      {
        _id: 'material-x',
        _type: 'material',
        slides: [{ audio: { dao: { _type: 'file', asset: { _ref: 'file-abc-mp3' } } } }],
      },
    ];
    expect(await listIds(uploaded, narrationMissingFilter('dao'), {})).toEqual([]);
    expect(await listIds(uploaded, narrationMissingFilter('thai'), {})).toEqual(['material-x']);
    expect(() => narrationMissingFilter('th')).toThrow(/not a language/);
  });
});
