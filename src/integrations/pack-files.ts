/**
 * One self-contained HTML file per pack and language (issue 16): the standalone deck that
 * `/<lang>/materials/<slug>/file/` renders, with its styles, scripts, the Tai Viet font where the
 * text needs it, downscaled images and the narration inlined as data URLs, and a policy that
 * forbids every request. Written next to the pack page as `<slug>-<lang>.html` (never precached),
 * with the header of src/offline/pack-file.ts; the pack page shows its size.
 *
 * Two steps around the offline lists: `preparePackFiles` builds the bodies and writes each size
 * into its pack page (the page is part of the pack's content version, so before the lists), and
 * `finishPackFiles` writes each file with the version its `offline.json` got.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import sharp from 'sharp';
import { decodeHtmlText } from '../content/html-text.ts';
import { packFileName, sizePlaceholder, withHeader, type PackFileHeader } from '../offline/pack-file.ts';
import { formatMegabytes } from '../offline/strings.ts';
import { getLocale, sourceLocale } from '../i18n/locales.ts';

/** Images are shown at most this wide in the file: a phone screen or a projector's half. */
const imageWidth = 720;
const imageQuality = 55;

/** Tai Viet (U+AA80–U+AADF): only a page with such text carries the Tai Viet font. */
const taiViet = /[\uAA80-\uAADF]/;

export interface PreparedPackFile {
  lang: string;
  slug: string;
  title: string;
  body: string;
}

const mimeTypes: Record<string, string> = {
  webp: 'image/webp',
  avif: 'image/avif',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  svg: 'image/svg+xml',
  gif: 'image/gif',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  m4a: 'audio/mp4',
  woff2: 'font/woff2',
  woff: 'font/woff',
};

const dataUrl = (bytes: Buffer, type: string) => `data:${type};base64,${bytes.toString('base64')}`;
const extension = (url: string) => /\.([a-z0-9]+)$/i.exec(url.split('?')[0]!)?.[1]?.toLowerCase() ?? '';
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const withoutAttribute = (tag: string, name: string) => tag.replace(new RegExp(`\\s${name}="[^"]*"`), '');

/** The built file behind a same-origin URL; an error names the URL when the build lacks it. */
function builtFile(client: string, url: string): string {
  const file = join(client, decodeURI(url.split('?')[0]!.replaceAll('&amp;', '&')));
  if (!url.startsWith('/') || url.startsWith('//') || !existsSync(file))
    throw new Error(`pack file: ${url} is not a file of the build`);
  return file;
}

const downscaled = new Map<string, Promise<string>>();

/** The largest variant of an image, downscaled and re-encoded once for every file that shows it. */
function imageData(client: string, url: string): Promise<string> {
  let data = downscaled.get(url);
  if (!data) {
    const source = readFileSync(builtFile(client, url));
    data =
      extension(url) === 'svg'
        ? Promise.resolve(dataUrl(source, mimeTypes['svg']!))
        : sharp(source)
            .resize({ width: imageWidth, withoutEnlargement: true })
            .webp({ quality: imageQuality })
            .toBuffer()
            .then((bytes) => dataUrl(bytes, 'image/webp'));
    downscaled.set(url, data);
  }
  return data;
}

/** The widest candidate of an `<img>` (its srcset, else its src). */
function widestSource(tag: string): string {
  const candidates = (attribute(tag, 'srcset') ?? '')
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/))
    .filter(([url]) => url);
  const widest = candidates.sort((a, b) => Number.parseInt(b[1] ?? '0') - Number.parseInt(a[1] ?? '0'))[0]?.[0];
  return (widest ?? attribute(tag, 'src') ?? '').replaceAll('&amp;', '&');
}

/** A stylesheet with its `url()`s inlined; the Tai Viet faces are dropped when the text has none. */
function inlineCss(client: string, css: string, needsTaiViet: boolean): string {
  return css
    .replace(/@font-face\s*\{[^}]*\}/g, (face) => {
      if (/tai-viet/i.test(face) && !needsTaiViet) return '';
      // woff2 only: every browser that runs the deck reads it, and a second format would double the bytes.
      const woff2 = /url\(([^)]+\.woff2)\)/.exec(face)?.[1];
      return woff2
        ? face.replace(
            /src:[^;}]*/,
            `src:url(${dataUrl(readFileSync(builtFile(client, woff2)), 'font/woff2')}) format("woff2")`,
          )
        : face;
    })
    .replace(
      /url\((\/[^)]+)\)/g,
      (_, url: string) =>
        `url(${dataUrl(readFileSync(builtFile(client, url)), mimeTypes[extension(url)] ?? 'application/octet-stream')})`,
    );
}

