/**
 * Issue 16: every pack travels as one HTML file that works from `file://` with no network, and
 * the pack page offers it for download and to the share sheet.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { launchOptions } from './browser.ts';
import { splitPackFile } from '../../src/offline/pack-file.ts';
import { outDir } from './api-helpers.ts';
import { languages, reviewedPack } from './helpers.ts';

const client = join(outDir, 'client');
const MB = 1_000_000;

/** Every pack file of the build, found on disk (not from the build's own lists). */
const packFiles = languages.flatMap(({ path: lang, tag }) =>
  readdirSync(join(client, lang, 'materials'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const file = join(client, lang, 'materials', entry.name, `${entry.name}-${lang}.html`);
      try {
        statSync(file);
        return [{ lang, tag, slug: entry.name, file }];
      } catch {
        return [];
      }
    }),
);

/** Blocks every request but the file itself, and records what the page asked for. */
async function openOffline(
  context: BrowserContext,
  file: string,
): Promise<{ page: Page; requests: string[]; failed: string[] }> {
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const failed: string[] = [];
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await context.setOffline(true);
  const page = await context.newPage();
  page.on('request', (request) => {
    if (request.url() !== url && !request.url().startsWith('data:')) requests.push(request.url());
  });
  page.on('requestfailed', (request) => failed.push(request.url().slice(0, 80)));
  await page.goto(url);
  return { page, requests, failed };
}

test('every language of every published pack has its file, and its pack page links it with its size', () => {
  for (const { path: lang } of languages) {
    const list = JSON.parse(readFileSync(join(client, lang, 'materials', 'offline.json'), 'utf8')) as {
      packs: { slug: string }[];
    };
    expect(list.packs.length).toBeGreaterThan(0);
    for (const { slug } of list.packs) {
      const name = `${slug}-${lang}.html`;
      const page = readFileSync(join(client, lang, 'materials', slug, 'index.html'), 'utf8');
      expect(page, `${lang}/${slug}`).toContain(`href="${name}" download="${name}"`);
      const bytes = statSync(join(client, lang, 'materials', slug, name)).size;
      const shown = /data-pack-file-size>\(([\d.,]+) MB\)/.exec(page)?.[1];
      const locale = /data-format-locale="([^"]+)"/.exec(page)?.[1];
      expect(shown, `${lang}/${slug}: size`).toBe(
        new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / MB),
      );
    }
  }
});

test('a pack file carries its pack, language, content version and the hash of what follows its header', () => {
  expect(packFiles.length).toBeGreaterThanOrEqual(languages.length * 2);
  for (const { lang, slug, file } of packFiles) {
    const parsed = splitPackFile(readFileSync(file, 'utf8'));
    expect(parsed, file).toBeDefined();
    const { header, body } = parsed!;
    expect(header).toMatchObject({ format: 1, lang, slug });
    expect(header.hash).toBe(createHash('sha256').update(body).digest('hex'));
    const manifest = JSON.parse(readFileSync(join(client, lang, 'materials', slug, 'offline.json'), 'utf8')) as {
      version: string;
    };
    expect(header.version).toBe(manifest.version);
  }
});

test('a pack file without its narration is at most 1 MB', () => {
  expect(packFiles.length).toBeGreaterThanOrEqual(languages.length * 2);
  for (const { file } of packFiles) {
    const text = readFileSync(file, 'utf8');
    const narration = [...text.matchAll(/data:audio\/[^"]+/g)].reduce((sum, match) => sum + match[0].length, 0);
    expect(Buffer.byteLength(text) - narration, file).toBeLessThanOrEqual(MB);
  }
});

test('every pack file opens from file:// with every request blocked: text, images and the present keys work', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  for (const { lang, tag, slug, file } of packFiles) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const { page, requests, failed } = await openOffline(context, file);
    const where = `${lang}/${slug}`;
    await expect(page.locator('html'), where).toHaveAttribute('lang', tag);
    await expect(page.getByRole('heading', { level: 1 }), where).toBeVisible();
    const images = await page.locator('img').evaluateAll((all) =>
      Promise.all(
        all.map(async (image) => {
          const img = image as HTMLImageElement;
          await img.decode().catch(() => undefined);
          return { width: img.naturalWidth, height: img.naturalHeight };
        }),
      ),
    );
    for (const image of images) expect(image.width * image.height, `${where}: an image`).toBeGreaterThan(0);
    // Present mode's keys: the deck steps forward and back, and N shows the teacher's notes.
    const counter = page.locator('[data-counter]').first();
    await expect(counter).toHaveText(/^1 \/ /);
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/#slide-2$/);
    await expect(counter).toHaveText(/^2 \/ /);
    await page.keyboard.press('ArrowLeft');
    await expect(counter).toHaveText(/^1 \/ /);
    await page.keyboard.press('End');
    await expect(page.getByRole('link', { name: /111/ }).first()).toBeVisible();
    expect(requests, where).toEqual([]);
    expect(failed, where).toEqual([]);
    await context.close();
  }
});

test('the Tai Dam pack file shows its Tai Viet text in the Tai Viet font it carries', async ({ browser }) => {
  const thai = packFiles.filter(({ lang }) => lang === 'thai');
  expect(thai.length).toBeGreaterThan(0);
  for (const { file } of thai) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const { page, requests } = await openOffline(context, file);
    await page.evaluate(() => document.fonts.ready);
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1 span' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.map((font) => font.familyName).join(', '), file).toMatch(/Tai Viet/);
    expect(requests).toEqual([]);
    await context.close();
  }
});

