/**
 * Review in context (issue 14): unreviewed translations are shown only by the dev server asked
 * for the preview, and then marked, so the page can say "not reviewed: preview".
 */
import { describe, expect, it } from 'vitest';
import { materialSchema } from '../../src/content/documents.ts';
import { toMaterialEntry } from '../../src/content/entries.ts';
import { loadEntries } from '../../src/content/loader.ts';
import { previewUnreviewed } from '../../src/content/preview.ts';
import { materialsQuery } from '../../src/content/queries.ts';
import { createEmbeddedSource } from '../../src/content/sources/embedded.ts';
import { reviewPreviewUrls } from '../../studio/preview/sitePreviewUrls.ts';

const materials = {
  query: materialsQuery,
  schema: materialSchema,
  id: (doc: { slug: string }) => doc.slug,
  toEntry: toMaterialEntry,
};
const entry = (entries: { id: string; data: Record<string, unknown> }[], id: string) =>
  entries.find((found) => found.id === id)!.data;

describe('the review preview', () => {
  it('is on only on the dev server with PREVIEW_UNREVIEWED=1, never in a build', () => {
    expect(previewUnreviewed({ PREVIEW_UNREVIEWED: '1' }, true)).toBe(true);
    expect(previewUnreviewed({ PREVIEW_UNREVIEWED: '1' }, false)).toBe(false);
    expect(previewUnreviewed({}, true)).toBe(false);
    expect(previewUnreviewed({ PREVIEW_UNREVIEWED: 'true' }, true)).toBe(false);
  });

  it('shows the Hmong text that waits for review, and marks the entry as a preview', async () => {
    const source = createEmbeddedSource('tests/fixtures/dataset');
    const preview = entry(await loadEntries(source, materials, { preview: true }), 'hmong/fixture-jobcentre-pack');
    expect(preview['title']).toEqual({ value: 'Pob lus qhia chaw nrhiav hauj lwm (sim)', lang: 'hmong' });
    expect(preview['preview']).toBe(true);

    const published = entry(await loadEntries(source, materials), 'hmong/fixture-jobcentre-pack');
    expect(published['title']).toMatchObject({ lang: 'vi' });
    expect(published['preview']).toBe(false);
  });

  it('does not mark reviewed text, or Vietnamese, as a preview', async () => {
    const entries = await loadEntries(createEmbeddedSource('tests/fixtures/dataset'), materials, { preview: true });
    expect(entry(entries, 'thai/fixture-school-pack')['preview']).toBe(false);
    expect(entry(entries, 'vi/fixture-jobcentre-pack')['preview']).toBe(false);
  });

  it('links the Studio to the preview page of each language written but not reviewed', () => {
    const translations = {
      hmong: { status: 'needsReview' },
      dao: { status: 'draft' },
      thai: { status: 'missing' },
      en: { status: 'reviewed' },
    };
    expect(reviewPreviewUrls('http://localhost:4321', 'viec-lam-gia', translations).map(({ url }) => url)).toEqual([
      'http://localhost:4321/hmong/materials/viec-lam-gia/',
      'http://localhost:4321/dao/materials/viec-lam-gia/',
    ]);
    expect(reviewPreviewUrls('http://localhost:4321', undefined, translations)).toEqual([]);
    expect(reviewPreviewUrls('http://localhost:4321', 'viec-lam-gia', undefined)).toEqual([]);
  });
});
