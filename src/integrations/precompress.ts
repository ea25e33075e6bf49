/**
 * After the build (and after the service worker and Pagefind have written their files), stores a
 * brotli and a gzip copy beside every static text file of 1 KB or more (`index.html.br`,
 * `index.html.gz`), so the node server (src/server/compress.ts) or any static host that looks for them
 * sends a village phone a third of the bytes without compressing on each request.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { encodings, isCompressible } from '../server/encoding.ts';

const compress = {
  br: (data: Buffer) =>
    brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }),
  gzip: (data: Buffer) => gzipSync(data, { level: 9 }),
};

function* files(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** Writes the compressed copies under `folder`; returns the bytes before and after (brotli). */
export function precompressFolder(folder: string): { files: number; bytes: number; brotli: number } {
  const totals = { files: 0, bytes: 0, brotli: 0 };
  for (const file of [...files(folder)]) {
    const { size } = statSync(file);
    if (!isCompressible(file, size)) continue;
    const data = readFileSync(file);
    for (const encoding of encodings) {
      const packed = compress[encoding.name](data);
      // A copy no smaller than the file would only cost a lookup.
      if (packed.length < size) writeFileSync(file + encoding.suffix, packed);
      if (encoding.name === 'br') totals.brotli += Math.min(packed.length, size);
    }
    totals.files += 1;
    totals.bytes += size;
  }
  return totals;
}

export function precompress(): AstroIntegration {
  return {
    name: 'precompress',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const { files: count, bytes, brotli } = precompressFolder(fileURLToPath(dir));
        const kb = (n: number) => `${Math.round(n / 1024)} KB`;
        logger.info(
          `compressed ${count} text files: ${kb(bytes)} → ${kb(brotli)} brotli, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
