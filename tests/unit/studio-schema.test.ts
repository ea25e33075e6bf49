/**
 * The Studio's schema: Sanity accepts it, its localized types follow the locale table, and the
 * rules communicators rely on hold when Sanity's own validator runs them on a document.
 */
import { groupProblems, validateSchema } from '@sanity/schema/_internal';
import { createSchema, validateDocument, type SanityDocument } from 'sanity';
import { describe, expect, it } from 'vitest';
import { localePaths, translatedLocalePaths } from '../../src/i18n/locales.ts';
import { schemaTypes } from '../../studio/schemaTypes/index.ts';
import { localizedTypeNames } from '../../studio/schemaTypes/objects/localized.ts';
import { sourceHash } from '../../src/content/sourceHash.ts';
import { missingTranslations, reviewedTranslationGaps } from '../../src/content/translation.ts';

type Texts = Partial<Record<string, string>>;

const localeString = (texts: Texts) => ({ _type: 'localeString', ...texts });
const localeText = (texts: Texts) => ({ _type: 'localeText', ...texts });
const paragraph = (text: string) => [
  { _type: 'block', _key: 'b', markDefs: [], children: [{ _type: 'span', _key: 's', text }] },
];

function slide(index: number, heading: Texts) {
  const body = {
    _type: 'localeBlockContent',
    vi: paragraph(`Nội dung ${index}`),
    hmong: paragraph('HMONG'),
  };
  return { _type: 'slide', _key: `slide-${index}`, heading: localeString(heading), body };
}

/** A document with the system fields Sanity's validator expects. */
const doc = (_type: string, fields: Record<string, unknown>): SanityDocument => ({
  _id: `${_type}-1`,
  _type,
  _rev: 'r1',
  _createdAt: '2025-09-01T00:00:00Z',
  _updatedAt: '2025-09-01T00:00:00Z',
  ...fields,
});

/**
 * A lesson pack whose Hmong translation, marked reviewed, has every text Vietnamese has, and
 * records the Vietnamese it was reviewed against as the Studio does.
 */
function reviewedMaterial(): SanityDocument {
  const material = doc('material', {
    title: localeString({ vi: 'Việc làm lương cao bên kia biên giới', hmong: 'HMONG title' }),
    slug: { _type: 'slug', current: 'viec-lam-gia' },
    summary: localeText({ vi: 'Nhận biết lời mời việc làm giả.', hmong: 'HMONG summary' }),
    audience: ['jobSeekers'],
    keyMessages: [{ _key: 'k1', ...localeString({ vi: 'Gọi 111', hmong: 'HMONG: 111' }) }],
    helpContacts: [{ _key: 'h1', _type: 'reference', _ref: 'helpContact-1' }],
    slides: [1, 2, 3, 4, 5].map((n) => slide(n, { vi: `Trang ${n}`, hmong: `HMONG slide ${n}` })),
    translations: {
      hmong: {
        _type: 'translationStatus',
        status: 'reviewed',
        reviewer: 'Giàng A Páo',
        reviewedAt: '2025-09-01',
      },
      dao: { _type: 'translationStatus', status: 'draft' },
    },
  });
  (material['translations'] as { hmong: Record<string, unknown> }).hmong['sourceHash'] = sourceHash(material);
  return material;
}

/** The same lesson pack, with the Hmong heading of the first slide left out. */
function materialLackingHmongHeading(): SanityDocument {
  const material = reviewedMaterial();
  (material['slides'] as ReturnType<typeof slide>[])[0] = slide(1, { vi: 'Trang 1' });
  return material;
}

/** Runs Sanity's own document validation with the Studio's schema; paths use `_key`s. */
async function validate(document: SanityDocument, { slugTaken = false } = {}) {
  const schema = createSchema({ name: 'test', types: schemaTypes });
  // Only the slug uniqueness check queries the Content Lake; answer it without a network.
  const client = { fetch: async () => !slugTaken, withConfig: () => client };
  const markers = await validateDocument({
    document,
    // Without `i18n` Sanity falls back to its built-in English messages.
    workspace: { schema, getClient: () => client } as never,
    getDocumentExists: async () => true,
  });
  return markers.map(({ level, path, message }) => ({
    level,
    path: path.map((part) => (typeof part === 'object' && '_key' in part ? part._key : part)).join('.'),
    message,
  }));
}

