/**
 * Outdated translations (src/content/sourceHash.ts): a review records the Vietnamese it checked;
 * a later change of that Vietnamese makes the language outdated, a minor edit does not.
 */
import { evaluate, parse } from 'groq-js';
import { describe, expect, it } from 'vitest';
import { loadEntries } from '../../src/content/loader.ts';
import { materialSchema } from '../../src/content/documents.ts';
import { toMaterialEntry } from '../../src/content/entries.ts';
import { materialsQuery, helpContactsQuery, topicsQuery, siteSettingsQuery } from '../../src/content/queries.ts';
import { isOutdated, minorEditHashes, outdatedLanguages, sourceHash } from '../../src/content/sourceHash.ts';
import { createEmbeddedSource, readDataset } from '../../src/content/sources/embedded.ts';
import { contentCounts, outdatedCount } from '../../src/i18n/status.ts';
import { translatedLocalePaths } from '../../src/i18n/locales.ts';
import { progressBadge, translationProgress } from '../../studio/badges/translationProgress.ts';
import { marksReviewed } from '../../studio/translation/reviewPatches.ts';
import { outdatedDocuments } from '../../studio/translation/outdatedDocuments.ts';

const text = (texts: Record<string, string>): Record<string, string> => ({ _type: 'localeString', ...texts });
const block = (words: string, key = 'b1') => [
  {
    _type: 'block',
    _key: key,
    style: 'normal',
    markDefs: [],
    children: [{ _type: 'span', _key: `${key}s`, text: words, marks: [] }],
  },
];

/** A pack reviewed in Hmong against its current Vietnamese, and in Dao against an older one. */
function pack() {
  const doc = {
    _id: 'material-x',
    _type: 'material',
    title: text({ vi: 'Việc làm giả', hmong: 'Hauj lwm cuav', dao: 'Gong' }),
    slides: [
      {
        _key: 's1',
        heading: text({ vi: 'Trang 1', hmong: 'Nplooj 1' }),
        body: { _type: 'localeBlockContent', vi: block('Cẩn thận'), hmong: block('Ceev faj') },
      },
    ],
    translations: {
      hmong: {
        _type: 'translationStatus',
        status: 'reviewed',
        reviewer: 'A',
        reviewedAt: '2026-01-01',
        sourceHash: '',
      },
      dao: {
        _type: 'translationStatus',
        status: 'reviewed',
        reviewer: 'B',
        reviewedAt: '2026-01-01',
        sourceHash: 'feedfeedfeedfeed',
      },
      thai: { _type: 'translationStatus', status: 'needsReview' },
    },
  };
  doc.translations.hmong.sourceHash = sourceHash(doc);
  return doc;
}

describe('the source hash', () => {
  it('changes with any Vietnamese text, however deep, and not with a translation or a status', () => {
    const doc = pack();
    const hash = sourceHash(doc);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    const spelled = structuredClone(doc);
    spelled.slides[0]!.body.vi = block('Cẩn thận!');
    expect(sourceHash(spelled)).not.toBe(hash);
    const translated = structuredClone(doc);
    translated.title.hmong = 'Hauj lwm dag';
    translated.translations.thai.status = 'draft';
    expect(sourceHash(translated)).toBe(hash);
  });

  it('ignores key order and editor-made _keys, but not the order of slides', () => {
    const doc = pack();
    const rekeyed = {
      ...structuredClone(doc),
      slides: [{ ...doc.slides[0], _key: 'other', body: { _type: 'localeBlockContent', vi: block('Cẩn thận', 'zz') } }],
    };
    expect(sourceHash(rekeyed)).toBe(sourceHash(doc));
    const two = { ...doc, slides: [doc.slides[0], { _key: 's2', heading: text({ vi: 'Trang 2' }) }] };
    const swapped = { ...doc, slides: [two.slides[1], two.slides[0]] };
    expect(sourceHash(swapped)).not.toBe(sourceHash(two));
  });

  it('is the same for a stored document and for what the site queries of it', async () => {
    for (const folder of ['studio/dataset', 'tests/fixtures/dataset']) {
      const dataset = readDataset(`${folder}/data.ndjson`);
      for (const query of [materialsQuery, topicsQuery, helpContactsQuery, `[${siteSettingsQuery}]`]) {
        const queried = (await (await evaluate(parse(query), { dataset })).get()) as { _id: string }[];
        expect(queried.length).toBeGreaterThan(0);
        for (const document of queried) {
          const stored = dataset.find((candidate) => candidate['_id'] === document._id);
          expect(sourceHash(document), `${folder} ${document._id}`).toBe(sourceHash(stored));
        }
      }
    }
  });
});

