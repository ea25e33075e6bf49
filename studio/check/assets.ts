/**
 * Asset files of an export. Sanity's export writes an image or file as a `_sanityAsset` path
 * relative to the folder, which `sanity dataset import` (and `content:import`) uploads; a path
 * that points at no file would fail the import halfway, so the check catches it first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetProblem } from './problems.ts';

const assetPattern = /^(image|file)@file:\/\/\.\/((?:images|files)\/[^/]+)$/;

/** Every `_sanityAsset` of a value with its path, e.g. `['slides[0].image', 'image@file://./images/a.png']`. */
export function sanityAssets(value: unknown, path = ''): [path: string, asset: string][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => sanityAssets(item, `${path}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own: [string, string][] = typeof record['_sanityAsset'] === 'string' ? [[path, record['_sanityAsset']]] : [];
  return [
    ...own,
    ...Object.entries(record).flatMap(([key, child]) => sanityAssets(child, path === '' ? key : `${path}.${key}`)),
  ];
}

/** The `images/…` or `files/…` path an asset names, or undefined if it is not one. */
export function assetFile(asset: string): string | undefined {
  return assetPattern.exec(asset)?.[2];
}

/** Problems with the asset files one document names. */
export function checkAssets(folder: string, document: { _id: string }): DatasetProblem[] {
  return sanityAssets(document).flatMap(([field, asset]): DatasetProblem[] => {
    const file = assetFile(asset);
    if (!file) {
      return [
        {
          id: document._id,
          field,
          level: 'error',
          message: `"${asset}" is not an export asset path (image@file://./images/… or file@file://./files/…).`,
        },
      ];
    }
    if (!existsSync(join(folder, file))) {
      return [{ id: document._id, field, level: 'error', message: `the file ${file} is not in the export folder.` }];
    }
    return [];
  });
}