/** Paths of the errors (not warnings) Sanity reports on `document`. */
async function errorPaths(document: SanityDocument, options?: { slugTaken: boolean }) {
  const markers = await validate(document, options);
  return markers.filter((marker) => marker.level === 'error').map((marker) => marker.path);
}

const fieldNames = (typeName: string) =>
  (schemaTypes.find((type) => type.name === typeName) as { fields: { name: string }[] }).fields.map(
    (field) => field.name,
  );

describe('Studio schema', () => {
  it('passes Sanity’s own schema validator without errors', () => {
    const problems = groupProblems(
      validateSchema(schemaTypes).getTypes() as Parameters<typeof groupProblems>[0],
    ).flatMap((group) =>
      group.problems
        .filter((problem) => problem.severity === 'error')
        .map((problem) => `${group.path.map((part) => part.name).join('.')}: ${problem.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('gives every localized field type exactly one field per locale row and nothing else', () => {
    expect([...localizedTypeNames].sort()).toEqual(['localeAudio', 'localeBlockContent', 'localeString', 'localeText']);
    for (const name of localizedTypeNames) expect(fieldNames(name), name).toEqual([...localePaths]);
    expect(fieldNames('translations')).toEqual([...translatedLocalePaths]);
  });
});

describe('missingTranslations', () => {
  it('reports slides[0].heading missing for a Hmong-reviewed document that lacks it', () => {
    const material = materialLackingHmongHeading();
    expect(missingTranslations(material, 'hmong')).toEqual(['slides[0].heading']);
    expect(reviewedTranslationGaps(material)).toEqual([{ lang: 'hmong', missing: ['slides[0].heading'] }]);
  });

  it('reports nothing for a complete Hmong translation', () => {
    expect(missingTranslations(reviewedMaterial(), 'hmong')).toEqual([]);
    expect(reviewedTranslationGaps(reviewedMaterial())).toEqual([]);
  });

  it('asks nothing of audio, of texts Vietnamese lacks, or of languages not reviewed', () => {
    const withExtras = {
      ...slide(1, { vi: 'Trang 1', hmong: 'HMONG' }),
      audio: { _type: 'localeAudio', vi: { _type: 'file' } },
      teacherNotes: localeText({ hmong: 'only Hmong' }),
    };
    const material = { ...reviewedMaterial(), slides: [withExtras] };
    expect(missingTranslations(material, 'hmong')).toEqual([]);
    expect(reviewedTranslationGaps(material)).toEqual([]);
    expect(missingTranslations(material, 'dao')).toContain('slides[0].heading');
  });

  it('counts Portable Text holding only blank spans as no text', () => {
    const body = {
      _type: 'localeBlockContent',
      vi: paragraph('Có nội dung'),
      hmong: paragraph('  '),
    };
    expect(missingTranslations({ body }, 'hmong')).toEqual(['body']);
  });
});

describe('document validation', () => {
  it('accepts a complete lesson pack with a complete reviewed translation', async () => {
    expect(await validate(reviewedMaterial())).toEqual([]);
  });

  it('rejects a reviewed language that lacks a text, naming the language and the path', async () => {
    expect(await validate(materialLackingHmongHeading())).toEqual([
      expect.objectContaining({
        level: 'error',
        path: 'translations.hmong.status',
        message: expect.stringMatching(/Tiếng Mông.*slides\[0\]\.heading/),
      }),
    ]);
  });

  it('warns about a reviewed language that records no Vietnamese version to compare with', async () => {
    const material = reviewedMaterial();
    delete (material['translations'] as { hmong: Record<string, unknown> }).hmong['sourceHash'];
    expect(await validate(material)).toEqual([
      expect.objectContaining({
        level: 'warning',
        path: 'translations.hmong.sourceHash',
        message: expect.stringMatching(/confirm the review/),
      }),
    ]);
  });

  it('requires a reviewer and a date once a translation is marked reviewed', async () => {
    const material = { ...reviewedMaterial(), translations: { hmong: { status: 'reviewed' } } };
    expect(await errorPaths(material)).toEqual(['translations.hmong.reviewer', 'translations.hmong.reviewedAt']);
  });

  it('requires Vietnamese title, summary and a slide, and warns outside 5 to 10 slides', async () => {
    const { summary: _summary, ...withoutSummary } = reviewedMaterial();
    const empty = { ...withoutSummary, title: localeString({ hmong: 'HMONG' }), slides: [] };
    expect(await errorPaths(empty)).toEqual(expect.arrayContaining(['title', 'summary', 'slides']));
    const oneSlide = { ...reviewedMaterial(), slides: [slide(1, { vi: 'Một', hmong: 'HMONG' })] };
    expect(await validate(oneSlide)).toEqual([expect.objectContaining({ level: 'warning', path: 'slides' })]);
  });

  it('requires Vietnamese alt text once an image is chosen', async () => {
    const asset = { _type: 'reference', _ref: 'image-abc123-800x600-png' };
    const withoutAlt = { ...reviewedMaterial(), coverImage: { _type: 'image', asset } };
    expect(await errorPaths(withoutAlt)).toEqual(['coverImage.alt']);
    const alt = localeString({ vi: 'Tranh vẽ', hmong: 'HMONG' });
    expect(await errorPaths({ ...withoutAlt, coverImage: { _type: 'image', asset, alt } })).toEqual([]);
    // The embedded dataset uses Sanity's export format, which names the file instead.
    const exported = { _type: 'image', _sanityAsset: 'image@file://./images/cover.png' };
    expect(await errorPaths({ ...reviewedMaterial(), coverImage: exported })).toEqual(['coverImage.alt']);
  });

  it('keeps the quiz’s correct option between 1 and the number of options', async () => {
    const quizErrors = (correctOption: number, optionCount: number) => {
      const options = Array.from({ length: optionCount }, (_, i) => ({
        _key: `o${i}`,
        ...localeString({ vi: `Đáp án ${i + 1}`, hmong: 'HMONG' }),
      }));
      const question = localeString({ vi: 'Ai có thể là kẻ buôn người?', hmong: 'HMONG' });
      const explanation = localeText({ vi: 'Thường là người quen.', hmong: 'HMONG' });
      const quiz = [{ _type: 'quizQuestion', _key: 'q1', question, options, correctOption, explanation }];
      return errorPaths({ ...reviewedMaterial(), quiz });
    };
    expect(await quizErrors(3, 3)).toEqual([]);
    expect(await quizErrors(1, 2)).toEqual([]);
    expect(await quizErrors(4, 3)).toEqual(['quiz.q1.correctOption']);
    expect(await quizErrors(0, 3)).toEqual(['quiz.q1.correctOption']);
    expect(await quizErrors(1.5, 3)).toEqual(['quiz.q1.correctOption']);
    expect(await quizErrors(1, 1)).toEqual(['quiz.q1.options']);
    expect(await quizErrors(1, 6)).toEqual(['quiz.q1.options']);
  });

  it('rejects a slug that another lesson pack already uses', async () => {
    expect(await errorPaths(reviewedMaterial(), { slugTaken: true })).toEqual(['slug']);
  });

  it('requires a dialable help number and refuses the retired 1800 1567 hotline', async () => {
    const contact = (number?: string) =>
      doc('helpContact', {
        name: localeString({ vi: 'Tổng đài 111' }),
        ...(number ? { number } : {}),
      });
    expect(await errorPaths(contact('111'))).toEqual([]);
    expect(await errorPaths(contact('+84 20 3812 3456'))).toEqual([]);
    for (const bad of [undefined, '111-222', 'Zalo 0912', '1800 1567']) {
      expect(await errorPaths(contact(bad)), String(bad)).toEqual(['number']);
    }
  });
});
