/**
 * Issue 13 on the built server itself: bodies bounded on every route (413 at once, memory flat),
 * every API route the same with or without its trailing slash, non-canonical paths redirected and
 * no `no-store` answer kept by the service worker, browser sessions instead of tokens in cookies,
 * and enrolment attempts counted with the requests in flight, on SQLite and PostgreSQL.
 */
import { request as httpRequest } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { openPostgresStore } from '../../src/sessions/postgres-store.ts';
import { sqliteFile } from '../../src/sessions/sqlite-store.ts';
import type { SessionStore } from '../../src/sessions/store.ts';
import { schemaFactory, testDatabaseUrl } from '../unit/postgres-test-db.ts';
import { rawPost, startOwnServer, withStore } from './api-helpers.ts';
import { waitForServiceWorker } from './helpers.ts';

const peakRssMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/**
 * POSTs up to `megabytes` MB, stopping when the server answers; resolves with the status and how
 * many MB went out before the answer. Declared with Content-Length, the body waits a moment after
 * the headers, as the server should answer those alone; chunked, it goes out in 64 KB pieces with
 * short pauses, so an answer that comes while it is sent is read before the server's close.
 */
function upload(
  url: string,
  headers: Record<string, string>,
  megabytes: number,
  declared: boolean,
): Promise<{ status: number; sentMb: number }> {
  const piece = Buffer.alloc(64 * 1024, 'a');
  const pieces = megabytes * 16;
  return new Promise((done, fail) => {
    const outgoing = httpRequest(url, {
      method: 'POST',
      headers: { ...headers, ...(declared ? { 'Content-Length': String(pieces * piece.length) } : {}) },
    });
    let sent = 0;
    let answered = false;
    outgoing.on('response', (incoming) => {
      answered = true;
      incoming.resume();
      done({ status: incoming.statusCode ?? 0, sentMb: sent / 16 });
      outgoing.destroy();
    });
    outgoing.on('error', (error) => setTimeout(() => answered || fail(error), 1000));
    const pause = (ms: number) => new Promise((resume) => setTimeout(resume, ms));
    const write = async () => {
      outgoing.flushHeaders();
      if (declared) for (let waited = 0; waited < 3000 && !answered; waited += 50) await pause(50);
      while (!answered && sent < pieces && !outgoing.destroyed) {
        sent++;
        if (!outgoing.write(piece)) await new Promise((resume) => outgoing.once('drain', resume));
        if (sent % 4 === 0) await pause(5);
      }
      if (!answered && !outgoing.destroyed) outgoing.end();
    };
    void write();
  });
}

