import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { reviewedPack, savePack, waitForServiceWorker } from './helpers.ts';

/**
 * A new deployment: the site is rebuilt with changed content (so a new service worker), served
 * on the same origin; the teacher sees "New material available", updates, and the saved pack
 * shows the new text and is still saved, offline too.
 */
const outDir = process.env['E2E_OUT_DIR'] ?? './dist-test';
const nextOutDir = `${outDir}-next`;
const port = Number(process.env['E2E_PORT'] ?? 4329) + 17;
const newTitle = 'Updated fixture pack title';

function serve(dir: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(dir, 'server/entry.mjs')], { env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) }, stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = async () => {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/en/`)).ok) return resolve(server);
      } catch {}
      if (Date.now() - started > 20_000) return reject(new Error(`server for ${dir} did not start`));
      setTimeout(poll, 200);
    };
    void poll();
  });
}

function stop(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGKILL');
  });
}

test.describe.serial('a new deployment', () => {
  test.setTimeout(240_000);
  let server: ChildProcess | undefined;

  test.beforeAll(() => {
    const dataset = mkdtempSync(join(tmpdir(), 'dataset-next-'));
    cpSync('tests/fixtures/dataset', dataset, { recursive: true });
    const file = join(dataset, 'data.ndjson');
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
    for (const doc of lines) if (doc.slug?.current === reviewedPack) doc.title.en = newTitle;
    writeFileSync(file, lines.map((doc) => JSON.stringify(doc)).join('\n') + '\n');
    execFileSync('npx', ['astro', 'build'], { env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DATASET_DIR: dataset, OUT_DIR: nextOutDir }, stdio: 'ignore' });
  });

  test.afterEach(() => stop(server));

  test('shows the update prompt, and updating refreshes the saved pack without losing it', async ({ page, context }) => {
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
