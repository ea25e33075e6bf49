import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtmlText } from '../../src/content/html-text.ts';
import {
  contentVersion,
  packManifest,
  referencedUrls,
  withImports,
  writeOfflineManifests,
  type OfflineVersionIndex,
  type PackOfflineManifest,
} from '../../src/integrations/offline-manifests.ts';

describe('what saving a pack fetches', () => {
  it('takes every srcset candidate, sources, audio, stylesheets and island scripts, and leaves other sites out', () => {
    const html = `<link rel="stylesheet" href="/_astro/Base.css"><link rel="alternate" href="http://x/en/">
      <img src="/_astro/a_720.webp" srcset="/_astro/a_360.webp 360w, /_astro/a_720.webp 720w, https://cdn.sanity.io/x.jpg 1080w">
      <audio src="/media/files/slide-1-vi.mp3"></audio><script type="module" src="/_astro/save.js"></script>
      <astro-island uid="x" component-url="/_astro/LogApp.js" component-export="default" renderer-url="/_astro/client.js"></astro-island>
      <img src="//evil.example/x.png"><a href="/vi/help/">help</a>`;
    expect(referencedUrls(html).sort()).toEqual([
      '/_astro/Base.css',
      '/_astro/LogApp.js',
      '/_astro/a_360.webp',
      '/_astro/a_720.webp',
      '/_astro/client.js',
      '/_astro/save.js',
      '/media/files/slide-1-vi.mp3',
    ]);
  });

  it('lists the pack page, its present view and their files with sizes, audio counted apart', () => {
    const client = mkdtempSync(join(tmpdir(), 'client-'));
    const pack = join(client, 'vi/materials/p');
    mkdirSync(join(pack, 'present'), { recursive: true });
    mkdirSync(join(client, '_astro'));
    mkdirSync(join(client, 'media/files'), { recursive: true });
    writeFileSync(
      join(pack, 'index.html'),
      '<h1><span>Tiêu đề</span></h1><img src="/_astro/a.webp"><audio src="/media/files/a.mp3"></audio><img src="/_astro/missing.webp">',
    );
    writeFileSync(join(pack, 'present/index.html'), '<img src="/_astro/a.webp">');
    writeFileSync(join(client, '_astro/a.webp'), 'x'.repeat(100));
    writeFileSync(join(client, 'media/files/a.mp3'), 'y'.repeat(50));
    const manifest = packManifest(client, 'vi', 'p');
    expect(manifest.title).toBe('Tiêu đề');
    expect(manifest.files.map((file) => [file.url, file.kind])).toEqual([
      ['/vi/materials/p/', 'page'],
      ['/vi/materials/p/present/', 'page'],
      ['/_astro/a.webp', 'image'],
      ['/media/files/a.mp3', 'audio'],
    ]);
    expect(manifest.audioBytes).toBe(50);
    expect(manifest.bytes).toBe(manifest.files.reduce((sum, file) => sum + file.bytes, 0));
  });
});

describe('the scripts a page needs offline', () => {
  it('follows static and dynamic imports between built chunks, once each', () => {
    const client = mkdtempSync(join(tmpdir(), 'chunks-'));
    mkdirSync(join(client, '_astro'));
    writeFileSync(
      join(client, '_astro/entry.js'),
      'import{a}from"./save.js";import"./strings.js";const l=()=>import("./lazy.js");const r=async()=>await import(`./rescue.js`);',
    );
    writeFileSync(join(client, '_astro/rescue.js'), 'export const c=3;');
    writeFileSync(join(client, '_astro/save.js'), 'import{b}from"./strings.js";export const a=1;');
    writeFileSync(join(client, '_astro/strings.js'), 'export const b=2;');
    writeFileSync(join(client, '_astro/lazy.js'), 'import"./save.js";');
    expect(withImports(client, ['/_astro/entry.js', '/_astro/Base.css']).sort()).toEqual([
      '/_astro/Base.css',
      '/_astro/entry.js',
      '/_astro/lazy.js',
      '/_astro/rescue.js',
      '/_astro/save.js',
      '/_astro/strings.js',
    ]);
  });
});

