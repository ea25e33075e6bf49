/** The embedded dataset: a Sanity export folder queried with groq-js. */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { evaluate, parse } from 'groq-js';
import { isPublishedId } from '../published.ts';
import type { ContentSource } from '../source.ts';

/** A problem in the dataset file, naming the line so it can be fixed by hand. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

/**
 * Reads `data.ndjson`: one JSON document per line, blank lines allowed. Throws a DatasetError
 * naming the file and line of the first line that is not a JSON object with `_id` and `_type`.
 */
export function readDataset(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) {
    throw new DatasetError(
      `${file} does not exist: point CONTENT_DATASET_DIR at an export folder, or set SANITY_PROJECT_ID.`,
    );
  }
  const text = readFileSync(file, 'utf8');
  const documents: Record<string, unknown>[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const where = `${file} line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new DatasetError(`${where}: not valid JSON (${(error as Error).message}). Fix or remove the line.`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new DatasetError(`${where}: a line must be one JSON object (a document).`);
    }
    const document = value as Record<string, unknown>;
    if (typeof document['_id'] !== 'string' || typeof document['_type'] !== 'string') {
      throw new DatasetError(`${where}: the document has no string "_id" and "_type".`);
    }
    documents.push(document);
  }
  return documents;
}

/**
 * A source over an export folder (`data.ndjson`, `images/`, `files/`). It answers as Sanity's
 * published perspective does: drafts and release versions in the export never reach the site.
 */
export function createEmbeddedSource(folder: string): ContentSource {
  const root = isAbsolute(folder) ? folder : resolve(process.cwd(), folder);
  const file = join(root, 'data.ndjson');
  let dataset: Record<string, unknown>[] | undefined;
  return {
    description: `embedded dataset ${relative(process.cwd(), root) || '.'}`,
    async fetch<T>(query: string, params: Record<string, unknown> = {}): Promise<T> {
      dataset ??= readDataset(file).filter((document) => isPublishedId(document['_id'] as string));
      const result = await evaluate(parse(query, { params }), { dataset, params });
      return (await result.get()) as T;
    },
    localAssetPath(sanityAsset: string) {
      const match = /^(?:image|file)@file:\/\/\.\/(.+)$/.exec(sanityAsset);
      if (!match?.[1] || match[1].split('/').includes('..')) return undefined;
      return join(root, match[1]);
    },
  };
}
