/**
 * One content model: the Studio's schema types, the zod checks of the query results, the GROQ
 * projections and the collections' entry schemas name the same fields, and the model's rules
 * (src/content/model.ts) accept and refuse the same values on both sides.
 */
import { evaluate, parse } from 'groq-js';
import { createSchema, validateDocument, type SanityDocument } from 'sanity';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  helpContactSchema,
  materialSchema,
  quizQuestionSchema,
  siteSettingsSchema,
  slideSchema,
  topicSchema,
} from '../../src/content/documents.ts';
import { toHelpContactEntry, toMaterialEntry, toSiteSettingsEntry, toTopicEntry } from '../../src/content/entries.ts';
import {
  helpContactEntrySchema,
  materialEntrySchema,
  siteSettingsEntrySchema,
  topicEntrySchema,
} from '../../src/content/entrySchemas.ts';
import { loadEntries } from '../../src/content/loader.ts';
import { helpContactsQuery, materialsQuery, siteSettingsQuery, topicsQuery } from '../../src/content/queries.ts';
import { createEmbeddedSource, readDataset } from '../../src/content/sources/embedded.ts';
import { schemaTypes } from '../../studio/schemaTypes/index.ts';

interface Fields {
  fields: { name: string; type?: string; of?: { type: string }[] }[];
}
const studioType = (name: string) => schemaTypes.find((type) => type.name === name) as unknown as Fields;
const studioFields = (name: string) =>
  studioType(name)
    .fields.map((field) => field.name)
    .sort();

/** The keys of a zod object schema (behind refinements), without Sanity's system fields. */
function zodKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown>; def: { in?: z.ZodType } }).shape;
  return Object.keys(shape ?? {})
    .filter((key) => !key.startsWith('_'))
    .sort();
}

/** The first result of a GROQ query over the sample dataset. */
async function firstResult(query: string): Promise<Record<string, unknown>> {
  const dataset = readDataset('studio/dataset/data.ndjson');
  const result = await (await evaluate(parse(query), { dataset })).get();
  return (Array.isArray(result) ? result[0] : result) as Record<string, unknown>;
}

const ownKeys = (value: object) =>
  Object.keys(value)
    .filter((key) => !key.startsWith('_'))
    .sort();

/** The keys a GROQ query projects (a projection names its keys even when a value is null). */
const projectedKeys = async (query: string) => ownKeys(await firstResult(query));

const documentTypes = [
  { type: 'material', zod: materialSchema, query: materialsQuery },
  { type: 'topic', zod: topicSchema, query: topicsQuery },
  { type: 'helpContact', zod: helpContactSchema, query: helpContactsQuery },
  { type: 'siteSettings', zod: siteSettingsSchema, query: siteSettingsQuery },
] as const;

