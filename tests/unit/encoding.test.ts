import { describe, expect, test } from 'vitest';
import { accepted, isCompressible } from '../../src/server/encoding.ts';

describe('accepted encodings', () => {
  test('prefers brotli, then gzip, whatever order the browser lists them in', () => {
    expect(accepted('gzip, deflate, br, zstd').map((e) => e.name)).toEqual(['br', 'gzip']);
  });
  test('sends the file as is to a client that accepts no encoding or only identity', () => {
    expect(accepted(undefined)).toEqual([]);
    expect(accepted('identity')).toEqual([]);
  });
  test('q=0 refuses an encoding; * allows the ones not named', () => {
    expect(accepted('br;q=0, gzip').map((e) => e.name)).toEqual(['gzip']);
    expect(accepted('br;q=0, *').map((e) => e.name)).toEqual(['gzip']);
    expect(accepted('GZIP;q=0.5').map((e) => e.name)).toEqual(['gzip']);
  });
});

describe('compressible files', () => {
  test('text files of 1 KB or more are stored compressed; media, fonts and small files are not', () => {
    expect(isCompressible('index.html', 5000)).toBe(true);
    expect(isCompressible('_astro/app.js', 2048)).toBe(true);
    expect(isCompressible('manifest.webmanifest', 1500)).toBe(true);
    expect(isCompressible('index.html', 500)).toBe(false);
    expect(isCompressible('cover.webp', 50_000)).toBe(false);
    expect(isCompressible('tai-viet.woff2', 50_000)).toBe(false);
    expect(isCompressible('pagefind/fragment/vi_1.pf_fragment', 5000)).toBe(false);
  });
});
