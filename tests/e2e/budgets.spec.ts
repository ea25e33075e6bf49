/**
 * Size budgets that fail: what a village phone downloads for a lesson pack, and what the service
 * worker keeps on it. Sizes are gzip (level 9) of each file as the browser received it, so they
 * do not depend on the server's encoding; the precache is counted as stored (uncompressed).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { dataDir, outDir } from './api-helpers.ts';
import { languages, reviewedPack } from './helpers.ts';
import { enrolDevice, teamCode } from './log-helpers.ts';

const KB = 1024;
/** The targets of issue 17; a budget is never raised to make a test pass. */
const budget = { packScript: 15 * KB, packHtmlCss: 40 * KB, logScript: 90 * KB, precache: 400 * KB };

/** Gzip bytes of what `url` loads, by kind (script, document, stylesheet). */
async function loaded(
  page: Page,
  url: string,
  settled?: (page: Page) => Promise<unknown>,
): Promise<Record<string, number>> {
  const bodies: Promise<[string, number]>[] = [];
  const listener = (response: import('@playwright/test').Response) => {
    const kind = response.request().resourceType();
    if (['script', 'document', 'stylesheet'].includes(kind) && response.status() === 200) {
      bodies.push(response.body().then((body) => [kind, gzipSync(body, { level: 9 }).length]));
    }
  };
  page.on('response', listener);
  await page.goto(url, { waitUntil: 'networkidle' });
  await settled?.(page);
  page.off('response', listener);
  const sizes: Record<string, number> = { script: 0, document: 0, stylesheet: 0 };
  for (const [kind, size] of await Promise.all(bodies)) sizes[kind] = (sizes[kind] ?? 0) + size;
  return sizes;
}

test.describe(() => {
  test.use({ serviceWorkers: 'block' });
  test('a lesson pack page loads at most 15 KB of gzip JavaScript and 40 KB of HTML and CSS, in every language', async ({
    page,
  }) => {
    for (const { path } of languages) {
      const sizes = await loaded(page, `/${path}/materials/${reviewedPack}/`);
      const script = sizes['script'] ?? 0;
      const htmlCss = (sizes['document'] ?? 0) + (sizes['stylesheet'] ?? 0);
      console.log(
        `${path} pack page: JavaScript ${(script / KB).toFixed(1)} KB, HTML and CSS ${(htmlCss / KB).toFixed(1)} KB (gzip)`,
      );
      expect(script, `${path}: JavaScript`).toBeLessThanOrEqual(budget.packScript);
      expect(htmlCss, `${path}: HTML and CSS`).toBeLessThanOrEqual(budget.packHtmlCss);
    }
  });

  // Both first loads count: a new phone gets the enrolment form, an enrolled one the session form
  // and the outbox; every script either loads, lazy chunks included, is in the sum.
  test('the log page loads at most 90 KB of gzip JavaScript, enrolled or not, in every language', async ({ page }) => {
    const formShown = (page: Page) => expect(page.locator('#log-form-title')).toBeVisible();
    const enrolShown = (page: Page) => expect(page.locator('#enrol-title')).toBeVisible();
    for (const { path } of languages) {
      const { script = 0 } = await loaded(page, `/${path}/log/`, enrolShown);
      console.log(`${path} log page, new device: JavaScript ${(script / KB).toFixed(1)} KB (gzip)`);
      expect.soft(script, `${path}: JavaScript of the enrolment page`).toBeLessThanOrEqual(budget.logScript);
    }
    await page.goto('/en/log/');
    await enrolDevice(page, teamCode(dataDir));
    for (const { path } of languages) {
      // A fresh page with the memory cache off, so every script is fetched and counted again.
      const session = await page.context().newCDPSession(page);
      await session.send('Network.setCacheDisabled', { cacheDisabled: true });
      const { script = 0 } = await loaded(page, `/${path}/log/`, formShown);
      console.log(`${path} log page, enrolled: JavaScript ${(script / KB).toFixed(1)} KB (gzip)`);
      expect.soft(script, `${path}: JavaScript of the session form`).toBeLessThanOrEqual(budget.logScript);
    }
  });
});

test('the service worker precaches at most 400 KB', () => {
  const client = join(outDir, 'client');
  const sw = readFileSync(join(client, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1] ?? '');
  expect(urls.length).toBeGreaterThan(5);
  const bytes = urls.reduce((sum, url) => sum + statSync(join(client, url)).size, 0);
  console.log(`precache: ${urls.length} files, ${(bytes / KB).toFixed(1)} KB`);
  expect(bytes).toBeLessThanOrEqual(budget.precache);
});