describe('one content model', () => {
  for (const { type, zod, query } of documentTypes) {
    it(`names the same fields of a ${type} in the Studio, the zod check and the GROQ projection`, async () => {
      expect(zodKeys(zod), 'zod (src/content/documents.ts)').toEqual(studioFields(type));
      expect(await projectedKeys(query), 'GROQ (src/content/queries.ts)').toEqual(studioFields(type));
    });
  }

  it('names the same fields of a slide and a quiz question in the Studio, the zod check and the GROQ projection', async () => {
    expect(zodKeys(slideSchema)).toEqual(studioFields('slide'));
    const slides = (await firstResult(materialsQuery))['slides'] as object[];
    expect(ownKeys(slides[0]!), 'GROQ slides[]{…}').toEqual(studioFields('slide'));
    const quiz = (quizQuestionSchema as unknown as { def: { in?: z.ZodType } }).def.in ?? quizQuestionSchema;
    expect(zodKeys(quiz)).toEqual(studioFields('quizQuestion'));
  });

  it('builds entries with exactly the fields the collections declare, in every language', async () => {
    const source = createEmbeddedSource('tests/fixtures/dataset');
    const image = () => z.string();
    const collections = [
      {
        query: materialsQuery,
        schema: materialSchema,
        id: (doc: { slug: string }) => doc.slug,
        toEntry: toMaterialEntry,
        entry: materialEntrySchema(image),
      },
      {
        query: topicsQuery,
        schema: topicSchema,
        id: (doc: { slug: string }) => doc.slug,
        toEntry: toTopicEntry,
        entry: topicEntrySchema,
      },
      {
        query: helpContactsQuery,
        schema: helpContactSchema,
        id: (doc: { number: string }) => doc.number,
        toEntry: toHelpContactEntry,
        entry: helpContactEntrySchema,
      },
      {
        query: siteSettingsQuery,
        schema: siteSettingsSchema,
        id: () => 'site',
        toEntry: toSiteSettingsEntry,
        entry: siteSettingsEntrySchema,
      },
    ];
    for (const { entry, ...options } of collections) {
      const entries = await loadEntries(source, options as never);
      expect(entries.length).toBeGreaterThan(0);
      for (const { id, data } of entries) {
        const result = entry.safeParse(data);
        expect(result.error?.issues ?? [], `${options.query.slice(0, 30)} ${id}`).toEqual([]);
      }
    }
  });

  it('refuses an entry field that the collection does not declare, instead of dropping it', async () => {
    const [first] = await loadEntries(createEmbeddedSource('tests/fixtures/dataset'), {
      query: topicsQuery,
      schema: topicSchema,
      id: (doc) => doc.slug,
      toEntry: toTopicEntry,
    });
    const result = topicEntrySchema.safeParse({ ...first!.data, subtitle: 'a field added in one place only' });
    expect(result.error?.issues.map((issue) => issue.code)).toEqual(['unrecognized_keys']);
  });
});

/** Whether Sanity's own validator, with the Studio's schema, accepts `slug` on a topic. */
async function studioAcceptsSlug(slug: string): Promise<boolean> {
  const schema = createSchema({ name: 'test', types: schemaTypes });
  const client = { fetch: async () => true, withConfig: () => client };
  const document: SanityDocument = {
    _id: 'topic-1',
    _type: 'topic',
    _rev: 'r1',
    _createdAt: '2025-09-01T00:00:00Z',
    _updatedAt: '2025-09-01T00:00:00Z',
    title: { _type: 'localeString', vi: 'Chủ đề' },
    slug: { _type: 'slug', current: slug },
  };
  const markers = await validateDocument({
    document,
    workspace: { schema, getClient: () => client } as never,
    getDocumentExists: async () => true,
  });
  return !markers.some((marker) => marker.level === 'error' && marker.path[0] === 'slug');
}

const buildAcceptsSlug = (slug: string) => topicSchema.shape.slug.safeParse(slug).success;

describe('the slug rule', () => {
  const accepted = ['viec-lam-gia', 'a', '111', 'ban-trai-tren-mang-2', 'x'.repeat(96)];
  const refused = ['Viec-lam', 'việc-làm', 'viec--lam', '-viec', 'viec-', 'viec lam', 'viec_lam', 'x'.repeat(97)];

  it('accepts and refuses the same slugs in the Studio and in the build', async () => {
    for (const slug of [...accepted, ...refused]) {
      const expected = accepted.includes(slug);
      expect(await studioAcceptsSlug(slug), `Studio: ${slug}`).toBe(expected);
      expect(buildAcceptsSlug(slug), `build: ${slug}`).toBe(expected);
    }
  });
});

describe('the model’s other rules in the build', () => {
  const material = (fields: Record<string, unknown>) =>
    materialSchema.safeParse({
      _id: 'm',
      slug: 'm',
      title: { vi: 'T' },
      summary: { vi: 'S' },
      slides: [{ _key: 's', heading: { vi: 'H' } }],
      ...fields,
    }).success;

  it('keeps the duration a whole number of minutes and the age range within 5 to 120, lowest first', () => {
    expect(material({ durationMinutes: 45, ageRange: { min: 12, max: 15 } })).toBe(true);
    expect(material({ durationMinutes: 0.5 })).toBe(false);
    expect(material({ ageRange: { min: 4, max: 15 } })).toBe(false);
    expect(material({ ageRange: { min: 12, max: 121 } })).toBe(false);
    expect(material({ ageRange: { min: 15, max: 12 } })).toBe(false);
  });

  it('refuses the retired 1800 1567 hotline as a help number, as the Studio does', () => {
    const contact = (number: string) => helpContactSchema.safeParse({ _id: 'h', name: { vi: 'N' }, number }).success;
    expect(contact('111')).toBe(true);
    expect(contact('1800 1567')).toBe(false);
  });
});

