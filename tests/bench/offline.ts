/**
 * Offline-classroom figures for the closing note (not a timed test): prints a table.
 *
 *   npm run build && npm run bench:offline     # BENCH_RUNS=3 by default
 *
 * 1. Precache bytes (what the service worker installs on the first visit).
 * 2. Bytes to save each pack (images and pages; audio reported apart), from its offline.json.
 * 3. Time to save every Vietnamese pack with Chromium's network emulation at DevTools' "Slow 4G"
 *    (562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up), median of several runs.
 * 4. Lighthouse mobile scores of the Vietnamese home and a pack page.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { launchOptions } from '../e2e/browser.ts';

const root = resolve(import.meta.dirname, '../..');
const client = join(root, 'dist/client');
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const port = 4399;
const origin = `http://127.0.0.1:${port}`;
const kb = (bytes: number) => (bytes / 1024).toFixed(0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// 1. Precache: the manifest workbox-build injected into sw.js.
const sw = readFileSync(join(client, 'sw.js'), 'utf8');
const precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]!);
const precacheBytes = precached.reduce((sum, url) => sum + statSync(join(client, url)).size, 0);
console.log(`\nPrecache: ${precached.length} files, ${kb(precacheBytes)} KB (target ≤ 400 KB)\n`);

// 2. Bytes per pack.
console.log('| pack (vi) | files | pages + images KB | audio KB |');
console.log('| --- | ---: | ---: | ---: |');
const packs = readdirSync(join(client, 'vi/materials')).filter((slug) =>
  statSync(join(client, 'vi/materials', slug)).isDirectory(),
);
for (const slug of packs) {
  const file = join(client, 'vi/materials', slug, 'offline.json');
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { files: unknown[]; bytes: number; audioBytes: number };
    console.log(
      `| ${slug} | ${manifest.files.length} | ${kb(manifest.bytes - manifest.audioBytes)} | ${kb(manifest.audioBytes)} |`,
    );
  } catch {
    // Not a pack folder (schools/, job-centres/).
  }
}

// 3. Save every Vietnamese pack on Slow 4G.
const server = spawn(process.execPath, [join(root, 'dist/server/entry.mjs')], {
  env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
  stdio: 'ignore',
});
await new Promise((done) => setTimeout(done, 1500));
const browser = await chromium.launch(launchOptions);
const times: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    // No service worker here: the emulation throttles the page's own requests, which is what saving is.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${origin}/vi/materials/`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 562.5,
      downloadThroughput: (1.6 * 1_000_000 * 0.9) / 8,
      uploadThroughput: (750 * 1000 * 0.9) / 8,
    });
    const start = performance.now();
    await page.getByRole('button', { name: 'Lưu mọi bài giảng bằng ngôn ngữ này' }).click();
    await page.locator('[data-save-offline][data-saved="true"]').waitFor({ timeout: 600_000 });
    times.push((performance.now() - start) / 1000);
    await context.close();
  }
  console.log(
    `\nSave every Vietnamese pack on Slow 4G: median ${median(times).toFixed(1)} s (runs: ${times.map((t) => t.toFixed(1)).join(', ')})`,
  );

  // 4. Lighthouse CLI, mobile (its default form factor and simulated throttling).
  console.log('\n| page | performance | accessibility | best practices | SEO |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const pack = packs.find((slug) => !['schools', 'job-centres'].includes(slug));
  for (const [label, path] of [
    ['home (vi)', '/vi/'],
    ['pack (vi)', `/vi/materials/${pack!}/`],
  ] as const) {
    const scores: Record<string, number[]> = {};
    for (let run = 0; run < runs; run++) {
      const report = execFileSync(
        join(root, 'node_modules/.bin/lighthouse'),
        [
          `${origin}${path}`,
          '--output=json',
          '--quiet',
          '--only-categories=performance,accessibility,best-practices,seo',
          `--chrome-flags=--headless=new ${(launchOptions.args ?? []).join(' ')}`,
        ],
        { env: { ...process.env, CHROME_PATH: launchOptions.executablePath ?? '' }, maxBuffer: 64 * 1024 * 1024 },
      );
      const categories = (JSON.parse(report.toString()) as { categories: Record<string, { score: number | null }> })
        .categories;
      for (const [id, category] of Object.entries(categories)) (scores[id] ??= []).push(category.score ?? 0);
    }
    const cell = (id: string) => median(scores[id] ?? [0]).toFixed(2);
    console.log(
      `| ${label} | ${cell('performance')} | ${cell('accessibility')} | ${cell('best-practices')} | ${cell('seo')} |`,
    );
  }
} finally {
  await browser.close();
  server.kill();
}
