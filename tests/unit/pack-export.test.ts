import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPackFiles } from '../../src/integrations/pack-export.ts';
import { packFileName, withHeader } from '../../src/offline/pack-file.ts';

/** A built client folder holding pack files for two packs in Vietnamese and one in Tai Dam. */
function builtClient(): string {
  const client = mkdtempSync(join(tmpdir(), 'pack-export-'));
  const packs = [
    { lang: 'vi', slug: 'fake-jobs', title: 'Việc làm giả' },
    { lang: 'vi', slug: 'online-friends', title: 'Bạn trên mạng' },
    { lang: 'thai', slug: 'fake-jobs', title: 'ꪎꪱꪫ ꪹꪚꪷꪉ' },
  ];
  for (const { lang, slug, title } of packs) {
    mkdirSync(join(client, lang, 'materials', slug), { recursive: true });
    writeFileSync(join(client, lang, 'materials', slug, 'index.html'), '<h1>page</h1>');
    writeFileSync(
      join(client, lang, 'materials', slug, packFileName(lang, slug)),
      withHeader({ format: 1, lang, slug, title, version: '0123456789abcdef', hash: 'a'.repeat(64) }, '<html></html>'),
    );
  }
  return client;
}

/** The relative links of an index page. */
const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);

describe('packs:export', () => {
  it('writes every pack file by language and an index that links each one, with its title under its language', () => {
    const out = mkdtempSync(join(tmpdir(), 'usb-'));
    const packs = exportPackFiles(builtClient(), out, [], 'Site');
    expect(packs.map((pack) => pack.path).sort()).toEqual([
      'thai/fake-jobs-thai.html',
      'vi/fake-jobs-vi.html',
      'vi/online-friends-vi.html',
    ]);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(links(index).sort()).toEqual(packs.map((pack) => pack.path).sort());
    for (const path of links(index)) expect(readFileSync(join(out, path!), 'utf8')).toContain('<!--lesson-pack ');
    expect(index).toMatch(
      /<section lang="blt-Tavt-VN"><h2>ꪼꪕꪒꪾ<\/h2><ul>\n<li><a href="thai\/fake-jobs-thai.html">ꪎꪱꪫ ꪹꪚꪷꪉ<\/a>/,
    );
  });

  it('takes only the languages asked for, and refuses an unknown one by name', () => {
    const client = builtClient();
    const out = mkdtempSync(join(tmpdir(), 'usb-'));
    exportPackFiles(client, out, ['thai'], 'Site');
    expect(readdirSync(out).sort()).toEqual(['index.html', 'thai']);
    expect(() => exportPackFiles(client, out, ['th'], 'Site')).toThrow(
      'Unknown language th: use one of vi, hmong, dao, thai, en.',
    );
  });

  it('runs as npm run packs:export -- --out <folder> --lang <path> --from <build>', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'usb-')), 'stick');
    const output = execFileSync(
      'npm',
      ['run', '--silent', 'packs:export', '--', '--out', out, '--lang', 'vi', '--from', builtClient()],
      { encoding: 'utf8' },
    );
    expect(output).toMatch(/^Wrote 2 pack files/);
    expect(links(readFileSync(join(out, 'index.html'), 'utf8'))).toEqual([
      'vi/fake-jobs-vi.html',
      'vi/online-friends-vi.html',
    ]);
  });
});