/** A module script and what it imports, as one classic script (file:// refuses module files). */
function bundledScript(client: string, url: string): string {
  const result = buildSync({
    entryPoints: [builtFile(client, url)],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'es2020',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text.replaceAll('</script', '<\\/script');
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The standalone deck's HTML with everything inlined; from `<html` on (the header goes before).
 * Throws when a request would remain, naming it.
 */
export async function inlinePackPage(client: string, html: string): Promise<string> {
  const needsTaiViet = taiViet.test(html);
  let page = html.replace(/^<!doctype html>/i, '').replace(/<link[^>]+rel="icon"[^>]*>/g, '');
  page = page.replace(
    /<link[^>]+rel="stylesheet"[^>]*>/g,
    (tag) =>
      `<style>${inlineCss(client, readFileSync(builtFile(client, attribute(tag, 'href') ?? ''), 'utf8'), needsTaiViet)}</style>`,
  );
  page = page.replace(/<link[^>]+rel="(?:modulepreload|preload)"[^>]*>/g, '');
  page = page.replace(
    /<script([^>]*)\ssrc="([^"]+)"([^>]*)><\/script>/g,
    (_, _before: string, url: string) => `<script>${bundledScript(client, url)}</script>`,
  );
  const images = [...page.matchAll(/<img\s[^>]*>/g)].map((match) => match[0]);
  const sources = await Promise.all(images.map((tag) => imageData(client, widestSource(tag))));
  images.forEach((tag, index) => {
    // The bytes are in the file already: nothing to load lazily, and no variant to choose.
    const inlined = ['srcset', 'sizes', 'src', 'loading']
      .reduce(withoutAttribute, tag)
      .replace(/^<img/, `<img src="${sources[index] ?? ''}"`);
    page = page.replace(tag, () => inlined);
  });
  page = page.replace(
    /<(audio|source|video)(\s[^>]*?)\ssrc="(\/[^"]+)"/g,
    (_, element: string, before: string, url: string) =>
      `<${element}${before} src="${dataUrl(readFileSync(builtFile(client, url)), mimeTypes[extension(url)] ?? 'application/octet-stream')}"`,
  );
  const left = /\s(?:src|srcset|poster|href)="(\/[^"]*)"|url\((\/[^)]*)\)/.exec(page.replace(/<a\s[^>]*>/g, ''));
  if (left) throw new Error(`pack file: ${left[1] ?? left[2] ?? ''} would need the network`);
  // The policy forbids any request at all, so a file that reached a phone cannot call home or
  // load anything; its own scripts are allowed by hash.
  const scripts = [...page.matchAll(/<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/g)].map((match) => sha256(match[1]!));
  const policy = `default-src 'none'; img-src data:; media-src data:; font-src data:; style-src 'unsafe-inline'; script-src ${scripts.join(' ') || "'none'"}; base-uri 'none'; form-action 'none'`;
  return page.replace(
    /<meta charset="utf-8">/i,
    (charset) => `${charset}<meta http-equiv="content-security-policy" content="${policy}">`,
  );
}

/** The pack page's title: its heading as plain text. */
function packTitle(pageHtml: string, slug: string): string {
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(pageHtml)?.[1];
  return heading ? decodeHtmlText(heading) : slug;
}

/** The size the whole file will have: the header's length does not depend on the version or hash. */
const fileBytes = (prepared: PreparedPackFile) =>
  Buffer.byteLength(
    withHeader(
      {
        format: 1,
        lang: prepared.lang,
        slug: prepared.slug,
        title: prepared.title,
        version: '0'.repeat(16),
        hash: '0'.repeat(64),
      },
      prepared.body,
    ),
  );

/**
 * Builds the body of every pack file from the standalone pages (and removes those pages, which
 * are not published), and writes each file's size into its pack page in the page's locale.
 */
export async function preparePackFiles(client: string, languages: readonly string[]): Promise<PreparedPackFile[]> {
  const prepared: PreparedPackFile[] = [];
  for (const lang of languages) {
    const materials = join(client, lang, 'materials');
    if (!existsSync(materials)) continue;
    for (const slug of readdirSync(materials)) {
      const standalone = join(materials, slug, 'file', 'index.html');
      if (!existsSync(standalone)) continue;
      const body = await inlinePackPage(client, readFileSync(standalone, 'utf8'));
      rmSync(join(materials, slug, 'file'), { recursive: true });
      const page = join(materials, slug, 'index.html');
      if (!existsSync(page)) continue;
      const html = readFileSync(page, 'utf8');
      const pack = { lang, slug, title: packTitle(html, slug), body };
      const locale = /data-format-locale="([^"]+)"/.exec(html)?.[1] ?? getLocale(sourceLocale).formatLocale;
      writeFileSync(page, html.replaceAll(sizePlaceholder, formatMegabytes(locale, fileBytes(pack))));
      prepared.push(pack);
    }
  }
  return prepared;
}

/** Writes each file with its header: the content version its `offline.json` got, and the hash. */
export function finishPackFiles(
  client: string,
  prepared: readonly PreparedPackFile[],
): { lang: string; slug: string; bytes: number }[] {
  return prepared.map(({ lang, slug, title, body }) => {
    const folder = join(client, lang, 'materials', slug);
    const version = (JSON.parse(readFileSync(join(folder, 'offline.json'), 'utf8')) as { version: string }).version;
    const header: PackFileHeader = {
      format: 1,
      lang,
      slug,
      title,
      version,
      hash: createHash('sha256').update(body).digest('hex'),
    };
    const text = withHeader(header, body);
    writeFileSync(join(folder, packFileName(lang, slug)), text);
    return { lang, slug, bytes: Buffer.byteLength(text) };
  });
}
