/**
 * Bytes over the air from the node server: a static text file goes out as the brotli or gzip copy
 * the build stored beside it (src/integrations/precompress.ts) when the browser accepts one, and
 * every other answer (API JSON, CSV, reports, small files) is compressed on the fly by the
 * `compression` package above 1 KB. Both say `Vary: Accept-Encoding`. src/server/entry.ts puts this
 * behind src/server/front.ts, so redirects and security headers come first.
 */
import { statSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import compression from 'compression';
import send from 'send';
import { accepted, isCompressible } from './encoding.ts';

/** Content types of the files the build compresses (see isCompressible). */
const types: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  webmanifest: 'application/manifest+json',
  map: 'application/json',
};

/** A file's size in bytes, or -1 when it is not a file. */
function size(file: string): number {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : -1;
  } catch {
    return -1;
  }
}

/** Sends the stored compressed copy of a static file under `client`, if there is one the client accepts. */
function sendStored(client: string, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    return false;
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = join(client, path);
  if (!file.startsWith(client + sep) || !isCompressible(file, size(file))) return false;
  const encoding = accepted(req.headers['accept-encoding']).find((candidate) => size(file + candidate.suffix) > 0);
  res.setHeader('Vary', 'Accept-Encoding');
  if (!encoding) return false;
  res.setHeader(
    'Content-Type',
    types[file.slice(file.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream',
  );
  res.setHeader('Content-Encoding', encoding.name);
  // Astro's own rule: hashed assets never change.
  if (path.startsWith('/_astro/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  send(req, path + encoding.suffix, { root: client, acceptRanges: false })
    .on('error', (error: { statusCode?: number }) => {
      res.removeHeader('Content-Encoding');
      res.writeHead(error.statusCode ?? 500).end();
    })
    .pipe(res);
  return true;
}

/** `handler` with compressed answers: stored copies of the static files in `client`, others on the fly. */
export function withCompression(handler: RequestListener, client: string): RequestListener {
  const compress = compression();
  return (req, res) => {
    if (sendStored(client, req, res)) return;
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => handler(req, res));
  };
}
