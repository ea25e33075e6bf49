/**
 * Read-along (issue 15): the fixture pack's first slide has a short Vietnamese narration clip with
 * a start and end per sentence (heading, then body). The highlight must follow the clip's
 * currentTime, a tap plays one sentence, present mode has keys for it, and all of it works from a
 * saved pack with no signal.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, reviewedPack, savePack, waitForServiceWorker } from './helpers.ts';

const packPage = `/vi/materials/${reviewedPack}/`;
const presentPage = `/vi/materials/${reviewedPack}/present/`;

async function timingsOf(page: Page, audio: string): Promise<[number, number][]> {
  return JSON.parse((await page.locator(audio).getAttribute('data-timings'))!) as [number, number][];
}

/** Mutes the clip (headless Chromium plays it anyway) so a test never makes a sound. */
const mute = (page: Page, audio: string) =>
  page.locator(audio).evaluate((element: HTMLAudioElement) => {
    element.muted = true;
  });

/** The index of the highlighted sentence of a clip (-1 when none), and the clip's time and state. */
const state = (page: Page, audio: string) =>
  page.locator(audio).evaluate((element: HTMLAudioElement) => {
    const current = [...document.querySelectorAll<HTMLElement>(`[data-ra="${element.id}"].ra-current`)].map((piece) =>
      Number(piece.dataset['s']),
    );
    return {
      highlighted: current.length ? Math.min(...current) : -1,
      distinct: new Set(current).size,
      time: element.currentTime,
      paused: element.paused,
    };
  });

test('the highlight follows currentTime over the whole clip, sentence by sentence', async ({ page }) => {
  await page.goto(packPage);
  const audio = '#narration-1';
  const timings = await timingsOf(page, audio);
  expect(timings.length).toBe(2);
  await expect(page.locator(`[data-ra="narration-1"][data-s="0"]`)).toHaveText('Tin nhắn lạ');
  await expect(page.locator(`[data-ra="narration-1"][data-s="1"]`)).toHaveText(
    'Một người lạ hứa việc làm lương cao bên kia biên giới.',
  );
  await mute(page, audio);
  // Sample the page every 40 ms while the clip plays to its end: the highlighted sentence must be
  // the one whose timing holds currentTime (one frame of slack at a boundary).
  const samples = await page.locator(audio).evaluate(
    (element: HTMLAudioElement) =>
      new Promise<{ time: number; highlighted: number[] }[]>((resolve, reject) => {
        const out: { time: number; highlighted: number[] }[] = [];
        const timer = setInterval(() => {
          const highlighted = [...document.querySelectorAll<HTMLElement>(`[data-ra="${element.id}"].ra-current`)].map(
            (piece) => Number(piece.dataset['s']),
          );
          if (!element.paused) out.push({ time: element.currentTime, highlighted: [...new Set(highlighted)] });
        }, 40);
        element.addEventListener('ended', () => {
          clearInterval(timer);
          resolve(out);
        });
        element.addEventListener('error', () => reject(new Error(`audio error ${element.error?.code ?? 'unknown'}`)));
        element.play().catch(reject);
      }),
  );
  expect(samples.length).toBeGreaterThan(50);
  const lastStart = timings.at(-1)![0];
  const wrong = samples.filter(({ time, highlighted }) => {
    // The clip's tail after the last timing (rounded to the millisecond) is the last sentence's.
    const expected =
      time >= lastStart ? timings.length - 1 : timings.findIndex(([start, end]) => time >= start && time < end);
    const nearBoundary = timings.some(([start]) => Math.abs(time - start) < 0.1);
    return !nearBoundary && (highlighted.length !== 1 || highlighted[0] !== expected);
  });
  expect(wrong).toEqual([]);
  // Both sentences were highlighted in turn, and none is once the clip has ended.
  expect(new Set(samples.flatMap((sample) => sample.highlighted))).toEqual(new Set([0, 1]));
  await expect(page.locator('.ra-current')).toHaveCount(0);
});