test.describe('bounded bodies', () => {
  test('every route answers 413 at once to a huge body, forms included, and the server stays small under 3 parallel 300 MB uploads', async () => {
    test.setTimeout(120_000);
    const server = await startOwnServer();
    try {
      const origin = { Origin: server.origin };
      const routes: [string, string][] = [
        ['/vi/reports/', 'application/x-www-form-urlencoded'],
        ['/vi/reports/', 'application/octet-stream'],
        ['/api/sessions/', 'application/json'],
        ['/api/enrol/', 'application/json'],
        ['/api/sign-in/', 'application/json'],
        ['/api/rebuild/', 'application/json'],
        ['/api/reports/summary/', 'application/json'],
        ['/', 'text/plain'],
      ];
      for (const [path, type] of routes) {
        const answer = await upload(`${server.origin}${path}`, { ...origin, 'Content-Type': type }, 300, true);
        expect([path, type, answer.status]).toEqual([path, type, 413]);
        expect(answer.sentMb).toBeLessThan(50);
      }
      // Without a length to refuse by, a route reads at most its limit, then answers.
      // The import page's limit is the largest: past it, 413 too, not the adapter's backstop (src/sessions/http.ts).
      const undeclared = [
        ['/vi/reports/', 'application/x-www-form-urlencoded', 413],
        ['/vi/reports/', 'application/octet-stream', 415],
        ['/api/sessions/', 'application/json', 413],
        ['/vi/reports/import/', 'multipart/form-data; boundary=x', 413],
      ] as const;
      for (const [path, type, status] of undeclared) {
        const answer = await upload(`${server.origin}${path}`, { ...origin, 'Content-Type': type }, 300, false);
        expect([path, type, answer.status]).toEqual([path, type, status]);
        expect(answer.sentMb).toBeLessThan(50);
      }
      const before = peakRssMb(server.pid);
      const uploads = await Promise.all(
        [true, true, true, false, false, false].map((declared) =>
          upload(
            `${server.origin}/vi/reports/`,
            { ...origin, 'Content-Type': 'application/octet-stream' },
            300,
            declared,
          ),
        ),
      );
      expect(uploads.map(({ status }) => status)).toEqual([413, 413, 413, 415, 415, 415]);
      expect(peakRssMb(server.pid) - before).toBeLessThan(60);
    } finally {
      server.stop();
    }
  });

  test('a person whose form or file is refused gets a page in the language of the address, not JSON', async ({
    request,
    baseURL,
  }) => {
    const file = { name: 'unsent-logs.json', mimeType: 'application/json', buffer: Buffer.alloc(2 * 1024 * 1024, ' ') };
    const cases = [
      ['/en/reports/import/', 'en', 'The form or file is too large (at most 1 MB)'],
      ['/vi/reports/import/', 'vi', 'Biểu mẫu hoặc tệp quá lớn (tối đa 1 MB)'],
    ] as const;
    for (const [path, lang, text] of cases) {
      const answer = await request.post(path, { multipart: { file } });
      expect(answer.status(), path).toBe(413);
      expect(answer.headers()['content-type'], path).toMatch(/^text\/html/);
      const html = await answer.text();
      expect(html, path).toContain(`lang="${lang}"`);
      expect(html, path).toContain(text);
    }
    const form = await request.post('/en/reports/', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      data: `note=${'a'.repeat(300 * 1024)}`,
    });
    expect(form.status()).toBe(413);
    expect(await form.text()).toContain('The form or file is too large (at most 256 KB)');
    // Chunked (no length to refuse by): read to the limit, then the same page.
    const chunked = await rawPost(
      `${baseURL!}/vi/reports/import/`,
      { 'Content-Type': 'multipart/form-data; boundary=x', Origin: baseURL! },
      Array.from({ length: 40 }, () => Buffer.alloc(64 * 1024, 'a')),
    );
    expect(chunked.status).toBe(413);
    expect(chunked.body).toContain('Biểu mẫu hoặc tệp quá lớn (tối đa 1 MB)');

    const foreign = await request.post('/en/reports/', {
      headers: { Origin: 'https://evil.example' },
      form: { action: 'revoke', id: 'device-1' },
    });
    expect(foreign.status()).toBe(403);
    expect(foreign.headers()['content-type']).toMatch(/^text\/html/);
    expect(await foreign.text()).toContain('This form was sent from another site and was refused.');
    // Signed out meanwhile: the sign-in in the page's language with 401, not an empty answer.
    const signedOut = await request.post('/en/reports/', {
      headers: { Origin: baseURL! },
      form: { action: 'revoke', id: 'device-1' },
      maxRedirects: 0,
    });
    expect(signedOut.status()).toBe(401);
    expect(await signedOut.text()).toMatch(/<html lang="en"[\s\S]*<section class="report-sign-in"/);
  });
});

test('every /api/ route answers the same with or without its trailing slash: POST without it is no redirect', async ({
  request,
}) => {
  const server = await startOwnServer();
  try {
    const calls: [method: 'GET' | 'POST', path: string, status: number][] = [
      ['POST', '/api/sessions', 401],
      ['POST', '/api/enrol', 400],
      ['POST', '/api/sign-in', 401],
      ['POST', '/api/rebuild', 503],
      ['GET', '/api/reports/summary', 401],
      ['GET', '/api/reports/logs', 401],
      ['GET', '/api/sessions', 405],
    ];
    for (const [method, path, status] of calls) {
      for (const variant of [path, `${path}/`]) {
        const response = await request.fetch(`${server.origin}${variant}`, {
          method,
          headers: { 'Content-Type': 'application/json' },
          data: method === 'POST' ? '{}' : undefined,
          maxRedirects: 0,
        });
        expect([method, variant, response.status()]).toEqual([method, variant, status]);
      }
    }
  } finally {
    server.stop();
  }
});

