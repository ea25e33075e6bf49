import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { materialSchema } from '../../src/content/documents.ts';
import { toMaterialEntry } from '../../src/content/entries.ts';
import { loadEntries } from '../../src/content/loader.ts';
import { materialsQuery } from '../../src/content/queries.ts';
import { createContentSource } from '../../src/content/source.ts';
import { createEmbeddedSource, DatasetError } from '../../src/content/sources/embedded.ts';
import { localePaths } from '../../src/i18n/locales.ts';

const materials = {
  query: materialsQuery,
  schema: materialSchema,
  id: (doc: { slug: string }) => doc.slug,
  toEntry: toMaterialEntry,
};

const fixtureLines = readFileSync('tests/fixtures/dataset/data.ndjson', 'utf8').split('\n').filter(Boolean);

/** A document of the fixture dataset, as far as these tests read it. */
type FixtureDocument = Record<string, unknown> & {
  _id: string;
  _type: string;
  title?: Record<string, string>;
  slug?: { current: string };
};

/** A copy of the fixture dataset with some lines changed, in a temporary folder. */
function datasetWith(change: (documents: FixtureDocument[]) => string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'dataset-'));
  writeFileSync(
    join(folder, 'data.ndjson'),
    change(fixtureLines.map((line) => JSON.parse(line) as FixtureDocument)).join('\n'),
  );
  return folder;
}

describe('the content loader', () => {
  it('returns every lesson pack of the sample dataset in every language', async () => {
    const lines = readFileSync('studio/dataset/data.ndjson', 'utf8').split('\n').filter(Boolean);
    const slugs = lines
      .map((line) => JSON.parse(line) as FixtureDocument)
      .filter((doc) => doc._type === 'material')
      .map((doc) => doc.slug!.current);
    expect(slugs.length).toBeGreaterThanOrEqual(8);
    const entries = await loadEntries(createEmbeddedSource('studio/dataset'), materials);
    expect(entries.map((entry) => entry.id).sort()).toEqual(
      localePaths.flatMap((lang) => slugs.map((slug) => `${lang}/${slug}`)).sort(),
    );
    for (const entry of entries) {
      expect(entry.data['title']).toMatchObject({ value: expect.any(String) });
      expect((entry.data['slides'] as unknown[]).length).toBeGreaterThanOrEqual(5);
    }
  });

  it('keeps the sample minority-language text unpublished: unreviewed Hmong falls back to Vietnamese', async () => {
    const entries = await loadEntries(createEmbeddedSource('studio/dataset'), materials);
    const hmong = entries.filter((entry) => entry.id.startsWith('hmong/'));
    expect(hmong.every((entry) => (entry.data['title'] as { lang: string }).lang === 'vi')).toBe(true);
    expect(hmong.every((entry) => entry.data['fellBack'] === true)).toBe(true);
  });

  it('shows reviewed fixture text in Tai Dam and marks what fell back', async () => {
    const entries = await loadEntries(createEmbeddedSource('tests/fixtures/dataset'), materials);
    const reviewed = entries.find((entry) => entry.id === 'thai/fixture-school-pack')!;
    expect(reviewed.data['title']).toMatchObject({ lang: 'thai' });
    expect(reviewed.data['fellBack']).toBe(false);
    const unreviewed = entries.find((entry) => entry.id === 'hmong/fixture-jobcentre-pack')!;
    expect(unreviewed.data['title']).toMatchObject({ lang: 'vi' });
    expect(unreviewed.data['fellBack']).toBe(true);
  });

  it('fails on a malformed dataset line, naming the file and line', async () => {
    const folder = datasetWith((docs) => [
      JSON.stringify(docs[0]),
      '{"_id": "broken", ',
      ...docs.slice(1).map((doc) => JSON.stringify(doc)),
    ]);
    const error = await loadEntries(createEmbeddedSource(folder), materials).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message).toContain(`${join(folder, 'data.ndjson')} line 2`);
  });

  it('fails on a lesson pack without its Vietnamese title, naming the document and field', async () => {
    const folder = datasetWith((docs) =>
      docs.map((doc) =>
        JSON.stringify(doc._id === 'material-fixture-draft-pack' ? { ...doc, title: { ...doc.title, vi: '' } } : doc),
      ),
    );
    await expect(loadEntries(createEmbeddedSource(folder), materials)).rejects.toThrow(
      /material-fixture-draft-pack: title\.vi: Vietnamese text is required/,
    );
  });

  it('fails on a dangling reference, naming the document and field', async () => {
    const folder = datasetWith((docs) => docs.filter((doc) => doc._type !== 'topic').map((doc) => JSON.stringify(doc)));
    await expect(loadEntries(createEmbeddedSource(folder), materials)).rejects.toThrow(
      /material-fixture-\S+: topics\[0\]: refers to topic "topic-[^"]+", which does not exist/,
    );
  });

  it('drops draft documents, which groq-js would otherwise return', async () => {
    const folder = datasetWith((docs) => [
      ...docs.map((doc) => JSON.stringify(doc)),
      JSON.stringify({
        ...docs.find((doc) => doc._type === 'material'),
        _id: 'drafts.material-unfinished',
        slug: { current: 'unfinished' },
      }),
    ]);
    const entries = await loadEntries(createEmbeddedSource(folder), materials);
    expect(entries.some((entry) => entry.id.endsWith('/unfinished'))).toBe(false);
  });
});

describe('the Sanity source', () => {
  const requests: URL[] = [];
  const server = createServer((request, response) => {
    requests.push(new URL(request.url ?? '/', 'http://stand-in'));
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify({ ms: 1, query: '', result: [] }));
  });
  const listening = new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
  afterAll(() => server.close());

  it('is chosen when SANITY_PROJECT_ID is set and sends the published-perspective query', async () => {
    const port = await listening;
    const source = createContentSource({
      SANITY_PROJECT_ID: 'abc123',
      SANITY_DATASET: 'production',
      SANITY_API_VERSION: '2025-10-01',
      SANITY_API_HOST: `http://127.0.0.1:${port}`,
    });
    expect(source.description).toContain('abc123');
    await expect(source.fetch(materialsQuery)).resolves.toEqual([]);
    const url = requests.at(-1)!;
    expect(url.pathname).toBe('/v2025-10-01/data/query/production');
    expect(url.searchParams.get('query')).toBe(materialsQuery);
    expect(url.searchParams.get('perspective')).toBe('published');
  });
});

describe('the embedded source reads what is published', () => {
  it('leaves out drafts and release versions, as the published perspective does', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dataset-releases-'));
    const doc = (id: string, title: string) => JSON.stringify({ _id: id, _type: 'topic', title });
    writeFileSync(
      join(folder, 'data.ndjson'),
      [
        doc('topic-a', 'Published'),
        doc('drafts.topic-a', 'Draft'),
        doc('versions.rSpring.topic-a', 'Release'),
        doc('drafts.topic-b', 'Only a draft'),
      ].join('\n'),
    );
    const titles = await createEmbeddedSource(folder).fetch<string[]>('*[_type == "topic"].title');
    expect(titles).toEqual(['Published']);
  });
});
