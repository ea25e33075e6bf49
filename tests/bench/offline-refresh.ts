/**
 * Publish-to-saved-pack figures for the closing note (not a timed test): two builds of the
 * fixture site served in turn on one origin, the second with one slide of one pack changed.
 *
 *   npm run build:test && node --experimental-strip-types tests/bench/offline-refresh.ts   # BENCH_RUNS=3
 *
 * For each run, in a fresh browser profile: save the English fixture pack from the first build,
 * switch the server to the second build, turn on Chromium's "Slow 4G" emulation (CDP
 * Network.emulateNetworkConditions: 562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up) for the
 * page, then time the first visit (the English home page) until the
 * page says the saved pack was updated. Also times the same with no emulation, to show that the
 * emulation reaches the refresh's requests.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { launchOptions } from '../e2e/browser.ts';
import { buildChanged, outDir, serve, stop } from '../e2e/deploys.ts';

const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const port = 4398;
const origin = `http://127.0.0.1:${port}`;
const slug = 'fixture-school-pack';
const nextDir = `${outDir}-slide`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const slow4g = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1_000_000 * 0.9) / 8,
  uploadThroughput: (750 * 1000 * 0.9) / 8,
};

if (!existsSync(`${nextDir}/client/offline-versions.json`)) {
  buildChanged(nextDir, (docs) => {
    const pack = docs.find((doc) => doc.slug?.current === slug) as unknown as { slides: { heading: { en: string } }[] };
    pack.slides[0]!.heading.en = 'A strange message: call 111';
  });
}

const debuggingPort = 9398;

/**
 * Playwright opens CDP sessions on pages only; a service worker is a target of its own, reached
 * here through Chromium's remote-debugging endpoint (Node's WebSocket).
 */
async function throttleServiceWorkers(): Promise<void> {
  const targets = (await (await fetch(`http://127.0.0.1:${debuggingPort}/json/list`)).json()) as {
    type: string;
    webSocketDebuggerUrl: string;
  }[];
  const workers = targets.filter((target) => target.type === 'service_worker');
  if (workers.length === 0) throw new Error('no service worker target to throttle');
  for (const worker of workers) {
    const socket = new WebSocket(worker.webSocketDebuggerUrl);
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, { once: true });
      socket.addEventListener('error', reject, { once: true });
    });
    const send = (id: number, method: string, params: object = {}) =>
      new Promise<void>((resolve) => {
        const onMessage = (event: MessageEvent) => {
          if ((JSON.parse(String(event.data)) as { id?: number }).id !== id) return;
          socket.removeEventListener('message', onMessage);
          resolve();
        };
        socket.addEventListener('message', onMessage);
        socket.send(JSON.stringify({ id, method, params }));
      });
    await send(1, 'Network.enable');
    await send(2, 'Network.emulateNetworkConditions', slow4g);
    // The socket stays open: closing it would end the emulation.
  }
}

async function once(throttle: boolean): Promise<number> {
  const browser = await chromium.launch({
    ...launchOptions,
    args: [...(launchOptions.args ?? []), `--remote-debugging-port=${debuggingPort}`],
  });
  let server = await serve(outDir, port);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/en/materials/${slug}/`);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (registration.active?.state !== 'activated')
        await new Promise((resolve) => registration.active?.addEventListener('statechange', resolve));
    });
    await page.reload();
    await page.locator('[data-save-offline] button').first().click();
    await page.locator('[data-save-offline][data-saved="true"]').waitFor({ timeout: 60_000 });
    await stop(server);
    server = await serve(nextDir, port);
    if (throttle) {
      // The page's own requests, and its service worker's: the refresh's downloads pass through it.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', slow4g);
      await throttleServiceWorkers();
    }
    const started = performance.now();
    await page.goto(`${origin}/en/`);
    await page.getByText('Saved packs updated to the newest version').waitFor({ timeout: 120_000 });
    return performance.now() - started;
  } finally {
    await stop(server);
    await browser.close();
  }
}

const fast: number[] = [];
const slow: number[] = [];
for (let run = 0; run < runs; run++) {
  fast.push(await once(false));
  slow.push(await once(true));
}
const show = (values: number[]) =>
  `${values.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${median(values).toFixed(0)} ms)`;
console.log(
  `first online visit after a publish → saved pack refreshed\n  no emulation: ${show(fast)}\n  Slow 4G:      ${show(slow)}`,
);
