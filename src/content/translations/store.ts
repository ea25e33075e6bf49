/**
 * Where the import writes: the content source the build reads. The embedded dataset (or
 * `CONTENT_DATASET_DIR`) is rewritten in place, line for line; a Sanity project gets one
 * transaction of `set` patches (each translated field and the language's status).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { SanityClient } from '@sanity/client';
import { allDocumentsQuery } from '../queries.ts';
import { readDataset } from '../sources/embedded.ts';
import type { DocumentChange } from './roundTrip.ts';
import { sanityPath } from './units.ts';

type Doc = Record<string, unknown>;

export interface TranslationStore {
  readonly description: string;
  /** The published documents. */
  documents(): Promise<Doc[]>;
  /** Writes the changes for `lang`. */
  write(changes: readonly DocumentChange[], lang: string): Promise<void>;
}

/** An export folder's `data.ndjson`, changed documents replaced on their own lines. */
export function datasetStore(folder: string): TranslationStore {
  const root = isAbsolute(folder) ? folder : resolve(process.cwd(), folder);
  const file = join(root, 'data.ndjson');
  return {
    description: `embedded dataset ${relative(process.cwd(), root) || '.'}`,
    documents: async () => readDataset(file).filter((doc) => !String(doc['_id']).startsWith('drafts.')),
    async write(changes) {
      const replaced = new Map(changes.map((change) => [String(change.document['_id']), change.document]));
      const lines = readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => {
          if (line.trim() === '') return line;
          const id = String((JSON.parse(line) as Doc)['_id']);
          return replaced.has(id) ? JSON.stringify(replaced.get(id)) : line;
        });
      // Written beside and renamed: an interrupted import never leaves half a dataset.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, lines.join('\n'));
      renameSync(temporary, file);
    },
  };
}

/** A Sanity project through a client with write rights. */
export function sanityStore(client: SanityClient, description: string): TranslationStore {
  return {
    description,
    documents: () => client.fetch<Doc[]>(allDocumentsQuery),
    async write(changes, lang) {
      const transaction = client.transaction();
      for (const change of changes) {
        const set: Record<string, unknown> = {
          [`translations.${lang}`]: { _type: 'translationStatus', status: 'needsReview' },
        };
        for (const field of change.fields) set[`${sanityPath(field.steps)}.${lang}`] = field.value;
        transaction.patch(String(change.document['_id']), (patch) => patch.set(set));
      }
      await transaction.commit();
    },
  };
}