/** A built site in miniature: two packs in two languages sharing a stylesheet, each with an image. */
function builtSite(): string {
  const client = mkdtempSync(join(tmpdir(), 'site-'));
  mkdirSync(join(client, '_astro'));
  writeFileSync(join(client, '_astro/Base.css'), 'body{}');
  for (const lang of ['vi', 'en']) {
    for (const slug of ['jobs', 'school']) {
      const pack = join(client, lang, 'materials', slug);
      mkdirSync(join(pack, 'present'), { recursive: true });
      writeFileSync(join(client, '_astro', `${slug}.webp`), `image of ${slug}`);
      const page = `<link rel="stylesheet" href="/_astro/Base.css"><h1>${slug} &amp; more</h1><div data-save-offline data-slug="${slug}"></div><img src="/_astro/${slug}.webp"><p>Slide 1 (${lang})</p>`;
      writeFileSync(join(pack, 'index.html'), page);
      writeFileSync(join(pack, 'present/index.html'), page);
    }
  }
  return client;
}

const versionIndex = (client: string) =>
  JSON.parse(readFileSync(join(client, 'offline-versions.json'), 'utf8')) as OfflineVersionIndex;
const manifestOf = (client: string, lang: string, slug: string) =>
  JSON.parse(readFileSync(join(client, lang, 'materials', slug, 'offline.json'), 'utf8')) as PackOfflineManifest;

describe('content versions', () => {
  it('are the same for two identical builds, and change only for the pack and language whose slide changed', () => {
    const first = builtSite();
    const second = mkdtempSync(join(tmpdir(), 'site-again-'));
    cpSync(first, second, { recursive: true });
    writeOfflineManifests(first, ['vi', 'en']);
    writeOfflineManifests(second, ['vi', 'en']);
    expect(readFileSync(join(second, 'offline-versions.json'), 'utf8')).toBe(
      readFileSync(join(first, 'offline-versions.json'), 'utf8'),
    );
    expect(Object.keys(versionIndex(first).packs).sort()).toEqual(['en/jobs', 'en/school', 'vi/jobs', 'vi/school']);

    const present = join(second, 'en/materials/jobs/present/index.html');
    writeFileSync(present, readFileSync(present, 'utf8').replace('Slide 1 (en)', 'Slide 1, corrected (en)'));
    writeOfflineManifests(second, ['vi', 'en']);
    const before = versionIndex(first).packs;
    const after = versionIndex(second).packs;
    const changed = Object.keys(before).filter((key) => before[key]!.version !== after[key]!.version);
    expect(changed).toEqual(['en/jobs']);
    expect(manifestOf(second, 'en', 'jobs').version).toBe(after['en/jobs']!.version);
  });

  it('list each saved file with its size and SHA-256, and the version is a hash over exactly those', () => {
    const client = builtSite();
    writeOfflineManifests(client, ['vi', 'en']);
    const manifest = manifestOf(client, 'vi', 'school');
    const image = manifest.files.find((file) => file.url === '/_astro/school.webp')!;
    expect(image.bytes).toBe('image of school'.length);
    expect(image.hash).toBe(createHash('sha256').update('image of school').digest('hex'));
    expect(manifest.version).toBe(contentVersion(manifest.files));
    expect(contentVersion(manifest.files.slice(1))).not.toBe(manifest.version);
    expect(contentVersion([...manifest.files].reverse())).toBe(manifest.version);
  });

  it('give titles lifted out of built HTML as plain decoded text', () => {
    const client = builtSite();
    expect(packManifest(client, 'en', 'jobs').title).toBe('jobs & more');
    expect(decodeHtmlText('<span>Việc làm &quot;lương cao&quot; &#39;ở&#39; &#x110;&lt;</span>\n  x')).toBe(
      'Việc làm "lương cao" \'ở\' Đ< x',
    );
    expect(decodeHtmlText('&bogus; &#0;')).toBe('&bogus; &#0;');
  });
});