test('the Share button hands the pack file to the share sheet where the browser can share files', async ({ page }) => {
  await page.addInitScript(() => {
    const shared: { name: string; size: number; type: string; title: string | undefined }[] = [];
    Object.assign(window, { shared });
    Object.defineProperty(navigator, 'canShare', { value: (data: ShareData) => (data.files?.length ?? 0) > 0 });
    Object.defineProperty(navigator, 'share', {
      value: async (data: ShareData) => {
        for (const file of data.files ?? [])
          shared.push({ name: file.name, size: file.size, type: file.type, title: data.title });
      },
    });
  });
  await page.goto(`/en/materials/${reviewedPack}/`);
  const name = `${reviewedPack}-en.html`;
  await page.getByRole('button', { name: /^Share the file \(\d+\.\d MB\)$/ }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { shared: unknown[] }).shared.length)).toBe(1);
  const [shared] = await page.evaluate(
    () =>
      (window as unknown as { shared: { name: string; size: number; type: string; title: string | undefined }[] })
        .shared,
  );
  expect(shared).toEqual({
    name,
    size: statSync(join(client, 'en', 'materials', reviewedPack, name)).size,
    type: 'text/html',
    title: 'School lesson pack (fixture)',
  });
});

test('without file sharing the pack page offers the download link only', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'canShare', { value: () => false }));
  await page.goto(`/en/materials/${reviewedPack}/`);
  await expect(page.getByRole('link', { name: 'Download as one file' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Share the file/ })).toBeHidden();
});

test('a page served over plain http to another address says packs cannot be saved there and offers the pack files', async ({
  baseURL,
}) => {
  // A phone on a classroom laptop's hotspot: another address than its own, over http, so not a
  // secure context (127.0.0.1 would be one). The name resolves to this machine's server.
  const browser = await chromium.launch({
    ...launchOptions,
    args: [...(launchOptions.args ?? []), '--host-resolver-rules=MAP classroom-laptop.test 127.0.0.1'],
  });
  const page = await browser.newPage();
  const laptop = `http://classroom-laptop.test:${new URL(baseURL!).port}`;
  await page.goto(`${laptop}/en/materials/${reviewedPack}/`);
  expect(await page.evaluate(() => isSecureContext)).toBe(false);
  const save = page.locator('[data-save-offline]');
  await expect(
    save.getByText('This page comes from another computer over plain http, so this browser cannot save packs here.', {
      exact: false,
    }),
  ).toBeVisible();
  await expect(save.getByRole('button', { name: 'Save for offline' })).toBeHidden();
  const name = `${reviewedPack}-en.html`;
  const downloading = page.waitForEvent('download');
  await save.getByRole('link', { name: 'Download as one file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(name);
  expect(statSync(await download.path()).size).toBe(statSync(join(client, 'en', 'materials', reviewedPack, name)).size);

  await page.goto(`${laptop}/en/materials/`);
  const list = JSON.parse(readFileSync(join(client, 'en', 'materials', 'offline.json'), 'utf8')) as {
    packs: { slug: string; title: string }[];
  };
  const links = page.locator('[data-pack-files]').getByRole('link');
  await expect(links).toHaveText(list.packs.map((pack) => pack.title));
  for (const [index, pack] of list.packs.entries())
    await expect(links.nth(index)).toHaveAttribute('href', `/en/materials/${pack.slug}/${pack.slug}-en.html`);
  await expect(page.getByRole('button', { name: 'Save every pack in this language' })).toBeHidden();
  await browser.close();
});
