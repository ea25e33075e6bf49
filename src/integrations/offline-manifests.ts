/**
 * What "save for offline" must fetch for each lesson pack, read from the built HTML so that it
 * lists exactly the files the pages use: the pack page, its present view, their styles and
 * scripts, every image variant and the audio. Written next to each pack as `offline.json`, and
 * per language as `materials/offline.json` for "save every pack in this language".
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtmlText } from '../content/html-text.ts';

/**
 * One file to save, with its size so the progress bar can count megabytes, and its SHA-256 (hex)
 * so the device can check what it downloaded and a refresh can skip files that did not change.
 */
export interface OfflineFile {
  url: string;
  bytes: number;
  hash: string;
  kind: 'page' | 'image' | 'audio' | 'other';
}

/** The `offline.json` of one pack. */
export interface PackOfflineManifest {
  lang: string;
  slug: string;
  title: string;
  url: string;
  /** The content version: a hash over exactly `files` (see contentVersion). */
  version: string;
  files: OfflineFile[];
  bytes: number;
  audioBytes: number;
}

/** The published index of every pack's version (`/offline-versions.json`), keyed `lang/slug`. */
export interface OfflineVersionIndex {
  packs: Record<string, { version: string; bytes: number }>;
}

/** Where the published index of versions is served. */
export const versionIndexPath = 'offline-versions.json';

/** SHA-256 of a built file, hex. */
const hashFile = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * A pack's content version: a hash over the URL, size and hash of each of its files, in URL
 * order, so it changes when any saved byte changes and never when nothing did.
 * Example: `contentVersion([{ url: '/a', bytes: 1, hash: 'ab…' }])` is 16 hex digits.
 */
export function contentVersion(files: readonly Pick<OfflineFile, 'url' | 'bytes' | 'hash'>[]): string {
  const lines = files.map((file) => `${file.url} ${file.bytes} ${file.hash}\n`).sort();
  return createHash('sha256').update(lines.join('')).digest('hex').slice(0, 16);
}

/** A built file's entry: its URL, size, hash and kind. */
export function fileEntry(file: string, url: string, kind: OfflineFile['kind']): OfflineFile {
  return { url, bytes: statSync(file).size, hash: hashFile(file), kind };
}

/**
 * Same-origin URLs a page loads: `src`, `srcset` candidates, stylesheet and preload `href`s,
 * and the component and renderer scripts of an island (`<astro-island component-url=…>`).
 * Example: `<img srcset="/_astro/a_1.webp 360w, /_astro/a_2.webp 720w">` gives both files.
 */
export function referencedUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(
    /\s(?:src|poster|component-url|renderer-url|before-hydration-url)="(\/[^"/][^"]*)"/g,
  ))
    urls.add(match[1]!);
  for (const match of html.matchAll(/\ssrcset="([^"]+)"/g)) {
    for (const candidate of match[1]!.split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url?.startsWith('/') && !url.startsWith('//')) urls.add(url);
    }
  }
  for (const match of html.matchAll(/<link[^>]+rel="(?:stylesheet|modulepreload|preload)"[^>]*>/g)) {
    const href = /href="(\/[^"/][^"]*)"/.exec(match[0])?.[1];
    if (href) urls.add(href);
  }
  return [...urls].map((url) => url.replaceAll('&amp;', '&'));
}

/**
 * The URLs plus every script they import, however deep: built chunks import each other with
 * relative specifiers (`from"./save.x.js"`, `import("./y.js")`, and a dynamic import as a
 * template literal: import(`./z.js`)), which the HTML does not list.
 */
