/**
 * Between a hosted asset reference and the export format's file path. Sanity's asset ids carry
 * the file's hash, size and extension (`image-<sha1>-800x600-png`); the export names the file
 * after them (`images/<sha1>-800x600.png`), as `sanity dataset export` does.
 */

export type AssetKind = 'image' | 'file';

/**
 * The export path of an asset id, or undefined for an id that is not an asset's.
 *
 * @example
 * exportAssetPath('image-a1b2-800x600-png'); // { kind: 'image', path: 'images/a1b2-800x600.png' }
 */
export function exportAssetPath(assetId: string): { kind: AssetKind; path: string } | undefined {
  const match = /^(image|file)-([A-Za-z0-9-]+)-([a-z0-9]+)$/.exec(assetId);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  const kind = match[1] as AssetKind;
  return { kind, path: `${kind === 'image' ? 'images' : 'files'}/${match[2]}.${match[3]}` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of `value` in which every object with an asset reference is rewritten by `replace`
 * (which gets the object and the referenced id, and returns the new object).
 */
export function mapAssetObjects(
  value: unknown,
  replace: (object: Record<string, unknown>, ref: string) => Record<string, unknown>,
): unknown {
  if (Array.isArray(value)) return value.map((item) => mapAssetObjects(item, replace));
  if (!isRecord(value)) return value;
  const mapped = Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, mapAssetObjects(child, replace)]),
  );
  const asset = value['asset'];
  if (isRecord(asset) && typeof asset['_ref'] === 'string' && /^(image|file)-/.test(asset['_ref'])) {
    return replace(mapped, asset['_ref']);
  }
  return mapped;
}

/** A copy of `value` in which every `_sanityAsset` object is rewritten by `replace`. */
export function mapExportAssets(
  value: unknown,
  replace: (object: Record<string, unknown>, sanityAsset: string) => Record<string, unknown>,
): unknown {
  if (Array.isArray(value)) return value.map((item) => mapExportAssets(item, replace));
  if (!isRecord(value)) return value;
  const mapped = Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, mapExportAssets(child, replace)]),
  );
  return typeof value['_sanityAsset'] === 'string' ? replace(mapped, value['_sanityAsset']) : mapped;
}
