import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { front } from '../../src/server/front.ts';
import { apiPolicy, filePolicy } from '../../src/security/headers.ts';

// The adapter's handler, as seen from in front: answers 200 and says which path reached it.
const reached: string[] = [];
const pageCsp = "script-src 'self' 'sha256-abc='; frame-ancestors 'none'";
let server: Server;
let origin: string;

beforeAll(async () => {
  const listener = front(
    (incoming, outgoing) => {
      reached.push(incoming.url ?? '');
      outgoing.end('ok');
    },
    [
      {
        pathname: '/en/help/',
        headers: [
          { key: 'Content-Security-Policy', value: pageCsp },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
        ],
      },
    ],
  );
  server = createServer(listener);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** A raw request (no client-side normalisation of the path). */
function send(method: string, path: string): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((done, fail) => {
    const outgoing = request(`${origin}/`, { method, path }, (incoming) => {
      incoming.resume();
      incoming.on('end', () => done({ status: incoming.statusCode ?? 0, headers: incoming.headers }));
    });
    outgoing.on('error', fail);
    outgoing.end();
  });
}

describe('front of the node server', () => {
  it('redirects every variant of a path before the adapter sees it: 301 for GET, 308 for POST, query kept', async () => {
    for (const path of ['/en//help/', '/en/h%65lp/', '/en/help', '/en/./help/', '/en/x/../help/']) {
      const answer = await send('GET', `${path}?q=1`);
      expect([path, answer.status, answer.headers.location]).toEqual([path, 301, '/en/help/?q=1']);
      expect(answer.headers['content-security-policy']).toBe(pageCsp);
    }
    expect((await send('POST', '/api//sessions/')).status).toBe(308);
    expect(reached).toEqual([]);
  });

  it("gives each answer the headers of what it is: the page's own entry, the API's, a file's", async () => {
    const page = await send('GET', '/en/help/');
    expect([page.status, page.headers['content-security-policy']]).toEqual([200, pageCsp]);
    const api = await send('POST', '/api/sessions');
    expect([api.status, api.headers['content-security-policy']]).toEqual([200, apiPolicy]);
    const file = await send('GET', '/_astro/app.js');
    expect([
      file.status,
      file.headers['content-security-policy'],
      file.headers['x-content-type-options'],
      file.headers['referrer-policy'],
    ]).toEqual([200, filePolicy, 'nosniff', 'same-origin']);
    const other = await send('GET', '/en/reports/');
    expect(other.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(other.headers['x-frame-options']).toBe('DENY');
    expect(reached).toEqual(['/en/help/', '/api/sessions', '/_astro/app.js', '/en/reports/']);
  });
});
