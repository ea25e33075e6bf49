/**
 * Issue 16: a pack file that reached a phone with no signal is imported into My offline library,
 * checked against its header and hash, opens offline, and is confirmed by the published index
 * once the phone is online.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { outDir } from './api-helpers.ts';
import { reviewedPack, savedCaches, waitForServiceWorker } from './helpers.ts';

const client = join(outDir, 'client');
const packFile = join(client, 'en', 'materials', reviewedPack, `${reviewedPack}-en.html`);
const title = 'School lesson pack (fixture)';
const unchecked = 'From a file, not yet checked';

/** The app installed once (a fresh profile that opened the library online), then no network at all. */
async function installedThenOffline(page: Page, context: BrowserContext): Promise<void> {
  await page.goto('/en/offline/');
  await waitForServiceWorker(page);
  // The context's route also stops the service worker's own requests, which setOffline does not.
  await context.route('**/*', (route) => route.abort());
  await context.setOffline(true);
  await page.reload();
}

async function pick(page: Page, file: string): Promise<void> {
  await page.getByLabel('Add a pack from a file').setInputFiles(file);
}

const library = (page: Page) => page.locator('[data-library-status]');

test('a pack file imported offline in a fresh profile opens offline, and is checked once online', async ({
  page,
  context,
}) => {
  await installedThenOffline(page, context);
  await pick(page, packFile);
  await expect(library(page)).toHaveText(`Added: ${title}. It comes from a file and is not yet checked.`);
  const item = page.getByRole('listitem').filter({ hasText: title });
  await expect(item).toContainText(unchecked);
  expect(await savedCaches(page)).toEqual([`saved-v1:pack/en/${reviewedPack}`]);

  await item.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const sizes = await page
    .locator('img')
    .evaluateAll((all) => all.map((image) => (image as HTMLImageElement).naturalWidth));
  expect(sizes.length).toBeGreaterThan(0);
  for (const width of sizes) expect(width).toBeGreaterThan(0);
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/#slide-2$/);
  await page.goto(`/en/materials/${reviewedPack}/present/`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Back online: the published index has the file's version, so the pack is checked.
  await context.unroute('**/*');
  await context.setOffline(false);
  await page.goto('/en/offline/');
  await expect(page.getByRole('listitem').filter({ hasText: title })).toBeVisible();
  await expect(page.getByText(unchecked)).toHaveCount(0, { timeout: 15_000 });
});

test('an altered pack file and a file that is no pack are refused in the page language, and nothing is kept', async ({
  page,
  context,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'pack-import-'));
  const altered = join(folder, `${reviewedPack}-vi.html`);
  const original = readFileSync(join(client, 'vi', 'materials', reviewedPack, `${reviewedPack}-vi.html`), 'utf8');
  // One number changed in the body, as a careless or malicious edit would: the header stays.
  const bodyAt = original.indexOf('-->\n') + 4;
  writeFileSync(altered, original.slice(0, bodyAt) + original.slice(bodyAt).replace('111', '112'));
  expect(readFileSync(altered, 'utf8')).not.toBe(original);
  const notPack = join(client, 'vi', 'materials', reviewedPack, 'index.html');

  await page.goto('/vi/offline/');
  await waitForServiceWorker(page);
  await context.route('**/*', (route) => route.abort());
  await context.setOffline(true);
  await page.reload();
  await page.getByLabel('Thêm bài giảng từ tệp').setInputFiles(altered);
  await expect(library(page)).toHaveText(
    'Tệp bài giảng này đã bị sửa hoặc bị hỏng. Không có gì được thêm. Hãy xin lại tệp.',
  );
  await page.getByLabel('Thêm bài giảng từ tệp').setInputFiles(notPack);
  await expect(library(page)).toHaveText('Tệp này không phải là bài giảng của trang này. Không có gì được thêm.');
  await page.getByLabel('Thêm bài giảng từ tệp').setInputFiles({
    name: 'photo.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2]),
  });
  await expect(library(page)).toHaveText('Tệp này không phải là bài giảng của trang này. Không có gì được thêm.');
  expect(await savedCaches(page)).toEqual([]);
});

test('a pack file shared to the installed app (share_target) lands in the library', async ({ page }) => {
  const manifest = (await (await page.request.get('/en/manifest.webmanifest')).json()) as {
    share_target: { action: string; params: { files: { name: string }[] } };
  };
  expect(manifest.share_target.params.files[0]!.name).toBe('pack');
  await page.goto('/en/offline/');
  await waitForServiceWorker(page);
  // What Android does with a shared file: a multipart POST navigation to the action, which the
  // worker answers with a redirect to the library.
  await page.evaluate((action) => {
    const form = document.createElement('form');
    form.method = 'post';
    form.enctype = 'multipart/form-data';
    form.action = action;
    const input = Object.assign(document.createElement('input'), { type: 'file', name: 'pack', id: 'shared-pack' });
    form.append(input);
    document.body.append(form);
  }, manifest.share_target.action);
  await page.locator('#shared-pack').setInputFiles(packFile);
  await page.evaluate(() => document.querySelector<HTMLFormElement>('form[enctype]')!.submit());
  await expect(library(page)).toHaveText(`Added: ${title}. It comes from a file and is not yet checked.`);
  await expect(page).toHaveURL(/\/en\/offline\/$/);
  expect(await savedCaches(page)).toEqual([`saved-v1:pack/en/${reviewedPack}`]);
});
