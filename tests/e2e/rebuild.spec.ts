/**
 * POST /api/rebuild/ on the built server: off (503) until configured; configured, a signed
 * delivery runs REBUILD_COMMAND in the server's folder. The rules of a delivery are unit-tested
 * (tests/unit/rebuild-webhook.test.ts); this checks the route is wired into the real server.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook';
import { expect, test } from '@playwright/test';
import { startOwnServer } from './api-helpers.ts';

const body = JSON.stringify({ _id: 'material-fixture-school-pack', _type: 'material' });

test('is off, and says what to set, while the server has no webhook secret or rebuild command', async ({ request }) => {
  const response = await request.post('/api/rebuild/', { headers: { 'content-type': 'application/json' }, data: body });
  expect(response.status()).toBe(503);
  expect(await response.json()).toMatchObject({
    error: 'notConfigured',
    message: expect.stringContaining('SANITY_WEBHOOK_SECRET'),
  });
});

test('runs the rebuild command for a signed delivery and refuses it sent twice', async ({ request }) => {
  const secret = 'e2e-webhook-secret-0123456789';
  const marker = join(mkdtempSync(join(tmpdir(), 'rebuilt-')), 'rebuilt.txt');
  const server = await startOwnServer(undefined, {
    SANITY_WEBHOOK_SECRET: secret,
    REBUILD_COMMAND: `echo rebuilt > "${marker}"`,
  });
  try {
    const headers = {
      'content-type': 'application/json',
      [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, Date.now(), secret),
    };
    const first = await request.post(`${server.origin}/api/rebuild/`, { headers, data: body });
    expect(first.status()).toBe(202);
    await expect.poll(() => existsSync(marker) && readFileSync(marker, 'utf8').trim()).toBe('rebuilt');
    const again = await request.post(`${server.origin}/api/rebuild/`, { headers, data: body });
    expect(again.status()).toBe(409);
  } finally {
    server.stop();
    rmSync(join(marker, '..'), { recursive: true, force: true });
  }
});

test('refuses a delivery replayed after the server restarted: the memory of accepted ones is in the store', async ({
  request,
}) => {
  const secret = 'e2e-webhook-secret-0123456789';
  const folder = mkdtempSync(join(tmpdir(), 'rebuild-replay-'));
  const env = { SANITY_WEBHOOK_SECRET: secret, REBUILD_COMMAND: 'true', DATA_DIR: join(folder, 'data') };
  const headers = {
    'content-type': 'application/json',
    [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, Date.now(), secret),
  };
  try {
    const first = await startOwnServer(undefined, env);
    try {
      expect((await request.post(`${first.origin}/api/rebuild/`, { headers, data: body })).status()).toBe(202);
    } finally {
      first.stop();
    }
    const restarted = await startOwnServer(undefined, env);
    try {
      expect((await request.post(`${restarted.origin}/api/rebuild/`, { headers, data: body })).status()).toBe(409);
    } finally {
      restarted.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
