import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { launchOptions } from './browser.ts';
import { buildChanged, outDir, serve, stop } from './deploys.ts';
import { reviewedPack, savePack, waitForServiceWorker } from './helpers.ts';

/**
 * A publish reaches saved packs with no click: two builds of one origin, served in turn, the
 * second with one slide of one pack changed in the dataset (so its worker may well be the same).
 */
const nextOutDir = `${outDir}-slide`;
const port = Number(process.env['E2E_PORT'] ?? 4329) + 18;
const origin = `http://127.0.0.1:${port}`;
const packUrl = `${origin}/en/materials/${reviewedPack}/`;
const oldHeading = 'A strange message';
const newHeading = 'A strange message: call 111';
const title = 'School lesson pack (fixture)';

const versions = (dir: string) =>
  (
    JSON.parse(readFileSync(join(dir, 'client/offline-versions.json'), 'utf8')) as {
      packs: Record<string, { version: string }>;
    }
  ).packs;

/** The content version the saved copy of the pack is in (from its cache name). */
const savedVersions = (page: Page) =>
  page.evaluate(
    async (slug) =>
      (await caches.keys())
        .filter((name) => name.startsWith(`saved-v1:pack/en/${slug}`))
        .map((name) => name.split('@')[1]),
    reviewedPack,
  );

/** Counts the bytes the browser, its service worker included, fetches from the server. */
async function countBytes(context: BrowserContext): Promise<{ bytes: number; urls: string[] }> {
  const seen = { bytes: 0, urls: [] as string[] };
  await context.route('**/*', async (route) => {
    try {
      const response = await route.fetch();
      const body = await response.body();
      seen.bytes += body.length;
      seen.urls.push(new URL(route.request().url()).pathname);
      await route.fulfill({ response, body });
    } catch {
      // The server was switched off, or the page moved on: the request fails as it would.
      await route.abort().catch(() => undefined);
    }
  });
  return seen;
}

/** The pack's first slide heading, offline (the server stopped and the context offline). */
async function headingOffline(page: Page, context: BrowserContext): Promise<string | null> {
  await context.setOffline(true);
  await page.goto(packUrl);
  const heading = await page
    .getByRole('heading', { name: /A strange message/ })
    .first()
    .textContent();
  await context.setOffline(false);
  return heading;
}

