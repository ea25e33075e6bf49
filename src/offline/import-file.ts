/**
 * "Add a pack from a file": keeps a pack file (src/offline/pack-file.ts) that reached the device
 * by Zalo, Bluetooth or an SD card as a saved pack, checked against its own header and hash
 * first. The copy serves the pack page and its present view (the file holds both) and is marked
 * "from a file, not yet checked" until the app, online, finds its version in the published index
 * (src/offline/refresh.ts); a different version there is refreshed like any saved pack.
 */
import { metaPath, packCacheName, type SavedPackMeta } from './cache-names.ts';
import { exclusive, sha256 } from './integrity.ts';
import { splitPackFile } from './pack-file.ts';
import { canSave, copiesOf } from './saved.ts';

/** Why a file was refused, for a message in the teacher's language. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(readonly reason: 'notPack' | 'altered' | 'unsupported') {
    super(reason);
  }
}

/** Files larger than this are no pack (a pack file is about 1 MB without narration). */
const largestPack = 60_000_000;

/**
 * Checks a file and keeps it as a saved pack, replacing any other copy of that pack once the
 * new one is written; resolves to its description. `languages` are the site's language paths.
 * Example: `await importPackFile(input.files[0], ['vi', 'hmong'])`.
 */
export async function importPackFile(file: Blob, languages: readonly string[]): Promise<SavedPackMeta> {
  if (!canSave()) throw new ImportError('unsupported');
  if (file.size > largestPack) throw new ImportError('notPack');
  const text = await file.text();
  const parsed = splitPackFile(text);
  if (!parsed || !languages.includes(parsed.header.lang)) throw new ImportError('notPack');
  const { header, body } = parsed;
  if ((await sha256(new Blob([body]))) !== header.hash) throw new ImportError('altered');
  const url = `/${header.lang}/materials/${header.slug}/`;
  const meta: SavedPackMeta = {
    lang: header.lang,
    slug: header.slug,
    title: header.title,
    url,
    bytes: new Blob([text]).size,
    files: 1,
    savedAt: new Date().toISOString(),
    version: header.version,
    fromFile: true,
  };
  await exclusive(async () => {
    const cacheName = packCacheName(header.lang, header.slug, header.version);
    const older = (await copiesOf(header.lang, header.slug)).filter((name) => name !== cacheName);
    const cache = await caches.open(cacheName);
    const page = () => new Response(text, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    await cache.put(url, page());
    await cache.put(`${url}present/`, page());
    await cache.put(metaPath, new Response(JSON.stringify(meta), { headers: { 'Content-Type': 'application/json' } }));
    for (const name of older) await caches.delete(name);
  });
  return meta;
}
