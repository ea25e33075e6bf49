import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { launchOptions } from './browser.ts';
import {
  expectNoAxeViolations,
  reviewedPack,
  partlyTranslatedPack,
  savedCaches,
  savePack,
  waitForServiceWorker,
} from './helpers.ts';

/** The fields of a fixture document these tests read (the reviewed pack has them all). */
interface FixtureDocument {
  _type: string;
  slug?: { current: string };
  title: { en: string; hmong: string; vi: string };
  slides: { heading: { en: string } }[];
  quiz: [{ explanation: { en: string } }];
}
const fixture = readFileSync('tests/fixtures/dataset/data.ndjson', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as FixtureDocument);
const pack = fixture.find((doc) => doc.slug?.current === reviewedPack)!;
const slideHeadings: string[] = pack.slides.map((slide) => slide.heading.en);

test('a saved pack opens offline, with its present mode; an unsaved page shows the offline page', async ({
  page,
  context,
}) => {
  await page.goto(`/en/materials/${reviewedPack}/`);
  await waitForServiceWorker(page);
  await savePack(page, 'Saved on this device');
  expect(await savedCaches(page)).toContain(`saved-v1:pack/en/${reviewedPack}`);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pack.title.en);
  // Chromium 156 under Playwright gives a document loaded while offline navigator.onLine = true
  // (seen here: false before the reload, true after), so the emulation is applied to it again;
  // on a phone with no signal navigator.onLine is false from the start.
  await context.setOffline(false);
  await context.setOffline(true);
  await expect(page.getByText('You are offline. Saved lesson packs still work.')).toBeVisible();

  await page.goto(`/en/materials/${reviewedPack}/present/`);
  await expect(page.getByRole('heading', { name: pack.title.en })).toBeVisible();
  for (const heading of slideHeadings) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  }
  await page.keyboard.press('ArrowRight');
  await page
    .getByRole('button', { name: /show the answer/i })
    .first()
    .click();
  await expect(page.getByText(pack.quiz[0].explanation.en)).toBeVisible();

  await page.goto(`/en/materials/${partlyTranslatedPack}/`);
  await expect(page.getByRole('heading', { name: 'This page is not saved on this device' })).toBeVisible();
  await expect(page.getByRole('link', { name: pack.title.en })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('saving with one file failing says why and leaves nothing saved', async ({ page, context }) => {
  await page.goto(`/vi/materials/${reviewedPack}/`);
  await waitForServiceWorker(page);
  // The context's route also sees what the service worker fetches.
  await context.route('**/*.webp', (route) => route.abort());
  await page.locator('[data-save-offline]').getByRole('button').click();
  await expect(page.locator('[data-save-offline]').getByRole('status')).toContainText(
    'Không lưu được: không tải được một tệp',
  );
  await expect(page.locator('[data-save-offline]').getByRole('status')).toContainText('Chưa có gì được lưu');
  expect(await savedCaches(page)).toEqual([]);
  await context.unroute('**/*.webp');
  await savePack(page, 'Đã lưu trên máy này');
});

test('the offline library lists saved packs with their size, removes one, and has no axe violation', async ({
  page,
}) => {
  await page.goto(`/en/materials/${reviewedPack}/`);
  await waitForServiceWorker(page);
  await savePack(page, 'Saved on this device');
  await page.goto('/en/offline/');
  const item = page.getByRole('listitem').filter({ hasText: pack.title.en });
  await expect(item).toContainText(/MB, last updated \d{1,2} [A-Z][a-z]{2} \d{4}/);
  await expect(page.getByText(/Storage used: .* MB/)).toBeVisible();
  await expectNoAxeViolations(page);
  await item.getByRole('button', { name: `Remove: ${pack.title.en}` }).click();
  await expect(page.getByText('No lesson pack is saved on this device yet.')).toBeVisible();
  expect(await savedCaches(page)).toEqual([]);
});

test('save every pack of a language with one progress bar', async ({ page }) => {
  await page.goto('/en/materials/');
  await waitForServiceWorker(page);
  await page.getByRole('button', { name: 'Save every pack in this language' }).click();
  await expect(page.getByText('Every pack in this language is saved on this device')).toBeVisible({ timeout: 30_000 });
  const saved = await savedCaches(page);
  expect(saved.filter((name) => name.startsWith('saved-v1:pack/en/')).sort()).toEqual(
    fixture
      .filter((doc) => doc._type === 'material')
      .map((doc) => `saved-v1:pack/en/${doc.slug!.current}`)
      .sort(),
  );
  // Persistent storage is asked for once something is saved.
  expect(await page.evaluate(() => localStorage.getItem('offline.persistAsked'))).toBe('1');
});

test('a saved pack opens in a new browser on the same profile while offline', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'profile-'));
  const first = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL: baseURL! });
  const page = first.pages()[0] ?? (await first.newPage());
  await page.goto(`/hmong/materials/${reviewedPack}/`);
  await waitForServiceWorker(page);
  await savePack(page);
  await first.close();

  const second = await chromium.launchPersistentContext(profile, {
    ...launchOptions,
    baseURL: baseURL!,
    offline: true,
  });
  const again = second.pages()[0] ?? (await second.newPage());
  await again.goto(`/hmong/materials/${reviewedPack}/`);
  await expect(again.getByRole('heading', { level: 1 })).toHaveText(pack.title.hmong);
  await second.close();
});

