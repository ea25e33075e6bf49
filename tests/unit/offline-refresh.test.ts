import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isIntact, sha256 } from '../../src/offline/integrity.ts';
import { bytesToDownload } from '../../src/offline/refresh.ts';
import type { SavedPackMeta } from '../../src/offline/cache-names.ts';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

describe('a saved file is checked against its size and hash', () => {
  it('hashes as the build does, and rejects an altered or cut file', async () => {
    const file = { bytes: 5, hash: hash('hello') };
    expect(await sha256(new Blob(['hello']))).toBe(file.hash);
    expect(await isIntact(new Blob(['hello']), file)).toBe(true);
    expect(await isIntact(new Blob(['hellO']), file)).toBe(false);
    expect(await isIntact(new Blob(['hell']), file)).toBe(false);
  });
});

describe('the size of a waiting update', () => {
  it('counts only the files the saved copy lacks or holds in another version', () => {
    const saved = {
      contents: [
        { url: '/p/', bytes: 10, hash: 'a' },
        { url: '/i.webp', bytes: 500, hash: 'b' },
      ],
    } as SavedPackMeta;
    const manifest = {
      lang: 'en',
      slug: 'p',
      title: 'P',
      url: '/p/',
      bytes: 0,
      files: [
        { url: '/p/', bytes: 12, hash: 'c' },
        { url: '/i.webp', bytes: 500, hash: 'b' },
        { url: '/new.mp3', bytes: 70, hash: 'd' },
      ],
    };
    expect(bytesToDownload(saved, manifest)).toBe(82);
    expect(bytesToDownload({} as SavedPackMeta, manifest)).toBe(582);
  });
});