test('a tap on a sentence plays that sentence from its start and stops at its end', async ({ page }) => {
  await page.goto(packPage);
  const audio = '#narration-1';
  const [first] = await timingsOf(page, audio);
  await mute(page, audio);
  await page.locator('[data-ra="narration-1"][data-s="0"]').click();
  await expect.poll(async () => (await state(page, audio)).highlighted).toBe(0);
  const playing = await state(page, audio);
  expect(playing.time).toBeLessThan(first![1]);
  expect(playing.distinct).toBe(1);
  await expect.poll(async () => (await state(page, audio)).paused, { timeout: 10_000 }).toBe(true);
  const stopped = await state(page, audio);
  expect(stopped.time).toBeGreaterThanOrEqual(first![1] - 0.05);
  expect(stopped.time).toBeLessThan(first![1] + 0.5);

  // The second sentence plays from its own start (not from where the clip stood).
  await page.locator(audio).evaluate((element: HTMLAudioElement) => {
    element.addEventListener(
      'playing',
      () => {
        element.dataset['playingAt'] = String(element.currentTime);
      },
      { once: true },
    );
  });
  await page.locator('[data-ra="narration-1"][data-s="1"]').click();
  await expect(page.locator(audio)).toHaveAttribute('data-playing-at', /\d/);
  const second = Number(await page.locator(audio).getAttribute('data-playing-at'));
  const [, [start]] = (await timingsOf(page, audio)) as [[number, number], [number, number]];
  expect(second).toBeGreaterThanOrEqual(start - 0.05);
  expect(second).toBeLessThan(start + 0.5);
});

test('axe finds nothing on the pack page and in present mode while a sentence is highlighted', async ({ page }) => {
  for (const [url, audio] of [
    [packPage, '#narration-1'],
    [`${presentPage}#slide-2`, '#audio-2'],
  ] as const) {
    await page.goto(url);
    await mute(page, audio);
    await page
      .locator(`[data-ra="${audio.slice(1)}"][data-s="1"]`)
      .first()
      .click();
    await expect(page.locator('.ra-current').first()).toBeVisible();
    await page.locator(audio).evaluate((element: HTMLAudioElement) => element.pause());
    await expect(page.locator('.ra-current').first()).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test('present mode: L plays the narration, full stop and comma step through its sentences', async ({ page }) => {
  await page.goto(`${presentPage}#slide-2`);
  await expect(page.locator('#audio-2')).toBeAttached();
  await mute(page, '#audio-2');
  await page.locator('[data-deck]').focus();
  await page.keyboard.press('.');
  await expect.poll(async () => (await state(page, '#audio-2')).highlighted).toBe(0);
  await page.keyboard.press('.');
  await expect.poll(async () => (await state(page, '#audio-2')).highlighted).toBe(1);
  await page.keyboard.press(',');
  await expect.poll(async () => (await state(page, '#audio-2')).highlighted).toBe(0);
  await page.keyboard.press('l');
  await expect.poll(async () => (await state(page, '#audio-2')).paused).toBe(true);
  // Still on the same slide: the keys belong to read-along, not to the deck.
  await expect(page).toHaveURL(/#slide-2$/);
});

test('reduced motion: the highlight moves with no smooth scrolling or transition', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(packPage);
  await mute(page, '#narration-1');
  await page.locator('[data-ra="narration-1"][data-s="1"]').click();
  const piece = page.locator('[data-ra="narration-1"][data-s="1"].ra-current');
  await expect(piece).toBeVisible();
  expect(await piece.evaluate((element) => getComputedStyle(element).transitionDuration)).toBe('0s');
  expect(await piece.evaluate((element) => getComputedStyle(element).textDecorationLine)).toBe('underline');
});

test('read-along works from a saved pack with no signal', async ({ page, context }) => {
  await page.goto(packPage);
  await waitForServiceWorker(page);
  await page.reload();
  await savePack(page);
  await context.route('**/*', (route) => route.abort());
  await page.reload();
  await mute(page, '#narration-1');
  await page.locator('[data-ra="narration-1"][data-s="1"]').click();
  await expect.poll(async () => (await state(page, '#narration-1')).highlighted).toBe(1);
  await expect
    .poll(async () => (await state(page, '#narration-1')).time)
    .toBeGreaterThan((await timingsOf(page, '#narration-1'))[1]![0] + 0.2);
});

test('a page whose language has no narration says so and plays the Vietnamese one, without read-along over other text', async ({
  page,
}) => {
  await page.goto(`/en/materials/${reviewedPack}/`);
  await expect(page.locator('[data-narration-fallback]')).toHaveText(
    'There is no narration in this language yet: the slides play the Vietnamese narration.',
  );
  await expect(page.locator('audio').first()).toHaveAttribute('lang', 'vi');
  await expect(page.locator('.ra-s')).toHaveCount(0);
  await page.goto(packPage);
  await expect(page.locator('[data-narration-fallback]')).toHaveCount(0);
});
