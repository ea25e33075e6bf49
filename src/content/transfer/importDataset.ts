/**
 * `npm run content:import`: loads an export folder into a project. Files are uploaded first and
 * the documents then point at the uploaded assets; documents are written with createOrReplace,
 * so running it twice gives the same content, not duplicates.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { SanityClient } from '@sanity/client';
import { readDataset } from '../sources/embedded.ts';
import { mapExportAssets } from './assets.ts';

export interface ImportSummary {
  readonly documents: number;
  readonly assets: number;
}

/** Documents per transaction: well under the API's limits, few round trips for a small project. */
const batchSize = 100;

const exportPath = (sanityAsset: string) => /^(image|file)@file:\/\/\.\/((?:images|files)\/[^/]+)$/.exec(sanityAsset);

function hasReferences(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasReferences);
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return record['_type'] === 'reference' || Object.values(record).some(hasReferences);
}

export async function importDataset(
  client: SanityClient,
  folder: string,
  log: (line: string) => void = console.log,
): Promise<ImportSummary> {
  const documents = readDataset(join(folder, 'data.ndjson'));

  const uploaded = new Map<string, string>(); // `_sanityAsset` → asset id
  for (const document of documents) {
    mapExportAssets(document, (object, sanityAsset) => {
      uploaded.set(sanityAsset, '');
      return object;
    });
  }
  for (const sanityAsset of uploaded.keys()) {
    const match = exportPath(sanityAsset);
    if (!match?.[1] || !match[2])
      throw new Error(`"${sanityAsset}" is not an export asset path; run npm run content:check.`);
    const kind = match[1] === 'image' ? 'image' : 'file';
    const asset = await client.assets.upload(kind, readFileSync(join(folder, match[2])), {
      filename: basename(match[2]),
    });
    uploaded.set(sanityAsset, asset._id);
    log(`uploaded ${match[2]}`);
  }

  const linked = documents.map(
    (document) =>
      mapExportAssets(document, (object, sanityAsset) => {
        const { _sanityAsset: _path, ...rest } = object;
        return { ...rest, asset: { _type: 'reference', _ref: uploaded.get(sanityAsset) } };
      }) as Record<string, unknown> & { _id: string; _type: string },
  );
  // Documents that others refer to (topics, help contacts) go first, so that a reference never
  // points at a document a later transaction has yet to create.
  const ordered = [...linked.filter((d) => !hasReferences(d)), ...linked.filter((d) => hasReferences(d))];
  for (let start = 0; start < ordered.length; start += batchSize) {
    const transaction = client.transaction();
    for (const document of ordered.slice(start, start + batchSize)) transaction.createOrReplace(document);
    await transaction.commit();
  }
  return { documents: ordered.length, assets: uploaded.size };
}
