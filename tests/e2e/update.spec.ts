import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { buildChanged, outDir, serve as serveOn, stop } from './deploys.ts';
import { reviewedPack, savePack, waitForServiceWorker } from './helpers.ts';

/**
 * A new deployment: the site is rebuilt with changed content (so a new service worker), served
 * on the same origin; the teacher sees "New material available", updates, and the saved pack
 * shows the new text and is still saved, offline too.
 */
const nextOutDir = `${outDir}-next`;
const port = Number(process.env['E2E_PORT'] ?? 4329) + 17;
const newTitle = 'Updated fixture pack title';

test.describe.serial('a new deployment', () => {
  test.setTimeout(240_000);
  let server: ChildProcess | undefined;

  const serve = (dir: string) => serveOn(dir, port);

  test.beforeAll(() => {
    buildChanged(nextOutDir, (docs) => {
      for (const doc of docs) if (doc.slug?.current === reviewedPack) (doc['title'] as { en: string }).en = newTitle;
    });
  });

  test.afterEach(() => stop(server));

  test('shows the update prompt, and updating refreshes the saved pack without losing it', async ({
    page,
    context,
  }) => {
    server = await serve(outDir);
    const url = `http://127.0.0.1:${port}/en/materials/${reviewedPack}/`;
    await page.goto(url);
    await waitForServiceWorker(page);
    await savePack(page, 'Saved on this device');

    await stop(server);
    server = await serve(nextOutDir);
    await page.reload();
    const prompt = page.getByText('New material available.');
    await expect(prompt).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Update' }).click();
    await page.waitForURL(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(newTitle, { timeout: 30_000 });
    await expect(page.locator('[data-save-offline]').getByRole('status')).toHaveText('Saved on this device');

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(newTitle);
  });
});
