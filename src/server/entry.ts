/**
 * The node server, `dist/server/entry.mjs` once built (src/integrations/node-server.ts bundles this
 * file there; the node adapter's own entry becomes `astro.mjs` beside it, astro.config.mjs
 * `build.serverEntry`). It listens like the adapter's standalone server did (`HOST`, `PORT`, `https`
 * with `SERVER_CERT_PATH` and `SERVER_KEY_PATH`) but answers every request through src/server/front.ts
 * first, static files included, then src/server/compress.ts (stored brotli or gzip copies, or compression
 * on the fly), and closes a connection whose body the answer did not wait for only after a bounded
 * lingering read (src/server/linger.ts). Body limits, `TRUST_PROXY` and the routes stay the adapter's
 * and the middleware's.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { withCompression } from './compress.ts';
import { front, type HeaderEntry } from './front.ts';
import { withLingeringClose } from './linger.ts';

process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
const adapter = (await import(new URL('./astro.mjs', import.meta.url).href)) as {
  handler: RequestListener;
  options: { host?: string | boolean; port?: number };
};

let entries: HeaderEntry[] = [];
try {
  entries = JSON.parse(readFileSync(new URL('../_headers.json', import.meta.url), 'utf8')) as HeaderEntry[];
} catch {
  console.warn('[server] no _headers.json beside the build: static pages get the generic page policy');
}

const listener = withLingeringClose(
  front(withCompression(adapter.handler, fileURLToPath(new URL('../client', import.meta.url))), entries),
);
const { SERVER_CERT_PATH: cert, SERVER_KEY_PATH: key } = process.env;
const server =
  cert && key
    ? createHttpsServer({ cert: readFileSync(cert), key: readFileSync(key) }, listener)
    : createHttpServer(listener);
// The adapter's defaults, as its standalone server reads them.
const configured = adapter.options.host;
const host =
  process.env['HOST'] ?? (typeof configured === 'string' ? configured : configured ? '0.0.0.0' : 'localhost');
const port = process.env['PORT'] ? Number(process.env['PORT']) : (adapter.options.port ?? 8080);

server.listen(port, host, () => {
  const { port: bound } = server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  console.log(`[server] Server listening on ${cert && key ? 'https' : 'http'}://${shown}:${bound}`);
});