test.describe('canonical paths', () => {
  test('a non-canonical path of a page redirects to the canonical one, query kept', async ({ request, baseURL }) => {
    for (const path of ['/en//reports/', '/en/r%65ports/', '/en/%72eports', '/en/reports', '//en/reports/']) {
      const response = await request.get(`${baseURL!}${path}?from=2026-01-01`, { maxRedirects: 0 });
      expect([path, response.status(), response.headers()['location']]).toEqual([
        path,
        301,
        '/en/reports/?from=2026-01-01',
      ]);
    }
    expect((await request.get('/en/reports/', { maxRedirects: 0 })).status()).toBe(401);
  });

  test('the node server redirects a variant of a static page too (its file server answers before the middleware), query kept', async ({
    request,
    baseURL,
  }) => {
    const variants: [string, string][] = [
      ['/en//help/', '/en/help/'],
      ['/en/h%65lp/', '/en/help/'],
      ['/en/help', '/en/help/'],
      ['/en/materials//fixture-school-pack', '/en/materials/fixture-school-pack/'],
      ['/en/%6Daterials/fixture-school-pack/', '/en/materials/fixture-school-pack/'],
    ];
    for (const [path, canonical] of variants) {
      const response = await request.get(`${baseURL!}${path}?q=1`, { maxRedirects: 0 });
      expect([path, response.status(), response.headers()['location']]).toEqual([path, 301, `${canonical}?q=1`]);
      expect(response.headers()['x-content-type-options']).toBe('nosniff');
    }
    expect((await request.get('/en/help/', { maxRedirects: 0 })).status()).toBe(200);
  });

  test('every file the node server serves itself carries the security headers: static pages, pack pages, assets, the worker', async ({
    request,
  }) => {
    const html = await (await request.get('/en/help/')).text();
    const asset = /(?:src|href)="(\/_astro\/[^"]+\.(?:js|css))"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const pages = ['/en/help/', '/en/materials/fixture-school-pack/', '/vi/'];
    for (const path of [...pages, asset!, '/sw.js', '/favicon.svg']) {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      expect([path, response.status()]).toEqual([path, 200]);
      expect([path, headers['content-security-policy']]).toEqual([
        path,
        expect.stringContaining("frame-ancestors 'none'"),
      ]);
      if (pages.includes(path)) expect(headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
      expect([path, headers['x-content-type-options'], headers['x-frame-options'], headers['referrer-policy']]).toEqual(
        [path, 'nosniff', 'DENY', 'same-origin'],
      );
    }
  });

  test("every file the build wrote is served at its own address, never redirected (Pagefind's .pf_meta included)", async ({
    request,
  }) => {
    const client = join(process.env['E2E_OUT_DIR'] ?? './dist-test', 'client');
    // `_headers` is the header file for a static host, which serves it to nobody either.
    const files = readdirSync(client, { recursive: true, withFileTypes: true }).filter(
      (entry) => entry.isFile() && entry.name !== '_headers',
    );
    expect(files.length).toBeGreaterThan(100);
    const answers = await Promise.all(
      files.map(async (entry) => {
        const path =
          '/' + relative(client, join(entry.parentPath, entry.name)).split(sep).map(encodeURIComponent).join('/');
        const url = path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
        return [url, (await request.head(url, { maxRedirects: 0 })).status()] as const;
      }),
    );
    expect(answers.filter(([, status]) => status !== 200)).toEqual([]);
  });

  test('a page the service worker answers from its precache carries the security headers', async ({ page }) => {
    await page.goto('/en/');
    await waitForServiceWorker(page);
    for (const path of ['/en/', '/en/help/', '/en/offline/']) {
      const response = await page.goto(path);
      expect([path, response?.fromServiceWorker()]).toEqual([path, true]);
      expect(response?.headers()['content-security-policy']).toMatch(
        /script-src 'self' 'sha256-.*frame-ancestors 'none'/,
      );
      expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    }
  });

  test('the service worker keeps no answer marked no-store, whatever its URL, and still keeps the others', async ({
    page,
    context,
  }) => {
    await page.goto('/en/');
    await waitForServiceWorker(page);
    // A pack page answered no-store (as a signed-in page would be): it must not enter any cache.
    await context.route('**/en/materials/fixture-school-pack/', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'cache-control': 'no-store' } });
    });
    await page.goto('/en/materials/fixture-school-pack/');
    await page.goto('/en/materials/');
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const urls: string[] = [];
          for (const name of await caches.keys())
            for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
          return urls;
        }),
      )
      .toContain('/en/materials/');
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached).not.toContain('/en/materials/fixture-school-pack/');
  });
});