test('search finds a saved language pack offline, in Vietnamese and in Hmong', async ({ page, context }) => {
  for (const lang of ['vi', 'hmong']) {
    await page.goto(`/${lang}/materials/${reviewedPack}/`);
    await waitForServiceWorker(page);
    await savePack(page);
  }
  await context.setOffline(true);
  for (const [lang, word] of [
    ['vi', 'bẫyviệclàm'],
    ['hmong', 'ntxiajhauj'],
  ] as const) {
    await page.goto(`/${lang}/search/`);
    await page.getByRole('searchbox').fill(word);
    await expect(page.locator(`main a[href="/${lang}/materials/${reviewedPack}/"]`).first()).toBeVisible({
      timeout: 15_000,
    });
  }
});

test('Chromium finds the site installable, with the start URL of the chosen language', async ({ baseURL }) => {
  // A real profile: Chromium never offers to install from an incognito context.
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'profile-')), {
    ...launchOptions,
    baseURL: baseURL!,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/dao/');
  await waitForServiceWorker(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const manifest = (await (await page.request.get('/dao/manifest.webmanifest')).json()) as {
    icons: { purpose?: string }[];
  };
  expect(manifest).toMatchObject({ start_url: '/dao/', display: 'standalone', lang: 'ium-Latn-VN' });
  expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  await context.close();
});

test('the library finds a saved file that was altered or lost, and repairs the pack', async ({ page, context }) => {
  await page.goto(`/en/materials/${reviewedPack}/`);
  await waitForServiceWorker(page);
  await savePack(page);
  const image = await page.evaluate(async (slug) => {
    const cache = await caches.open(
      (await caches.keys()).find((name) => name.startsWith(`saved-v1:pack/en/${slug}@`))!,
    );
    await cache.put(
      `/en/materials/${slug}/`,
      new Response('<h1>Tampered</h1>', { headers: { 'Content-Type': 'text/html' } }),
    );
    const image = (await cache.keys())
      .map((request) => new URL(request.url).pathname)
      .find((path) => path.endsWith('.webp'))!;
    await cache.delete(image);
    return image;
  }, reviewedPack);

  await page.goto('/en/offline/');
  await page.getByRole('button', { name: 'Check saved packs' }).click();
  await expect(page.getByText(`Repaired packs with a missing or damaged file: ${pack.title.en}`)).toBeVisible({
    timeout: 30_000,
  });
  const repaired = await page.evaluate(
    async ({ slug, image }) => {
      const cache = await caches.open(
        (await caches.keys()).find((name) => name.startsWith(`saved-v1:pack/en/${slug}@`))!,
      );
      return { page: await (await cache.match(`/en/materials/${slug}/`))!.text(), image: !!(await cache.match(image)) };
    },
    { slug: reviewedPack, image },
  );
  expect(repaired.page).not.toContain('Tampered');
  expect(repaired.image).toBe(true);
  await page.getByRole('button', { name: 'Check saved packs' }).click();
  await expect(page.getByText('Every saved pack is complete.')).toBeVisible();

  await context.setOffline(true);
  await page.goto(`/en/materials/${reviewedPack}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pack.title.en);
});

test('a saved pack that is no longer published is marked in the library, and kept', async ({ page, context }) => {
  await page.goto(`/en/materials/${reviewedPack}/`);
  await waitForServiceWorker(page);
  await savePack(page);
  // The next deployment publishes every pack but this one.
  const index = JSON.parse(
    readFileSync(join(process.env['E2E_OUT_DIR'] ?? './dist-test', 'client/offline-versions.json'), 'utf8'),
  ) as { packs: Record<string, unknown> };
  index.packs = Object.fromEntries(Object.entries(index.packs).filter(([key]) => key !== `en/${reviewedPack}`));
  await context.route('**/offline-versions.json', (route) => route.fulfill({ json: index }));
  await page.goto('/en/offline/');
  const item = page.getByRole('listitem').filter({ hasText: pack.title.en });
  await expect(item).toContainText('No longer published. This copy stays until you remove it.', { timeout: 30_000 });
  expect(await savedCaches(page)).toContain(`saved-v1:pack/en/${reviewedPack}`);
  await page.goto(`/en/materials/${reviewedPack}/`);
  await expect(page.getByText('No longer published. This copy stays until you remove it.')).toBeVisible();
});

test('audio played online plays offline, its byte ranges answered from the whole file kept', async ({
  page,
  context,
}) => {
  const url = `/vi/materials/${reviewedPack}/`;
  await page.goto(url);
  await waitForServiceWorker(page);
  await page.reload();
  const play = () =>
    page
      .locator('audio')
      .first()
      .evaluate(async (audio: HTMLAudioElement) => {
        audio.muted = true;
        await audio.play();
        await new Promise<void>((resolve, reject) => {
          audio.addEventListener('error', () => reject(new Error(`audio error ${String(audio.error?.code)}`)));
          const check = () => (audio.currentTime > 0.2 ? resolve() : setTimeout(check, 50));
          check();
        });
        audio.pause();
        return { error: audio.error?.code ?? null, at: audio.currentTime > 0 };
      });
  expect(await play()).toEqual({ error: null, at: true });

  // No signal: nothing reaches the server, the service worker's requests included.
  await context.route('**/*', (route) => route.abort());
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pack.title.vi);
  expect(await play()).toEqual({ error: null, at: true });
  const range = await page.evaluate(
    async (src) => {
      const response = await fetch(src, { headers: { Range: 'bytes=100-199' } });
      return {
        status: response.status,
        length: (await response.arrayBuffer()).byteLength,
        contentRange: response.headers.get('content-range'),
      };
    },
    (await page.locator('audio').first().getAttribute('src'))!,
  );
  expect(range).toMatchObject({ status: 206, length: 100 });
  expect(range.contentRange).toMatch(/^bytes 100-199\/\d+$/);
});