export function withImports(client: string, urls: readonly string[]): string[] {
  const all = new Set(urls);
  const pending = urls.filter((url) => url.endsWith('.js'));
  for (let url = pending.pop(); url; url = pending.pop()) {
    const file = join(client, url);
    if (!existsSync(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(
      /(?:from|import)\s*\(?\s*(["'`])(\.{1,2}\/[^"'`]+\.js)\1/g,
    )) {
      const imported = new URL(match[2]!, `http://site${url}`).pathname;
      if (!all.has(imported)) {
        all.add(imported);
        pending.push(imported);
      }
    }
  }
  return [...all];
}

const kindOf = (url: string): OfflineFile['kind'] =>
  /\.(webp|avif|png|jpe?g|svg|gif)$/i.test(url) ? 'image' : /\.(mp3|ogg|opus|m4a)$/i.test(url) ? 'audio' : 'other';

/** Builds the manifest of one pack from the built client folder. */
export function packManifest(client: string, lang: string, slug: string): PackOfflineManifest {
  const pageUrls = [`/${lang}/materials/${slug}/`, `/${lang}/materials/${slug}/present/`].filter((url) =>
    existsSync(join(client, url, 'index.html')),
  );
  const html = pageUrls.map((url) => readFileSync(join(client, url, 'index.html'), 'utf8'));
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html[0] ?? '')?.[1];
  const title = heading ? decodeHtmlText(heading) : slug;
  const files: OfflineFile[] = pageUrls.map((url) => fileEntry(join(client, url, 'index.html'), url, 'page'));
  for (const url of withImports(client, [...new Set(html.flatMap(referencedUrls))])) {
    const file = join(client, decodeURI(url.split('?')[0]!));
    if (existsSync(file) && statSync(file).isFile()) files.push(fileEntry(file, url, kindOf(url)));
  }
  const sum = (list: OfflineFile[]) => list.reduce((total, file) => total + file.bytes, 0);
  return {
    lang,
    slug,
    title,
    url: pageUrls[0] ?? `/${lang}/materials/${slug}/`,
    version: contentVersion(files),
    files,
    bytes: sum(files),
    audioBytes: sum(files.filter((file) => file.kind === 'audio')),
  };
}

/** The files an app page needs offline: its HTML and what it loads. */
export function pageManifest(client: string, url: string): { files: OfflineFile[]; bytes: number } {
  const html = readFileSync(join(client, url, 'index.html'), 'utf8');
  const files: OfflineFile[] = [fileEntry(join(client, url, 'index.html'), url, 'page')];
  for (const asset of withImports(client, referencedUrls(html))) {
    const file = join(client, asset);
    if (existsSync(file) && statSync(file).isFile()) files.push(fileEntry(file, asset, kindOf(asset)));
  }
  return { files, bytes: files.reduce((total, file) => total + file.bytes, 0) };
}

/** App pages a device keeps for work offline once it needs them (not precached: too heavy for every visitor). */
const appPages = ['log'];

/**
 * Writes every pack's `offline.json`, each language's list and the published index of versions
 * (`/offline-versions.json`); returns how many packs.
 */
export function writeOfflineManifests(client: string, languages: readonly string[]): number {
  let count = 0;
  const index: OfflineVersionIndex = { packs: {} };
  for (const lang of languages) {
    for (const page of appPages) {
      if (existsSync(join(client, lang, page, 'index.html'))) {
        writeFileSync(
          join(client, lang, page, 'offline.json'),
          JSON.stringify(pageManifest(client, `/${lang}/${page}/`)),
        );
      }
    }
    const materials = join(client, lang, 'materials');
    if (!existsSync(materials)) continue;
    const packs: Omit<PackOfflineManifest, 'files'>[] = [];
    for (const slug of readdirSync(materials)) {
      // A pack page is the one that offers to save itself (SaveForOffline with its slug).
      const page = join(materials, slug, 'index.html');
      if (!existsSync(page) || !readFileSync(page, 'utf8').includes(`data-slug="${slug}"`)) continue;
      const manifest = packManifest(client, lang, slug);
      writeFileSync(join(materials, slug, 'offline.json'), JSON.stringify(manifest));
      const { files: _files, ...summary } = manifest;
      packs.push(summary);
      index.packs[`${lang}/${slug}`] = { version: manifest.version, bytes: manifest.bytes };
      count += 1;
    }
    writeFileSync(join(materials, 'offline.json'), JSON.stringify({ lang, packs }));
  }
  writeFileSync(join(client, versionIndexPath), JSON.stringify(index));
  return count;
}
