/**
 * What the Studio smoke test runs against: the built Studio (studio/dist, from `npm run
 * studio:build`) served as static files, and a read-only local stand-in for Sanity's API
 * (tests/unit/sanity-stand-in.ts) holding the test fixture. The browser's requests to
 * *.api.sanity.io are sent to the stand-in; the few account endpoints the Studio asks before it
 * shows anything (who is signed in, their dataset rights, the project) are answered here.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Page, Route } from '@playwright/test';
import { readDataset } from '../../src/content/sources/embedded.ts';
import { startSanityStandIn, type SanityStandIn } from '../unit/sanity-stand-in.ts';
import { throwawayCertificate } from './certificate.ts';

const studioDist = 'studio/dist';
const mediaTypes: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
};

/** Serves the built Studio; every path that is not a file gets index.html (the Studio routes itself). */
export async function serveStudio(): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(join(studioDist, 'index.html')))
    throw new Error('studio/dist is missing: run npm run studio:build first (npm test does).');
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://studio').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    let file = join(studioDist, path);
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(studioDist, 'index.html');
    response.writeHead(200, { 'content-type': mediaTypes[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const communicator = {
  id: 'p-stand-in',
  name: 'Cán bộ truyền thông',
  email: 'communicator@example.org',
  role: 'viewer',
  roles: [{ name: 'viewer', title: 'Viewer' }],
  provider: 'sanity',
};

/**
 * Sanity's listener as the Studio needs it to edit: one welcome event, then the stream stays open,
 * as Sanity's does. (A fulfilled route ends the stream, the Studio reconnects at once and, while
 * reconnecting, keeps every form read-only.) Served over TLS with a throwaway certificate
 * (certificate.ts) because a routed request may only change its URL within https; the browser must
 * run with `--ignore-certificate-errors`.
 */
async function startListener(): Promise<{ url: string; close(): Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), 'listener-'));
  const pems = throwawayCertificate(folder);
  const sockets = new Set<Socket>();
  const server = createTlsServer(
    { key: readFileSync(pems.key), cert: readFileSync(pems.cert) },
    (request, response) => {
      const cors = {
        'access-control-allow-origin': request.headers.origin ?? '*',
        'access-control-allow-credentials': 'true',
        'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '*',
      };
      if (request.method === 'OPTIONS') {
        response.writeHead(204, cors).end();
        return;
      }
      response.writeHead(200, { ...cors, 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.write('event: welcome\ndata: {"listenerName":"stand-in"}\n\n');
    },
  );
  server.on('secureConnection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          rmSync(folder, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

/**
 * Starts the stand-in with the fixture and sends the page's Sanity API requests to it. Read-only
 * unless `writable`: then the communicator may edit (create and update rights), the stand-in
 * takes uploads, records the Studio's edits (`actions`, `patches`) and applies its document edits
 * to the drafts (a reload shows them; the listener does not tell the open page). Either
 * way the listener stays connected (see `startListener`): the page's context needs
 * `ignoreHTTPSErrors` (or the browser `--ignore-certificate-errors`).
 */
export async function routeSanityToStandIn(page: Page, { writable = false } = {}): Promise<SanityStandIn> {
  const standIn = await startSanityStandIn({
    readOnly: !writable,
    documents: readDataset('tests/fixtures/dataset/data.ndjson') as never,
  });
  const permissions = writable ? ['read', 'history', 'create', 'update'] : ['read', 'history'];
  const listener = await startListener();
  const close = standIn.close.bind(standIn);
  Object.assign(standIn, { close: () => Promise.all([close(), listener.close()]).then(() => undefined) });
  const reply = (route: Route, body: unknown) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  await page.route(/^https:\/\/([\w-]+\.)?api\.sanity\.io\//, async (route) => {
    const url = new URL(route.request().url());
    const path = url.pathname;
    if (path.includes('/data/listen/')) return route.continue({ url: `${listener.url}${path}${url.search}` });
    if (/\/(data\/(query|doc|mutate|actions)|assets\/(files|images))\//.test(path))
      return route.fulfill({ response: await route.fetch({ url: `${standIn.url}${path}${url.search}` }) });
    if (path.endsWith('/users/me'))
      return reply(
        route,
        writable ? { ...communicator, role: 'editor', roles: [{ name: 'editor', title: 'Editor' }] } : communicator,
      );
    if (path.endsWith('/acl')) return reply(route, [{ filter: '_id in path("**")', permissions }]);
    if (/\/projects\/[\w-]+$/.test(path))
      return reply(route, {
        id: 'your-project-id',
        displayName: 'Stand-in',
        organizationId: null,
        members: [],
        metadata: {},
      });
    // Announcements, feature flags, usage limits and the like: the Studio does without them.
    return route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":"Not found"}' });
  });
  // The Studio's web font comes from Sanity's CDN, out of reach here; the system font is fine.
  await page.route(/^https:\/\/design-system-static\.sanity\.io\//, (route) => route.abort());
  return standIn;
}