/** The engines a server can run on: its own SQLite file, or a fresh PostgreSQL schema. */
const engines = {
  SQLite: async () => {
    const server = await startOwnServer();
    return {
      servers: [server],
      withStore: <T>(work: (store: SessionStore) => Promise<T>) => withStore(work, sqliteFile(server.dataDir)),
      stop: () => server.stop(),
    };
  },
  PostgreSQL: async (count = 1) => {
    const schemas = schemaFactory(testDatabaseUrl());
    const url = await schemas.freshUrl();
    const servers = await Promise.all(
      Array.from({ length: count }, () => startOwnServer(undefined, { DATABASE_URL: url })),
    );
    return {
      servers,
      withStore: async <T>(work: (store: SessionStore) => Promise<T>) => {
        const store = openPostgresStore(url, { poolSize: 2 });
        try {
          await store.migrate();
          return await work(store);
        } finally {
          await store.close();
        }
      },
      stop: () => {
        for (const server of servers) server.stop();
        void schemas.dropAll();
      },
    };
  },
};

async function coordinatorToken(store: SessionStore): Promise<{ token: string; deviceId: string; teamCode: string }> {
  const team = await store.createTeam('Điều phối', 'coordinator');
  const code = await store.createEnrolmentCode(team.id);
  if (typeof code === 'string') throw new Error(code);
  const enrolment = await store.enrol(code.code, 'Máy văn phòng');
  if (typeof enrolment === 'string') throw new Error(enrolment);
  const spare = await store.createEnrolmentCode(team.id);
  if (typeof spare === 'string') throw new Error(spare);
  return { token: enrolment.token, deviceId: enrolment.deviceId, teamCode: spare.code };
}

/** Signs in with a device token; answers the session cookie's value. */
async function signIn(request: APIRequestContext, origin: string, token: string): Promise<string> {
  const response = await request.post(`${origin}/api/sign-in/`, {
    headers: { Authorization: `Bearer ${token}` },
    data: {},
  });
  expect(response.status()).toBe(200);
  const cookie = /lc_session=([\w-]{43});/.exec(response.headers()['set-cookie'] ?? '')?.[1];
  expect(response.headers()['set-cookie']).toMatch(/HttpOnly/i);
  expect(response.headers()['set-cookie']).toMatch(/SameSite=Strict/i);
  return cookie!;
}

for (const [engine, open] of Object.entries(engines)) {
  test(`${engine}: the cookie holds a session, not the token: no Bearer, ended by sign-out and by revoking the device`, async ({
    playwright,
  }) => {
    const deployment = await open();
    const [server] = deployment.servers;
    // A request context of its own, with no cookie jar shared with other tests.
    const request = await playwright.request.newContext();
    try {
      const { token, deviceId } = await deployment.withStore(coordinatorToken);
      const session = await signIn(request, server!.origin, token);
      expect(session).not.toBe(token);
      const withCookie = (cookie: string) =>
        request.get(`${server!.origin}/api/reports/summary/?format=json`, {
          headers: { Cookie: `lc_session=${cookie}` },
        });
      expect((await withCookie(session)).status()).toBe(200);
      const asBearer = await request.post(`${server!.origin}/api/sessions/`, {
        headers: { Authorization: `Bearer ${session}` },
        data: {},
      });
      expect(asBearer.status()).toBe(401);

      const signOut = await request.post(`${server!.origin}/vi/reports/`, {
        headers: { Cookie: `lc_session=${session}`, Origin: server!.origin },
        form: { action: 'signOut' },
        maxRedirects: 0,
      });
      expect(signOut.status()).toBe(303);
      expect((await withCookie(session)).status()).toBe(401);

      const again = await signIn(request, server!.origin, token);
      expect((await withCookie(again)).status()).toBe(200);
      await deployment.withStore((store) => store.revoke(deviceId));
      expect((await withCookie(again)).status()).toBe(401);
    } finally {
      await request.dispose();
      deployment.stop();
    }
  });

  test(`${engine}: of 40 wrong enrolment codes sent at once, to servers sharing the store, exactly 10 are tried`, async ({
    playwright,
  }) => {
    test.setTimeout(120_000);
    const deployment = await open(2);
    const request = await playwright.request.newContext();
    try {
      const attempts = await Promise.all(
        Array.from({ length: 40 }, async (_, index) => {
          const server = deployment.servers[index % deployment.servers.length]!;
          return (
            await request.post(`${server.origin}/api/enrol/`, { data: { code: 'ABCD-EFGH', deviceName: 'Guess' } })
          ).status();
        }),
      );
      expect(attempts.filter((status) => status === 403)).toHaveLength(10);
      expect(attempts.filter((status) => status === 429)).toHaveLength(30);
    } finally {
      await request.dispose();
      deployment.stop();
    }
  });
}
