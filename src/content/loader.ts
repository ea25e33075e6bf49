/**
 * The Astro content-layer loader: runs a query on the configured source, checks every document,
 * and stores one entry per document and language (`<lang>/<id>`), fallback applied.
 */
import type { Loader } from 'astro/loaders';
import type { z } from 'zod';
import { localePaths, type LocalePath } from '../i18n/locales.ts';
import { checkDocuments } from './documents.ts';
import { createContentSource, type ContentSource } from './source.ts';

let sharedSource: ContentSource | undefined;

/** One source for every collection of a build, so the dataset is read once. */
function source(): ContentSource {
  sharedSource ??= createContentSource();
  return sharedSource;
}

interface LoaderOptions<D> {
  /** The collection's GROQ query, from queries.ts. */
  query: string;
  /** The zod schema every returned document must pass. */
  schema: z.ZodType<D>;
  /** The entry id within a language, e.g. the slug. */
  id: (document: D) => string;
  /** The entry data for one language. */
  toEntry: (document: D, lang: LocalePath, source: ContentSource) => Record<string, unknown>;
}

export function groqLoader<D>(options: LoaderOptions<D>): Loader {
  return {
    name: 'groq-loader',
    async load({ store, parseData, logger, collection }) {
      const content = source();
      const result = await content.fetch<unknown>(options.query);
      const documents = checkDocuments(options.schema, result == null ? [] : Array.isArray(result) ? result : [result]);
      store.clear();
      for (const document of documents) {
        for (const lang of localePaths) {
          const id = `${lang}/${options.id(document)}`;
          const data = await parseData({ id, data: options.toEntry(document, lang, content) });
          store.set({ id, data });
        }
      }
      logger.info(`${collection}: ${documents.length} documents × ${localePaths.length} languages from ${content.description}`);
    },
  };
}