test.describe.serial('a publish reaches saved packs', () => {
  test.setTimeout(240_000);
  let server: ChildProcess | undefined;

  test.beforeAll(() => {
    buildChanged(nextOutDir, (docs) => {
      const pack = docs.find((doc) => doc.slug?.current === reviewedPack) as unknown as {
        slides: { heading: { en: string } }[];
      };
      pack.slides[0]!.heading.en = newHeading;
    });
  });

  test.afterEach(() => stop(server));

  test('the published versions change for the changed pack and language only', () => {
    const before = versions(outDir);
    const after = versions(nextOutDir);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(Object.keys(before).filter((key) => before[key]!.version !== after[key]!.version)).toEqual([
      `en/${reviewedPack}`,
    ]);
    // The service worker did not change: no "new material" prompt can carry this publish.
    expect(readFileSync(join(nextOutDir, 'client/sw.js'), 'utf8')).toBe(
      readFileSync(join(outDir, 'client/sw.js'), 'utf8'),
    );
  });

  test('a saved pack refreshes itself on the first online visit after a publish, with no click, downloading only what changed', async ({
    page,
    context,
  }) => {
    server = await serve(outDir, port);
    await page.goto(packUrl);
    await waitForServiceWorker(page);
    await savePack(page, 'Saved on this device');
    expect(await savedVersions(page)).toEqual([versions(outDir)[`en/${reviewedPack}`]!.version]);

    await stop(server);
    server = await serve(nextOutDir, port);
    const fetched = await countBytes(context);
    const started = Date.now();
    await page.goto(`${origin}/en/`);
    await expect(
      page.getByRole('status').filter({ hasText: `Saved packs updated to the newest version: ${title}` }),
    ).toBeVisible({ timeout: 30_000 });
    console.log(
      `refresh: ${Date.now() - started} ms; fetched ${fetched.bytes} bytes: ${fetched.urls.filter((url) => !url.endsWith('/en/')).join(' ')}`,
    );
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    expect(await savedVersions(page)).toEqual([versions(nextOutDir)[`en/${reviewedPack}`]!.version]);
    // Only the pack's two changed pages are downloaded again, beside the small lists.
    expect(
      fetched.urls
        .filter((url) => !/offline(-versions)?\.json$|^\/en\/$|^\/(sw|workbox-[^/]+)\.js$|\/pagefind\//.test(url))
        .sort(),
    ).toEqual([`/en/materials/${reviewedPack}/`, `/en/materials/${reviewedPack}/present/`].sort());
    // The language's search index is refreshed file by file too: its unchanged code is reused.
    for (const unchanged of ['/pagefind/pagefind.js', '/pagefind/pagefind-worker.js', '/pagefind/wasm.en.pagefind'])
      expect(fetched.urls).not.toContain(unchanged);

    await stop(server);
    expect(await headingOffline(page, context)).toBe(newHeading);
  });

  test('the same after the browser was closed and reopened on the new deployment', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'profile-'));
    server = await serve(outDir, port);
    const first = await chromium.launchPersistentContext(profile, launchOptions);
    const page = first.pages()[0] ?? (await first.newPage());
    await page.goto(packUrl);
    await waitForServiceWorker(page);
    await savePack(page);
    await first.close();

    await stop(server);
    server = await serve(nextOutDir, port);
    const second = await chromium.launchPersistentContext(profile, launchOptions);
    const again = second.pages()[0] ?? (await second.newPage());
    await again.goto(packUrl);
    await expect(
      again.getByRole('status').filter({ hasText: `Saved packs updated to the newest version: ${title}` }),
    ).toBeVisible({ timeout: 30_000 });
    await again.reload();
    await expect(again.getByRole('heading', { name: newHeading })).toBeVisible();
    await expect(again.getByText(/^Last updated: /)).toBeVisible();
    await second.close();
  });

  test('with "update only when I press", the notice and size show and the old copy stays until pressed', async ({
    page,
    context,
  }) => {
    server = await serve(outDir, port);
    await page.goto(`${origin}/en/offline/`);
    await page.getByLabel('Update only when I press (for a metered connection)').check();
    await page.goto(packUrl);
    await waitForServiceWorker(page);
    await savePack(page);
    const saved = await savedVersions(page);

    await stop(server);
    server = await serve(nextOutDir, port);
    await page.goto(`${origin}/en/offline/`);
    const item = page.getByRole('listitem').filter({ hasText: title });
    await expect(item).toContainText(/A newer version is available \(\d+[.,]\d MB\)\./, { timeout: 30_000 });
    expect(await savedVersions(page)).toEqual(saved);
    await page.goto(packUrl);
    await expect(page.getByText(/A newer version is available/)).toBeVisible();
    await expect(page.getByRole('heading', { name: oldHeading, exact: true })).toBeVisible();

    await page.locator('[data-save-offline]').getByRole('button', { name: 'Update' }).click();
    await expect(page.getByRole('heading', { name: newHeading })).toBeVisible({ timeout: 30_000 });
    expect(await savedVersions(page)).toEqual([versions(nextOutDir)[`en/${reviewedPack}`]!.version]);
    await stop(server);
    expect(await headingOffline(page, context)).toBe(newHeading);
  });

  test('running out of space during a refresh keeps the old copy and says so', async ({ page, context }) => {
    server = await serve(outDir, port);
    await page.goto(packUrl);
    await waitForServiceWorker(page);
    await savePack(page);
    const saved = await savedVersions(page);

    await stop(server);
    server = await serve(nextOutDir, port);
    // The device fills up halfway through writing the new copy.
    await context.addInitScript(() => {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the cache as `this`
      const put = Cache.prototype.put;
      let writes = 0;
      Cache.prototype.put = function (request, response) {
        writes += 1;
        if (writes > 3) return Promise.reject(new DOMException('full', 'QuotaExceededError'));
        return put.call(this, request, response);
      };
    });
    await page.goto(`${origin}/en/`);
    await expect(
      page.getByRole('status').filter({
        hasText: `Not enough space on this device to update: ${title}. The saved copy is kept and still works.`,
      }),
    ).toBeVisible({ timeout: 30_000 });
    expect(await savedVersions(page)).toEqual(saved);
    await stop(server);
    expect(await headingOffline(page, context)).toBe(oldHeading);
  });
});
