import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packManifest, referencedUrls, withImports } from '../../src/integrations/offline-manifests.ts';

describe('what saving a pack fetches', () => {
  it('takes every srcset candidate, sources, audio, stylesheets and island scripts, and leaves other sites out', () => {
    const html = `<link rel="stylesheet" href="/_astro/Base.css"><link rel="alternate" href="http://x/en/">
      <img src="/_astro/a_720.webp" srcset="/_astro/a_360.webp 360w, /_astro/a_720.webp 720w, https://cdn.sanity.io/x.jpg 1080w">
      <audio src="/media/files/slide-1-vi.mp3"></audio><script type="module" src="/_astro/save.js"></script>
      <astro-island uid="x" component-url="/_astro/LogApp.js" component-export="default" renderer-url="/_astro/client.js"></astro-island>
      <img src="//evil.example/x.png"><a href="/vi/help/">help</a>`;
    expect(referencedUrls(html).sort()).toEqual(['/_astro/Base.css', '/_astro/LogApp.js', '/_astro/a_360.webp', '/_astro/a_720.webp', '/_astro/client.js', '/_astro/save.js', '/media/files/slide-1-vi.mp3']);
  });

  it('lists the pack page, its present view and their files with sizes, audio counted apart', () => {
    const client = mkdtempSync(join(tmpdir(), 'client-'));
    const pack = join(client, 'vi/materials/p');
    mkdirSync(join(pack, 'present'), { recursive: true });
    mkdirSync(join(client, '_astro'));
    mkdirSync(join(client, 'media/files'), { recursive: true });
    writeFileSync(join(pack, 'index.html'), '<h1><span>Tiêu đề</span></h1><img src="/_astro/a.webp"><audio src="/media/files/a.mp3"></audio><img src="/_astro/missing.webp">');
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
    writeFileSync(join(client, '_astro/entry.js'), 'import{a}from"./save.js";import"./strings.js";const l=()=>import("./lazy.js");const r=async()=>await import(`./rescue.js`);');
    writeFileSync(join(client, '_astro/rescue.js'), 'export const c=3;');
    writeFileSync(join(client, '_astro/save.js'), 'import{b}from"./strings.js";export const a=1;');
    writeFileSync(join(client, '_astro/strings.js'), 'export const b=2;');
    writeFileSync(join(client, '_astro/lazy.js'), 'import"./save.js";');
    expect(withImports(client, ['/_astro/entry.js', '/_astro/Base.css']).sort()).toEqual(['/_astro/Base.css', '/_astro/entry.js', '/_astro/lazy.js', '/_astro/rescue.js', '/_astro/save.js', '/_astro/strings.js']);
  });
});