/** Error paths as `slides[].heading`: array members by position, the language key dropped. */
function normalPath(path: readonly unknown[]): string {
  const parts = path.filter((part) => part !== 'vi');
  return parts.reduce<string>(
    (text, part) => (typeof part === 'string' ? (text ? `${text}.${part}` : part) : `${text}[]`),
    '',
  );
}

/** The paths of the errors Sanity's validator reports with the Studio's schema. */
async function studioErrorPaths(document: Record<string, unknown>): Promise<string[]> {
  const schema = createSchema({ name: 'test', types: schemaTypes });
  const client = { fetch: async () => true, withConfig: () => client };
  const full = {
    _id: 'x',
    _rev: 'r1',
    _createdAt: '2025-09-01T00:00:00Z',
    _updatedAt: '2025-09-01T00:00:00Z',
    ...document,
  } as SanityDocument;
  const markers = await validateDocument({
    document: full,
    workspace: { schema, getClient: () => client } as never,
    getDocumentExists: async () => true,
  });
  return [
    ...new Set(markers.filter((marker) => marker.level === 'error').map((marker) => normalPath(marker.path))),
  ].sort();
}

/** The paths of the problems the build's zod check reports. */
function buildErrorPaths(schema: z.ZodType, document: Record<string, unknown>): string[] {
  const issues = schema.safeParse({ _id: 'x', ...document }).error?.issues ?? [];
  return [...new Set(issues.map((issue) => normalPath(issue.path)))].sort();
}

describe('texts that need Vietnamese', () => {
  const english = (type: string) => ({ _type: type, en: 'English only' });
  it('are the same in the Studio and in the build, in every document type', async () => {
    const documents = [
      {
        schema: materialSchema,
        document: {
          _type: 'material',
          slug: { _type: 'slug', current: 'm' },
          title: english('localeString'),
          summary: english('localeText'),
          coverImage: { _type: 'image', _sanityAsset: 'image@file://./images/x.png', alt: english('localeString') },
          slides: [
            { _key: 's1', _type: 'slide', heading: english('localeString'), teacherNotes: english('localeText') },
          ],
          quiz: [
            {
              _key: 'q1',
              _type: 'quizQuestion',
              question: english('localeString'),
              options: [
                { _key: 'o1', ...english('localeString') },
                { _key: 'o2', ...english('localeString') },
              ],
              correctOption: 1,
            },
          ],
          keyMessages: [{ _key: 'k1', ...english('localeString') }],
          discussionQuestions: [{ _key: 'd1', ...english('localeText') }],
        },
      },
      {
        schema: topicSchema,
        document: {
          _type: 'topic',
          slug: { _type: 'slug', current: 't' },
          title: english('localeString'),
          description: english('localeText'),
        },
      },
      {
        schema: helpContactSchema,
        document: {
          _type: 'helpContact',
          number: '111',
          name: english('localeString'),
          hours: english('localeString'),
        },
      },
      {
        schema: siteSettingsSchema,
        document: { _type: 'siteSettings', title: english('localeString'), banner: english('localeText') },
      },
    ];
    for (const { schema, document } of documents) {
      // The build reads the slug as the query projects it: a string.
      const built = { ...document, ...('slug' in document ? { slug: document.slug.current } : {}) };
      const studio = await studioErrorPaths(document);
      expect(studio.length, document._type).toBeGreaterThan(0);
      expect(buildErrorPaths(schema, built), document._type).toEqual(studio);
    }
  });
});
