/**
 * The Astro content-layer loader: runs a query on the configured source, checks every document,
 * and stores one entry per document and language (`<lang>/<id>`), fallback applied.
 */
import type { Loader } from 'astro/loaders';
import type { z } from 'zod';
import { localePaths, type LocalePath } from '../i18n/locales.ts';
import { checkDocuments } from './documents.ts';
import type { EntryContext } from './entries.ts';
import { asksForPreview, previewUnreviewed, previewVariable } from './preview.ts';
import { createContentSource, type ContentSource } from './source.ts';

let sharedSource: ContentSource | undefined;

/** One source for every collection of a build, so the dataset is read once. */
function source(): ContentSource {
  sharedSource ??= createContentSource();
  return sharedSource;
}

export interface EntryOptions<D> {
  /** The collection's GROQ query, from queries.ts. */
  query: string;
  /** The zod schema every returned document must pass. */
  schema: z.ZodType<D>;
  /** The entry id within a language, e.g. the slug. */
  id: (document: D) => string;
  /** The entry data for one language. */
  toEntry: (document: D, lang: LocalePath, context: EntryContext) => object;
}

/**
 * Queries, checks and localizes: one `{ id: '<lang>/<id>', data }` per document and language.
 * Throws a ContentError or DatasetError naming the document and field, or the file line.
 */
export async function loadEntries<D>(content: ContentSource, options: EntryOptions<D>, { preview = false } = {}) {
  const result = await content.fetch(options.query);
  const documents = checkDocuments(options.schema, result == null ? [] : Array.isArray(result) ? result : [result]);
  const context: EntryContext = { source: content, preview };
  return documents.flatMap((document) =>
    localePaths.map((lang) => ({
      id: `${lang}/${options.id(document)}`,
      data: options.toEntry(document, lang, context) as Record<string, unknown>,
    })),
  );
}

export function groqLoader<D>(options: EntryOptions<D>): Loader {
  return {
    name: 'groq-loader',
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Astro hands parseData over as a plain function, to be destructured as its docs do
    async load({ store, parseData, logger, collection }) {
      const content = source();
      const preview = previewUnreviewed(process.env, import.meta.env.DEV);
      if (asksForPreview(process.env) && !preview)
        logger.warn(`${previewVariable} is ignored by a build: only \`npm run dev\` shows unreviewed text`);
      if (preview)
        logger.warn(`${previewVariable}=1: showing unreviewed translations, under a "not reviewed: preview" banner`);
      const entries = await loadEntries(content, options, { preview });
      store.clear();
      for (const { id, data } of entries) store.set({ id, data: await parseData({ id, data }) });
      logger.info(
        `${collection}: ${entries.length} entries (${localePaths.length} languages) from ${content.description}`,
      );
    },
  };
}
