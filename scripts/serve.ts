/**
 * The node server with compression: `node dist/server/entry.mjs` (Astro's standalone server) wrapped
 * so that a static text file goes out as the brotli or gzip copy the build stored beside it
 * (src/integrations/precompress.ts) when the browser accepts one, and every other answer (API JSON,
 * CSV, reports, small files) is compressed on the fly by `compression` above 1 KB. Both say
 * `Vary: Accept-Encoding`. Reads OUT_DIR (./dist), HOST and PORT like the standalone server.
 *
 *   HOST=127.0.0.1 PORT=4321 node --experimental-strip-types scripts/serve.ts
 */
import { statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import compression from 'compression';
import send from 'send';
import { accepted, isCompressible } from '../src/server/encoding.ts';

const outDir = resolve(process.env['OUT_DIR'] ?? './dist');
const client = join(outDir, 'client');
process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
const { handler } = (await import(join(outDir, 'server', 'entry.mjs'))) as { handler: (req: IncomingMessage, res: ServerResponse) => void };

/** Content types of the files the build compresses (see isCompressible). */
const types: Record<string, string> = {
  html: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8', json: 'application/json; charset=utf-8', svg: 'image/svg+xml',
  xml: 'application/xml; charset=utf-8', txt: 'text/plain; charset=utf-8', webmanifest: 'application/manifest+json', map: 'application/json',
};
const size = (file: string) => { try { const stat = statSync(file); return stat.isFile() ? stat.size : -1; } catch { return -1; } };

/** Sends the stored compressed copy of a static file, if there is one the client accepts. */
function sendStored(req: IncomingMessage, res: ServerResponse): boolean {
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
  res.setHeader('Content-Type', types[file.slice(file.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream');
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

const compress = compression();
const server = createServer((req, res) => {
  if (sendStored(req, res)) return;
  compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => handler(req, res));
});
const host = process.env['HOST'] ?? 'localhost';
const port = Number(process.env['PORT'] ?? 4321);
server.listen(port, host, () => console.log(`Server listening on http://${host}:${port} (compressed)`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
