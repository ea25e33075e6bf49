/** The translation progress badges on a lesson pack: what they count and how they read. */
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/content/sources/embedded.ts';
import {
  progressBadge,
  translationProgress,
  translationProgressBadges,
} from '../../studio/badges/translationProgress.ts';

const text = (texts: Record<string, string>) => ({ _type: 'localeString', ...texts });
const status = (value: string) => ({ _type: 'translationStatus', status: value });

/** Four texts with Vietnamese: Hmong has three, Dao one, Thai none, English all four. */
const pack = {
  _id: 'material-x',
  _type: 'material',
  title: text({ vi: 'Việc làm giả', hmong: 'Hauj lwm cuav', dao: 'Gong', en: 'Fake jobs' }),
  summary: { _type: 'localeText', vi: 'Tóm tắt', hmong: 'Lus luv', en: 'Summary' },
  slides: [
    { _key: 'a', heading: text({ vi: 'Trang 1', hmong: 'Nplooj 1', en: 'Slide 1' }) },
    {
      _key: 'b',
      heading: text({ vi: 'Trang 2', hmong: '  ', en: 'Slide 2' }),
      teacherNotes: { _type: 'localeText', vi: 'Ghi chú', en: 'Notes' },
    },
  ],
  translations: { hmong: status('needsReview'), dao: status('draft'), thai: status('missing'), en: status('reviewed') },
};

const byLang = (document: unknown) =>
  Object.fromEntries(translationProgress(document).map(({ lang, ...rest }) => [lang, rest]));

describe('translationProgress', () => {
  it('gives per language the share of texts translated, and reviewed only once marked reviewed', () => {
    expect(byLang(pack)).toEqual({
      hmong: { translated: 60, reviewed: 0, status: 'needsReview' },
      dao: { translated: 20, reviewed: 0, status: 'draft' },
      thai: { translated: 0, reviewed: 0, status: 'missing' },
      en: { translated: 100, reviewed: 100, status: 'reviewed' },
    });
  });

  it('does not count a blank text, and rounds down so that 100% means complete', () => {
    const almost = { ...pack, slides: [...pack.slides, { _key: 'c', heading: text({ vi: 'Trang 3' }) }] };
    expect(byLang(almost)['en']).toEqual({ translated: 83, reviewed: 83, status: 'reviewed' });
  });

  it('treats a language with no recorded status as missing, and a pack with no Vietnamese yet as complete', () => {
    expect(byLang({ _type: 'material', title: text({}) })['dao']).toEqual({
      translated: 100,
      reviewed: 0,
      status: 'missing',
    });
  });

  it('agrees with the fixture: pack B has its Hmong text but none of it reviewed', () => {
    const packB = readDataset('tests/fixtures/dataset/data.ndjson').find(
      (d) => d['_id'] === 'material-fixture-jobcentre-pack',
    );
    const progress = byLang(packB);
    expect(progress['hmong']).toMatchObject({ translated: 100, reviewed: 0, status: 'needsReview' });
    expect(progress['en']).toMatchObject({ translated: 100, reviewed: 100 });
    expect(progress['dao']).toMatchObject({ translated: 0, reviewed: 0 });
  });
});

describe('progress badge', () => {
  it('reads "Mông 60% · duyệt 0%", amber while text waits for review', () => {
    expect(progressBadge({ lang: 'hmong', translated: 60, reviewed: 0, status: 'needsReview' })).toEqual({
      label: 'Mông 60% · duyệt 0%',
      title: 'Tiếng Mông: 60% of the texts translated, 0% reviewed and published (status: needsReview).',
      color: 'warning',
    });
  });

  it('is green when all is reviewed and red when nothing is translated', () => {
    expect(progressBadge({ lang: 'en', translated: 100, reviewed: 100, status: 'reviewed' }).color).toBe('success');
    expect(progressBadge({ lang: 'thai', translated: 0, reviewed: 0, status: 'missing' }).color).toBe('danger');
  });

  it('shows one badge per translated language, from the draft when there is one', () => {
    const props = { draft: { ...pack, _rev: 'r', _createdAt: '', _updatedAt: '' }, published: null } as never;
    const labels = translationProgressBadges.map((badge) => badge(props)?.label);
    expect(labels).toEqual([
      'Mông 60% · duyệt 0%',
      'Dao 20% · duyệt 0%',
      'Thái 0% · duyệt 0%',
      'Anh 100% · duyệt 100%',
    ]);
    expect(translationProgressBadges[0]?.({ draft: null, published: null } as never)).toBeNull();
  });
});
