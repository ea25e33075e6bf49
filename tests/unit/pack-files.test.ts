import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inlinePackPage } from '../../src/integrations/pack-files.ts';

/** A built client folder with a stylesheet (fonts, a background), a module script and an image. */
async function client(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pack-files-'));
  mkdirSync(join(dir, '_astro'));
  writeFileSync(
    join(dir, '_astro', 'site.css'),
    '@font-face{font-family:"Noto Sans Tai Viet";src:url(/_astro/tai-viet.woff2) format("woff2"),url(/_astro/tai-viet.woff) format("woff")}body{background:url(/_astro/dot.svg)}',
  );
  writeFileSync(join(dir, '_astro', 'tai-viet.woff2'), 'font');
  writeFileSync(join(dir, '_astro', 'dot.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, '_astro', 'deck.js'), 'import { go } from "./go.js"; go();');
  writeFileSync(join(dir, '_astro', 'go.js'), 'export function go() { document.title = "deck"; }');
  writeFileSync(
    join(dir, '_astro', 'big.webp'),
    await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#c33' } })
      .webp()
      .toBuffer(),
  );
  return dir;
}

const page = (
  text: string,
) => `<!DOCTYPE html><html lang="x"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/_astro/site.css"></head>
<body><h1>${text}</h1><img src="/_astro/big.webp" srcset="/_astro/big.webp 2000w" sizes="100vw" loading="lazy" width="2000" height="1000"><script type="module" src="/_astro/deck.js"></script></body></html>`;

describe('a pack page made into one file', () => {
  it('inlines styles, the font, a background, a downscaled image and the bundled script, and forbids every request', async () => {
    const html = await inlinePackPage(await client(), page('ꪼꪕꪒꪾ'));
    expect(html).not.toMatch(/\s(?:src|href|srcset)="\//);
    expect(html).not.toMatch(/url\(\//);
    expect(html).toContain('src:url(data:font/woff2;base64,');
    expect(html).not.toContain('format("woff")');
    expect(html).toContain('background:url(data:image/svg+xml;base64,');
    const image = /<img src="data:image\/webp;base64,([^"]+)"/.exec(html)?.[1];
    expect((await sharp(Buffer.from(image!, 'base64')).metadata()).width).toBe(720);
    expect(html).not.toMatch(/loading=|srcset=|sizes=/);
    expect(html).toMatch(/<script>[^<]*document\.title\s*=\s*"deck"/);
    expect(html).toMatch(
      /<meta http-equiv="content-security-policy" content="default-src 'none';[^"]*script-src 'sha256-[^']+'/,
    );
  });

  it('leaves the Tai Viet font out of a page with no Tai Viet text', async () => {
    const html = await inlinePackPage(await client(), page('Tiếng Việt'));
    expect(html).not.toContain('font/woff2');
  });

  it('fails the build, naming the URL, when a file the page loads is not in the build', async () => {
    await expect(
      inlinePackPage(
        await client(),
        page('x').replace('/_astro/big.webp"', '/_astro/missing.webp"').replace(' srcset="/_astro/big.webp 2000w"', ''),
      ),
    ).rejects.toThrow('/_astro/missing.webp is not a file of the build');
  });
});