describe('the outdated rule', () => {
  it('calls a reviewed language current against the Vietnamese it was reviewed against', () => {
    expect(isOutdated(pack(), 'hmong')).toBe(false);
    expect(outdatedLanguages(pack())).toEqual(['dao']);
  });

  it('calls a reviewed language outdated once its Vietnamese changes', () => {
    const changed = pack();
    changed.title.vi = 'Việc làm lừa đảo';
    expect(outdatedLanguages(changed)).toEqual(['hmong', 'dao']);
  });

  it('never calls an unreviewed language, or a review with no recorded hash, outdated', () => {
    const doc = pack();
    doc.title.vi = 'Khác';
    expect(isOutdated(doc, 'thai')).toBe(false);
    const legacy = { ...doc, translations: { hmong: { status: 'reviewed', reviewer: 'A', reviewedAt: '2026-01-01' } } };
    expect(isOutdated(legacy, 'hmong')).toBe(false);
  });

  it('keeps translations current through a minor edit, and an already outdated one outdated', () => {
    const before = pack();
    const after = structuredClone(before);
    after.title.vi = 'Việc làm giả.';
    const moved = minorEditHashes(before, after);
    expect(moved).toEqual({ hmong: sourceHash(after) });
    after.translations.hmong.sourceHash = moved['hmong']!;
    expect(outdatedLanguages(after)).toEqual(['dao']);
    expect(minorEditHashes(before, before)).toEqual({});
  });
});

describe('where outdated shows', () => {
  it('counts outdated documents per language for i18n:status, still counting them reviewed', () => {
    const changed = pack();
    changed.title.vi = 'Khác';
    expect(translatedLocalePaths.map((lang) => outdatedCount([pack(), changed], lang))).toEqual([1, 2, 0, 0]);
    expect(contentCounts([changed], 'hmong').reviewed.done).toBe(3);
  });

  it('gives the Studio badge the state "outdated", in amber with "lỗi thời"', () => {
    const changed = pack();
    changed.title.vi = 'Khác';
    const hmong = translationProgress(changed).find((entry) => entry.lang === 'hmong')!;
    expect(hmong).toMatchObject({ status: 'outdated', reviewed: 100 });
    expect(progressBadge(hmong)).toMatchObject({ color: 'warning', label: expect.stringMatching(/lỗi thời$/) });
    expect(translationProgress(pack()).find((entry) => entry.lang === 'hmong')).toMatchObject({ status: 'reviewed' });
  });

  it('lists under a language\'s "Outdated" the reviewed documents whose Vietnamese changed, a draft in place of its document', () => {
    const changedDraft = { ...pack(), _id: 'drafts.material-x', title: text({ vi: 'Khác', hmong: 'Hauj lwm cuav' }) };
    expect(outdatedDocuments([pack()], 'hmong')).toEqual([]);
    expect(outdatedDocuments([pack(), changedDraft], 'hmong').map((doc) => doc._id)).toEqual(['drafts.material-x']);
    expect(outdatedDocuments([pack()], 'dao').map((doc) => doc._id)).toEqual(['material-x']);
  });

  it('records the hash when the status input sees a language marked reviewed, and only then', () => {
    expect(marksReviewed('needsReview', 'reviewed')).toBe(true);
    expect(marksReviewed(undefined, 'reviewed')).toBe(true);
    expect(marksReviewed('reviewed', 'reviewed')).toBe(false);
    expect(marksReviewed('draft', 'needsReview')).toBe(false);
  });

  it('gives the site the last reviewed text, marked outdated, for a pack reviewed against earlier Vietnamese', async () => {
    const entries = await loadEntries(createEmbeddedSource('tests/fixtures/dataset'), {
      query: materialsQuery,
      schema: materialSchema,
      id: (doc: { slug: string }) => doc.slug,
      toEntry: toMaterialEntry,
    });
    const byId = new Map(
      entries.map((entry) => [
        entry.id,
        entry.data as { outdated: boolean; fellBack: boolean; title: { lang: string } },
      ]),
    );
    expect(byId.get('thai/fixture-school-pack')).toMatchObject({
      outdated: true,
      fellBack: false,
      title: { lang: 'thai' },
    });
    expect(byId.get('hmong/fixture-school-pack')).toMatchObject({ outdated: false });
  });

  it('carries a hash on every reviewed language of the sample dataset, all current', () => {
    const sample = readDataset('studio/dataset/data.ndjson');
    for (const document of sample) {
      for (const [lang, entry] of Object.entries(
        (document['translations'] ?? {}) as Record<string, { status: string; sourceHash?: string }>,
      )) {
        if (entry.status === 'reviewed')
          expect(entry.sourceHash, `${String(document['_id'])} ${lang}`).toBe(sourceHash(document));
      }
    }
  });
});
