/**
 * Publishing: Sanity's webhook starts a rebuild. Deliveries are signed for real with
 * @sanity/webhook and the rebuild command is a real child process that logs when it starts and
 * ends, so overlapping builds or lost requests show in its log.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRebuildHandler } from '../../src/publishing/handler.ts';
import { readPublishingEnv } from '../../src/publishing/env.ts';
import { createRebuildQueue, type RebuildQueue } from '../../src/publishing/rebuild.ts';
import { createWebhookVerifier, deliveryTolerance } from '../../src/publishing/webhook.ts';

const secret = 'a-webhook-secret-of-some-length';
const body = JSON.stringify({ _id: 'material-viec-lam-gia', _type: 'material' });

let folder: string;
let queue: RebuildQueue;

/** A build that takes `ms`, writing `start` and `end` lines to build.log in the temp folder. */
function buildCommand(ms: number): string {
  const script = join(folder, 'build.mjs');
  writeFileSync(
    script,
    `import { appendFileSync } from 'node:fs';
appendFileSync('build.log', 'start\\n');
setTimeout(() => appendFileSync('build.log', 'end\\n'), ${ms});`,
  );
  return `"${process.execPath}" build.mjs`;
}

const buildLog = () => readFileSync(join(folder, 'build.log'), 'utf8').trim().split('\n');

function setUp(now: () => number = Date.now, ms = 50) {
  queue = createRebuildQueue({ command: buildCommand(ms), cwd: folder, log: () => undefined });
  return createRebuildHandler({ verifier: createWebhookVerifier(secret, now), queue });
}

async function delivery(options: { signWith?: string; timestamp?: number; key?: string; text?: string } = {}) {
  const text = options.text ?? body;
  const signature = await encodeSignatureHeader(text, options.timestamp ?? Date.now(), options.signWith ?? secret);
  const headers: Record<string, string> = { 'content-type': 'application/json', [SIGNATURE_HEADER_NAME]: signature };
  if (options.key) headers['idempotency-key'] = options.key;
  return new Request('http://localhost/api/rebuild/', { method: 'POST', headers, body: text });
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'rebuild-'));
  writeFileSync(join(folder, 'build.log'), '');
});

afterEach(async () => {
  await queue.idle();
  rmSync(folder, { recursive: true, force: true });
});

describe('POST /api/rebuild/', () => {
  it('starts a rebuild for a delivery signed with the secret, and answers before it ends', async () => {
    const handle = setUp(Date.now, 300);
    const response = await handle(await delivery({ key: 'k1' }));
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: 'started' });
    expect(buildLog()).not.toContain('end');
    await queue.idle();
    expect(buildLog()).toEqual(['start', 'end']);
  });

  it('refuses a delivery signed with another secret, or unsigned, and builds nothing', async () => {
    const handle = setUp();
    const wrong = await handle(await delivery({ signWith: 'somebody-elses-secret-value' }));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'badSignature' });
    const unsigned = await handle(new Request('http://localhost/api/rebuild/', { method: 'POST', body }));
    expect(unsigned.status).toBe(401);
    const tampered = await delivery();
    const changed = new Request(tampered.url, {
      method: 'POST',
      headers: tampered.headers,
      body: body.replace('gia', 'that'),
    });
    expect((await handle(changed)).status).toBe(401);
    await queue.idle();
    expect(buildLog()).toEqual(['']);
  });

  it('refuses a delivery signed more than five minutes ago, or ahead of the clock', async () => {
    const now = Date.now();
    const handle = setUp(() => now);
    const stale = await handle(await delivery({ timestamp: now - deliveryTolerance - 1000 }));
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ error: 'stale' });
    expect((await handle(await delivery({ timestamp: now + deliveryTolerance + 1000 }))).status).toBe(401);
    expect((await handle(await delivery({ timestamp: now - deliveryTolerance + 1000 }))).status).toBe(202);
  });

  it('refuses the same delivery sent again, and a retry with the same idempotency key', async () => {
    const handle = setUp();
    const first = await delivery({ key: 'delivery-1' });
    const replay = first.clone();
    expect((await handle(first)).status).toBe(202);
    const replayed = await handle(replay);
    expect(replayed.status).toBe(409);
    expect(await replayed.json()).toMatchObject({ error: 'replayed' });
    const retried = await handle(await delivery({ key: 'delivery-1', timestamp: Date.now() + 1 }));
    expect(retried.status).toBe(409);
    await queue.idle();
    expect(buildLog()).toEqual(['start', 'end']);
  });

  it('coalesces deliveries that arrive during a build into one more build, never two at once', async () => {
    const handle = setUp(Date.now, 400);
    const statuses: string[] = [];
    const answer = async (key: string) =>
      ((await (await handle(await delivery({ key, text: `{"n":"${key}"}` }))).json()) as { status: string }).status;
    statuses.push(await answer('a'));
    statuses.push(...(await Promise.all(['b', 'c', 'd', 'e'].map(answer))));
    expect(statuses).toEqual(['started', 'queued', 'queued', 'queued', 'queued']);
    await queue.idle();
    expect(buildLog()).toEqual(['start', 'end', 'start', 'end']);
    // Idle again: the next delivery starts a build of its own.
    expect(await answer('f')).toBe('started');
  });
});

describe('publishing settings', () => {
  it('names a secret that is too short, and treats blank variables as unset', () => {
    expect(() => readPublishingEnv({ SANITY_WEBHOOK_SECRET: 'short' })).toThrow(/SANITY_WEBHOOK_SECRET/);
    expect(readPublishingEnv({ SANITY_WEBHOOK_SECRET: '', REBUILD_COMMAND: '' })).toEqual({});
  });
});

describe('delivery size', () => {
  it('refuses a body over 1 MB before checking its signature, even without Content-Length', async () => {
    const handle = setUp();
    const big = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 17; i += 1) controller.enqueue(new Uint8Array(64 * 1024));
        controller.close();
      },
    });
    const request = new Request('http://localhost/api/rebuild/', {
      method: 'POST',
      body: big,
      duplex: 'half',
    } as RequestInit);
    expect((await handle(request)).status).toBe(413);
  });

  it('reads a small body whose text happens to be "tooLarge" as a delivery, not as too large', async () => {
    const response = await setUp()(await delivery({ text: 'tooLarge', signWith: 'somebody-elses-secret-value' }));
    expect(response.status).toBe(401);
  });
});
