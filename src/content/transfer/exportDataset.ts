/**
 * `npm run content:export`: a project's published content as an export folder (data.ndjson,
 * images/, files/), the format the site builds from when no project is configured. Everything is
 * downloaded into a temporary folder first and swapped in at the end, so a failed export leaves
 * the previous dataset whole.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SanityClient } from '@sanity/client';
import { exportQuery } from '../queries.ts';
import { exportAssetPath, mapAssetObjects } from './assets.ts';

export interface ExportSummary {
  readonly documents: number;
  readonly images: number;
  readonly files: number;
}

type Document = Record<string, unknown> & { _id: string; _type: string };

const isAssetDocument = (document: Document) =>
  document._type === 'sanity.imageAsset' || document._type === 'sanity.fileAsset';

async function download(url: string, file: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Downloading ${url} failed: HTTP ${response.status}.`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, new Uint8Array(await response.arrayBuffer()));
}

export async function exportDataset(client: SanityClient, folder: string): Promise<ExportSummary> {
  const all = await client.fetch<Document[]>(exportQuery);
  const assetUrls = new Map(all.filter(isAssetDocument).map((asset) => [asset._id, asset['url']]));
  const documents = all.filter((document) => !isAssetDocument(document) && !document._type.startsWith('system.'));

  mkdirSync(folder, { recursive: true });
  const staging = mkdtempSync(join(folder, '.export-'));
  try {
    const used = new Map<string, string>(); // export path → download URL
    const lines = documents.map((document) => {
      const exported = mapAssetObjects(document, (object, ref) => {
        const target = exportAssetPath(ref);
        const url = assetUrls.get(ref);
        if (!target || typeof url !== 'string')
          throw new Error(`${document._id} refers to asset ${ref}, which the project does not have.`);
        used.set(target.path, url);
        const { asset: _asset, ...rest } = object;
        return { ...rest, _sanityAsset: `${target.kind}@file://./${target.path}` };
      });
      return JSON.stringify(exported);
    });
    for (const [path, url] of used) await download(url, join(staging, path));
    writeFileSync(join(staging, 'data.ndjson'), `${lines.join('\n')}\n`);

    for (const part of ['images', 'files']) {
      rmSync(join(folder, part), { recursive: true, force: true });
      mkdirSync(join(staging, part), { recursive: true });
      renameSync(join(staging, part), join(folder, part));
    }
    renameSync(join(staging, 'data.ndjson'), join(folder, 'data.ndjson'));
    const paths = [...used.keys()];
    return {
      documents: documents.length,
      images: paths.filter((path) => path.startsWith('images/')).length,
      files: paths.filter((path) => path.startsWith('files/')).length,
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
