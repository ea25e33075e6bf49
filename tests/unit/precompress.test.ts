import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, expect, test } from 'vitest';
import { precompressFolder } from '../../src/integrations/precompress.ts';

let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

test('stores brotli and gzip copies of text files of 1 KB or more, each unpacking to the file', () => {
  folder = mkdtempSync(join(tmpdir(), 'precompress-'));
  mkdirSync(join(folder, 'vi'));
  const page = `<!doctype html><title>x</title>${'<p>Gọi 111 nếu cần giúp đỡ.</p>'.repeat(100)}`;
  writeFileSync(join(folder, 'vi', 'index.html'), page);
  writeFileSync(join(folder, 'small.js'), 'export {};');
  writeFileSync(join(folder, 'cover.webp'), Buffer.alloc(4096, 7));
  const totals = precompressFolder(folder);
  expect(totals.files).toBe(1);
  expect(brotliDecompressSync(readFileSync(join(folder, 'vi', 'index.html.br'))).toString()).toBe(page);
  expect(gunzipSync(readFileSync(join(folder, 'vi', 'index.html.gz'))).toString()).toBe(page);
  expect(totals.brotli).toBeLessThan(totals.bytes / 4);
  for (const skipped of ['small.js.br', 'small.js.gz', 'cover.webp.br', 'cover.webp.gz'])
    expect(existsSync(join(folder, skipped))).toBe(false);
});
