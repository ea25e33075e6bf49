/**
 * Session-log figures for the closing note (not a timed test): prints a table.
 *
 *   npm run build && npm run bench:log-sync      # BENCH_OUT_DIR=./dist, BENCH_RUNS=3, BENCH_LOGS=1000
 *
 * 1. The JavaScript the form page (/vi/log/) ships, raw and gzip, with its imports followed,
 *    and the precache the service worker installs (the log pages are part of it).
 * 2. Time for the browser to sync BENCH_LOGS queued logs: a phone enrols, goes offline, finds
 *    that many logs in its outbox, comes back online; the clock runs from the `online` event to
 *    the last log marked sent (the server's own count is checked). Median of the runs, each with
 *    a fresh browser context and the built server on loopback with a fresh DATA_DIR.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { referencedUrls, withImports } from '../../src/integrations/offline-manifests.ts';
import { openSqliteStore, sqliteFile } from '../../src/sessions/sqlite-store.ts';
import { startOwnServer } from '../e2e/api-helpers.ts';
import { launchOptions } from '../e2e/browser.ts';
import { waitForServiceWorker } from '../e2e/helpers.ts';
import { enrolDevice, outboxStates, queueLogs } from '../e2e/log-helpers.ts';
import { validLog } from '../fixtures/session-logs.ts';

const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(root, process.env['BENCH_OUT_DIR'] ?? './dist');
const client = join(outDir, 'client');
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const logs = Number(process.env['BENCH_LOGS'] ?? 1000);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// 1. JavaScript of the form page, and the precache.
const scripts = withImports(client, referencedUrls(readFileSync(join(client, 'vi/log/index.html'), 'utf8'))).filter(
  (url) => url.endsWith('.js'),
);
console.log('\n| script of /vi/log/ | raw KB | gzip KB |');
console.log('| --- | ---: | ---: |');
let raw = 0;
let gzip = 0;
for (const url of scripts.sort()) {
  const bytes = readFileSync(join(client, url));
  const zipped = gzipSync(bytes).length;
  raw += bytes.length;
  gzip += zipped;
  console.log(`| ${url} | ${kb(bytes.length)} | ${kb(zipped)} |`);
}
console.log(`| **total** | **${kb(raw)}** | **${kb(gzip)}** |`);
const precached = [...readFileSync(join(client, 'sw.js'), 'utf8').matchAll(/"url":"([^"]+)"/g)].map(
  (match) => match[1]!,
);
const precacheBytes = precached.reduce((sum, url) => sum + statSync(join(client, url)).size, 0);
console.log(`\nPrecache: ${precached.length} files, ${kb(precacheBytes)} KB (target ≤ 400 KB)`);

// 2. Sync of queued logs.
const { origin, dataDir, stop } = await startOwnServer(outDir);

const store = openSqliteStore(sqliteFile(dataDir));
await store.migrate();
async function newCode(): Promise<string> {
  const team = await store.createTeam(`Bench ${Date.now()}`, 'team');
  const code = await store.createEnrolmentCode(team.id);
  if (typeof code === 'string') throw new Error(code);
  return code.code;
}

async function sentCount(page: Page): Promise<number> {
  return (await outboxStates(page)).filter((entry) => entry.state === 'sent').length;
}

const browser = await chromium.launch(launchOptions);
const times: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/vi/log/`);
    await waitForServiceWorker(page);
    await page.goto(`${origin}/en/log/`);
    await enrolDevice(page, await newCode());
    const before = await store.count();
    await context.setOffline(true);
    await queueLogs(
      page,
      Array.from({ length: logs }, () => validLog()),
    );
    await page.reload();
    await page.getByText(`No connection. Waiting: ${new Intl.NumberFormat('en-GB').format(logs)}`).waitFor();
    const started = performance.now();
    await context.setOffline(false);
    while ((await sentCount(page)) < logs) await page.waitForTimeout(50);
    const seconds = (performance.now() - started) / 1000;
    const stored = (await store.count()) - before;
    if (stored !== logs) throw new Error(`the server stored ${stored} logs, not ${logs}`);
    times.push(seconds);
    console.log(`run ${run + 1}: ${logs} logs synced in ${seconds.toFixed(2)} s`);
    await context.close();
  }
} finally {
  await browser.close();
  await store.close();
  stop();
}

console.log(`\n| figure | median of ${runs} | target |`);
console.log('| --- | ---: | ---: |');
console.log(`| sync ${logs} queued logs | ${median(times).toFixed(2)} s | ≤ 15 s |`);
console.log(`| JS shipped by the form page (gzip) | ${kb(gzip)} KB | — |`);
