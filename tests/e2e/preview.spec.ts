/**
 * Review in context (issue 14): `PREVIEW_UNREVIEWED=1 npm run dev` shows a pack's unreviewed
 * translation on the real page layout under a "not reviewed: preview" banner; a build never holds
 * unreviewed text, even when built with the variable set (playwright.config.ts sets it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, partlyTranslatedPack, reviewedPack } from './helpers.ts';

const hmong = JSON.parse(readFileSync('src/i18n/ui/hmong.json', 'utf8')) as Record<string, string>;
const bannerText = hmong['preview.notice']!;

/** In the fixture, the partly translated pack's Hmong title waits for review; pack A's is reviewed. */
const unreviewedHmong = 'Pob lus qhia chaw nrhiav hauj lwm (sim)';
const reviewedHmong = 'Pob lus qhia tsev kawm ntawv (sim)';

const outDir = process.env['E2E_OUT_DIR'] ?? './dist-test';

/** Every file of the build as text; Pagefind's gzipped index fragments unzipped. */
function* builtTexts(folder: string): Generator<string> {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      yield* builtTexts(path);
      continue;
    }
    if (/\.(br|gz|png|jpe?g|webp|avif|mp3|woff2?)$/.test(name)) continue;
    const bytes = readFileSync(path);
    yield bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  }
}

test('a build made with PREVIEW_UNREVIEWED=1 holds no unreviewed text', async ({ request }) => {
  await request.get('/vi/'); // the web server (and so the build) is ready
  const texts = [...builtTexts(outDir)];
  expect(
    texts.some((text) => text.includes(reviewedHmong)),
    'the search finds reviewed Hmong text',
  ).toBe(true);
  expect(texts.filter((text) => text.includes(unreviewedHmong))).toEqual([]);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

test.describe('the review preview (dev server)', () => {
  test.describe.configure({ mode: 'serial', timeout: 240_000 });
  let dev: ChildProcess | undefined;
  let origin = '';

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    dev = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      env: {
        ...process.env,
        CONTENT_DATASET_DIR: 'tests/fixtures/dataset',
        PREVIEW_UNREVIEWED: '1',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      detached: true,
      stdio: 'ignore',
    });
    const deadline = Date.now() + 200_000;
    for (;;) {
      const answer = await fetch(`${origin}/vi/`).catch(() => undefined);
      if (answer?.ok) break;
      if (Date.now() > deadline) throw new Error(`astro dev did not answer on ${origin}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });

  test.afterAll(() => {
    if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
  });

  test('shows the unreviewed Hmong on the pack page, under the banner, and passes axe', async ({ page }) => {
    await page.goto(`${origin}/hmong/materials/${partlyTranslatedPack}/`, { timeout: 120_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(unreviewedHmong);
    const banner = page.getByRole('note').filter({ hasText: bannerText });
    await expect(banner).toBeVisible();
    // The real layout: the site's styles apply on the dev server too (astro.config.mjs, CSP).
    await expect(banner).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
    await expectNoAxeViolations(page);
  });

  test('shows no banner where everything shown is reviewed', async ({ page }) => {
    await page.goto(`${origin}/hmong/materials/${reviewedPack}/`, { timeout: 120_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(reviewedHmong);
    await expect(page.getByRole('note').filter({ hasText: bannerText })).toHaveCount(0);
  });
});
