/**
 * Which files of a Pagefind bundle searching in one language needs, so that a saved language
 * can be searched offline. Pure: it works on the bundle's file list and `pagefind-entry.json`.
 *
 * How Pagefind 1.6 lays out a bundle and picks a language (read from its `pagefind.js`):
 * - It keys each language by the lowercased `<html lang>`: `hmn-Latn-VN` → `hmn-latn-vn`,
 *   `ium-Latn-VN` → `ium-latn-vn`, `blt-Tavt-VN` → `blt-tavt-vn`.
 * - The search page's own `<html lang>`, lowercased, picks the index: the exact key, else the
 *   part before the first `-`, else the language with the most pages (`findIndex`).
 * - `pagefind-entry.json` gives that language's meta file (`pagefind.<hash>.pf_meta`) and its
 *   WebAssembly (`wasm.<wasm>.pagefind`, or `wasm.unknown.pagefind` when `wasm` is null:
 *   Pagefind has a stemmer for `en`, none for `vi` or the minority languages).
 * - Index chunks, fragments (or fragment groups) and filter chunks are named `<key>_<hash>`
 *   under `index/`, `fragment/` and `filter/`; keys never contain `_`.
 * - `pagefind.js` runs the search in `pagefind-worker.js` (and on the main thread if the worker
 *   fails), so both scripts are needed.
 */

/** The fields of `pagefind-entry.json` used here. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

/** One file of the bundle: its path inside the bundle folder (`/`-separated) and its size. */
export interface BundleFile {
  path: string;
  bytes: number;
}

/** What searching one language offline needs: URLs to cache and their total size. */
export interface OfflineFiles {
  /** Pagefind's key of the index the language uses, e.g. `hmn-latn-vn`. */
  language: string;
  files: string[];
  bytes: number;
}

/**
 * The Pagefind language key a page with `<html lang={tag}>` searches, as `pagefind.js` picks it.
 * Example: `pagefindLanguage(entry, 'hmn-Latn-VN')` is `'hmn-latn-vn'`.
 */
export function pagefindLanguage(entry: PagefindEntry, tag: string): string | undefined {
  const wanted = tag.toLowerCase();
  const primary = wanted.split('-')[0] ?? wanted;
  if (entry.languages[wanted]) return wanted;
  if (entry.languages[primary]) return primary;
  // Pagefind's last resort: the language with the most pages (a stable sort keeps entry order).
  return Object.entries(entry.languages).sort(([, a], [, b]) => b.page_count - a.page_count)[0]?.[0];
}

const shared = ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json'];
const chunkFolders = ['index/', 'fragment/', 'filter/'];

/**
 * The files a search page with `<html lang={tag}>` loads, as URLs under `base`, and their total
 * size. Throws when the bundle lacks a file Pagefind would load: a Pagefind upgrade that renames
 * its files must fail the build, not silently break offline search.
 */
export function offlineFiles(
  entry: PagefindEntry,
  bundle: readonly BundleFile[],
  tag: string,
  base = '/pagefind/',
): OfflineFiles {
  const language = pagefindLanguage(entry, tag);
  const index = language === undefined ? undefined : entry.languages[language];
  if (language === undefined || !index)
    throw new Error(`Pagefind wrote no index at all, so "${tag}" cannot be searched`);
  const sizes = new Map(bundle.map((file) => [file.path, file.bytes]));
  const required = [...shared, `pagefind.${index.hash}.pf_meta`, `wasm.${index.wasm ?? 'unknown'}.pagefind`];
  const missing = required.filter((path) => !sizes.has(path));
  if (missing.length > 0) throw new Error(`The Pagefind bundle lacks ${missing.join(', ')} needed to search "${tag}"`);
  const chunks = bundle
    .map((file) => file.path)
    .filter((path) => chunkFolders.some((folder) => path.startsWith(`${folder}${language}_`)))
    .sort();
  const paths = [...required, ...chunks];
  return {
    language,
    files: paths.map((path) => `${base}${path}`),
    bytes: paths.reduce((total, path) => total + (sizes.get(path) ?? 0), 0),
  };
}
