/**
 * The Studio's narration recorder, as a communicator uses it: the built Studio against the
 * writable stand-in for Sanity's API, in a Chromium whose microphone is a fake device that plays
 * a real voice (the sample's espeak-ng narration, looped) and grants access without asking.
 * Recording, tapping "next sentence", listening to one sentence, saving (upload and edit), taking
 * a file, and refusing a file that is not audio.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  expect as baseExpect,
  test,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { MPEGDecoder } from 'mpg123-decoder';
import type { SanityStandIn } from '../unit/sanity-stand-in.ts';
import { launchOptions } from './browser.ts';
import { routeSanityToStandIn, serveStudio } from './studio-stand-in.ts';

/** The Studio is a large app: on two busy cores its first panes take longer than the default 5 s. */
const expect = baseExpect.configure({ timeout: 15_000 });

/** Seven Vietnamese sentences with 0.3 s pauses between them (studio/dataset/source/narration.json). */
const voiceClip = 'studio/dataset/files/fake-jobs-across-the-border-2-vi.mp3';

/** 16-bit PCM WAV, the one format Chromium's fake audio capture reads. */
function wav(samples: Float32Array, sampleRate: number): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((sample, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, sample)) * 0x7fff), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

let studio: Awaited<ReturnType<typeof serveStudio>>;
let browser: Browser;
let folder: string;
let standIn: SanityStandIn | undefined;
let context: BrowserContext;
let page: Page;

test.beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'recorder-'));
  const decoder = new MPEGDecoder();
  await decoder.ready;
  const { channelData, sampleRate } = decoder.decode(readFileSync(voiceClip));
  decoder.free();
  const voice = join(folder, 'voice.wav');
  writeFileSync(voice, wav(channelData[0]!, sampleRate));
  browser = await chromium.launch({
    ...launchOptions,
    args: [
      ...(launchOptions.args ?? []),
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-audio-capture=${voice}`,
      '--autoplay-policy=no-user-gesture-required',
      // The writable stand-in's listener has a throwaway certificate (studio-stand-in.ts).
      '--ignore-certificate-errors',
    ],
  });
  studio = await serveStudio();
});

test.afterAll(async () => {
  await browser.close();
  await studio.close();
  rmSync(folder, { recursive: true, force: true });
});

test.beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
  standIn = await routeSanityToStandIn(page, { writable: true });
});

test.afterEach(async () => {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
  await standIn?.close();
});

/** Opens one slide's Vietnamese narration in the school pack, as a link from the desk would. */
async function openNarration(slideKey: string, on: Page = page) {
  const path = encodeURIComponent(`slides[_key=="${slideKey}"].audio.vi`);
  await on.goto(`${studio.url}/intent/edit/id=material-fixture-school-pack;type=material;path=${path}/`);
  const input = on.getByTestId('narration-vi');
  // The whole Studio loads with each visit: on a busy machine that alone can take 15 s.
  await expect(input).toBeAttached({ timeout: 30_000 });
  await input.scrollIntoViewIfNeeded();
  await expect(input).toBeVisible();
  return input;
}

/** The uploads the stand-in received, with their bytes' first four (the MP3 frame header). */
function uploads() {
  return [...(standIn?.documents.values() ?? [])].filter((document) => document._type === 'sanity.fileAsset');
}

/** Two Vietnamese sentences (the fixture pack's slide 1). */
const fixtureClip = 'tests/fixtures/dataset/files/fixture-school-pack-1-vi.mp3';

/** Takes a file as the slide's new clip. */
async function takeFile(input: Locator, file = fixtureClip) {
  await input.getByLabel('Hoặc tải lên tệp (or upload a file)').setInputFiles(file);
  await expect(input).toContainText('Bản ghi mới, chưa lưu');
}

test('a communicator records a slide sentence by sentence, listens to one sentence and saves it', async () => {
  const input = await openNarration('slide3');
  // Slide 3: its heading and two body paragraphs, three sentences.
  await expect(input).toContainText('3 câu sẽ được đọc');
  await input.getByRole('button', { name: 'Ghi âm (record)' }).click();
  const status = input.getByRole('status');
  await expect(status).toContainText('câu 1/3');
  await expect(input).toContainText('Giữ giấy tờ');
  const next = input.getByRole('button', { name: 'Câu tiếp (next sentence)' });
  await expect(next).toBeFocused();
  await page.waitForTimeout(1500);
  await page.keyboard.press('Space');
  await expect(status).toContainText('câu 2/3');
  await expect(input).toContainText('Không đưa căn cước cho ai giữ.');
  await page.waitForTimeout(1500);
  await page.keyboard.press('Space');
  await expect(status).toContainText('câu 3/3');
  await expect(next).toBeDisabled();
  await expect(input.getByRole('button', { name: 'Dừng (stop)' })).toBeFocused();
  await page.waitForTimeout(1500);
  await input.getByRole('button', { name: 'Dừng (stop)' }).click();

  // The clip waits on the page, with a timing per sentence that read-along will use.
  await expect(input).toContainText('Bản ghi mới, chưa lưu');
  await expect(input).toContainText('Đọc theo: bật · 3 câu');
  const rows = input.getByRole('list', { name: 'Câu và mốc thời gian (sentences and timings)' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);

  // Listen to the second sentence: it plays from its start, is marked while it plays, and stops at its end.
  const start = Number(await input.getByLabel('Câu 2 bắt đầu (start, s)').inputValue());
  const end = Number(await input.getByLabel('Câu 2 kết thúc (end, s)').inputValue());
  expect(end).toBeGreaterThan(start);
  await input.getByRole('button', { name: 'Nghe câu 2 (play sentence 2)' }).click();
  await expect(rows.nth(1)).toHaveAttribute('aria-current', 'true');
  const audio = input.getByLabel('Bản ghi mới (new recording)');
  const playedFrom = await audio.evaluate((element: HTMLAudioElement) => element.currentTime);
  expect(playedFrom).toBeGreaterThanOrEqual(start - 0.05);
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.paused), { timeout: 10_000 })
    .toBe(true);
  const stoppedAt = await audio.evaluate((element: HTMLAudioElement) => element.currentTime);
  expect(stoppedAt).toBeGreaterThanOrEqual(end - 0.05);
  expect(stoppedAt).toBeLessThan(end + 0.3);
  await expect(rows.nth(1)).not.toHaveAttribute('aria-current', 'true');

  // Saved: one MP3 upload at speech rate, and the slide's narration set to it with three timings.
  await input.getByRole('button', { name: 'Lưu lời đọc (save narration)' }).click();
  await expect(input).toContainText('Đọc theo: bật · 3 câu');
  await expect(input.getByLabel('Lời đọc đã lưu (saved narration)')).toBeVisible();
  await expect.poll(() => uploads().length).toBe(1);
  const [asset] = uploads();
  expect(asset?.['mimeType']).toBe('audio/mpeg');
  const bytes = await (await page.request.get(String(asset?.['url']))).body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xf3, 0x38]); // MPEG-2 Layer III, 24 kbit/s, 16 kHz
  expect(bytes[3]! >> 6).toBe(3); // mono
  // About 4.5 s of speech at 24 kbit/s is about 14 KB; a browser's own recording would be several times that.
  expect(bytes.length).toBeLessThan(30_000);
  // The Studio sends its edit a moment later, as a document action on the draft.
  const edit = () =>
    (standIn?.actions ?? []).find(
      (action) =>
        action['actionType'] === 'sanity.action.document.edit' && JSON.stringify(action).includes(String(asset?._id)),
    );
  await expect.poll(() => edit() !== undefined).toBe(true);
  const written = JSON.stringify(edit());
  expect(written).toContain('slides[_key==\\"slide3\\"].audio.vi');
  expect(written.match(/"_type":"sentenceTiming"/g)).toHaveLength(3);
});

test('a communicator uploads a recording made elsewhere; its sentences are found from its pauses', async () => {
  const input = await openNarration('slide2');
  await takeFile(input);
  await expect(input).toContainText('Mốc câu lấy từ những chỗ ngừng dài nhất');
  await expect(input).toContainText('Đọc theo: bật · 2 câu');
});

test('a file that is not audio is refused in the Studio’s language, and the saved narration stays', async () => {
  const input = await openNarration('slide2');
  await input.getByLabel('Hoặc tải lên tệp (or upload a file)').setInputFiles({
    name: 'loi-doc.mp3',
    mimeType: 'audio/mpeg',
    buffer: Buffer.from('This is not audio at all.'),
  });
  await expect(input.getByRole('alert')).toContainText('Trình duyệt không đọc được tệp âm thanh này');
  await expect(input).not.toContainText('Bản ghi mới, chưa lưu');
  expect(uploads()).toHaveLength(0);
  expect(JSON.stringify(standIn?.actions)).not.toContain('audio');
});

/** The clips this browser keeps unsaved (studio/narration/unsavedClips.ts), by key. */
function keptClips(on: Page = page) {
  return on.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const opening = indexedDB.open('narration-unsaved');
        opening.onerror = () => reject(new Error(String(opening.error)));
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains('clips')) {
            resolve([]);
            return;
          }
          const keys = db.transaction('clips').objectStore('clips').getAllKeys();
          keys.onsuccess = () => resolve(keys.result.map(String));
          keys.onerror = () => reject(new Error(String(keys.error)));
        };
      }),
  );
}

/** The Studio's edit that set a slide's narration to `assetId`, once it reached the stand-in. */
const narrationEdit = (assetId: string) =>
  (standIn?.actions ?? []).find(
    (action) => action['actionType'] === 'sanity.action.document.edit' && JSON.stringify(action).includes(assetId),
  );

test('an unsaved clip survives a reload of the Studio, and is forgotten once saved', async () => {
  let input = await openNarration('slide2');
  await takeFile(input);
  // The communicator's tab reloads (or the slide is closed) before "save".
  input = await openNarration('slide2');
  await expect(input).toContainText('được giữ lại trên máy này');
  await expect(input).toContainText('Đọc theo: bật · 2 câu');
  await expect(input.getByLabel('Bản ghi mới (new recording)')).toHaveJSProperty('paused', true);
  // The tab will be reloaded before it sees Sanity holding the edit (its looks are held up here).
  await page.route('**/data/doc/**', (route) => route.abort('internetdisconnected'));
  await input.getByRole('button', { name: 'Lưu lời đọc (save narration)' }).click();
  await expect.poll(() => uploads().length).toBe(1);
  await expect(input).not.toContainText('Bản ghi mới, chưa lưu');
  await expect.poll(() => narrationEdit(uploads()[0]!._id) !== undefined).toBe(true);
  await page.waitForTimeout(1500);
  expect(await keptClips()).toHaveLength(1);
  await page.unroute('**/data/doc/**');
  // The next visit finds the field holding the clip: the copy goes, and is not offered as unsaved.
  input = await openNarration('slide2');
  await expect(input.getByLabel('Lời đọc đã lưu (saved narration)')).toBeVisible();
  await expect(input.getByRole('button', { name: 'Ghi âm lại (record again)' })).toBeVisible();
  await expect(input).not.toContainText('được giữ lại');
  await expect.poll(() => keptClips()).toEqual([]);
});

test('a saved clip whose edit never reached Sanity is kept, and offered again after a reload', async () => {
  let input = await openNarration('slide2');
  await takeFile(input);
  // The upload goes through; the Studio's edit of the document does not (the tab is then lost).
  await page.route('**/data/actions/**', (route) => route.abort('internetdisconnected'));
  await input.getByRole('button', { name: 'Lưu lời đọc (save narration)' }).click();
  await expect.poll(() => uploads().length).toBe(1);
  await expect(input).not.toContainText('Bản ghi mới, chưa lưu');
  const [asset] = uploads();
  await page.waitForTimeout(2000);
  expect(narrationEdit(asset!._id)).toBeUndefined();
  expect(await keptClips()).toHaveLength(1);

  input = await openNarration('slide2');
  await expect(input).toContainText('đã tải lên nhưng chưa vào tài liệu');
  await expect(input).toContainText('Đọc theo: bật · 2 câu');
  await page.unroute('**/data/actions/**');
  await input.getByRole('button', { name: 'Lưu lời đọc (save narration)' }).click();
  await expect.poll(() => narrationEdit(asset!._id) !== undefined).toBe(true);
  await expect.poll(() => keptClips(), { timeout: 10_000 }).toEqual([]);
});

test('a clip saved and then removed on purpose is not offered again', async () => {
  let input = await openNarration('slide2');
  await takeFile(input);
  // The tab does not get to see Sanity holding the save before the narration is removed.
  await page.route('**/data/doc/**', (route) => route.abort('internetdisconnected'));
  await input.getByRole('button', { name: 'Lưu lời đọc (save narration)' }).click();
  await expect(input.getByLabel('Lời đọc đã lưu (saved narration)')).toBeVisible();
  await input.getByRole('button', { name: 'Xoá lời đọc (remove narration)' }).click();
  await expect(input.getByLabel('Lời đọc đã lưu (saved narration)')).toHaveCount(0);
  await expect.poll(() => keptClips()).toEqual([]);
  const removal = () =>
    (standIn?.actions ?? []).some((action) =>
      // The Studio unsets the language's field, or the whole `audio` once no language is left.
      JSON.stringify(action).includes('"unset":["slides[_key==\\"slide2\\"].audio'),
    );
  await expect.poll(removal).toBe(true);
  await page.unroute('**/data/doc/**');
  input = await openNarration('slide2');
  await expect(input.getByRole('button', { name: 'Ghi âm (record)' })).toBeVisible();
  await expect(input).not.toContainText('Bản ghi mới, chưa lưu');
});

/** Slide 2's Vietnamese narration as the stand-in holds it (the draft, else the published document). */
function heldNarration() {
  const document = (standIn?.documents.get('drafts.material-fixture-school-pack') ??
    standIn?.documents.get('material-fixture-school-pack')) as unknown as {
    slides: { _key: string; audio?: { vi?: { asset?: { _ref?: string }; sentences?: { end?: number }[] } } }[];
  };
  return document.slides.find(({ _key }) => _key === 'slide2')?.audio?.vi;
}

/** Holds the Studio's document edits unanswered (a slow connection) until `release` fails them. */
async function holdEdits() {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route('**/data/actions/**', async (route) => {
    held += 1;
    await released;
    await route.abort('internetdisconnected');
  });
  return { held: () => held, fail: release };
}

/** Closes the slide (Escape) and opens it again in the same Studio, without a reload. */
async function closeAndReopenInStudio(slideKey: string) {
  // Escape closes the slide's dialog from inside it.
  await page
    .getByTestId('narration-vi')
    .getByRole('button', { name: /^Ghi âm/ })
    .focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('narration-vi')).toHaveCount(0);
  // The Studio takes the slide out of its URL itself: only then is it sent back to the slide.
  await expect.poll(() => decodeURIComponent(page.url())).not.toContain('audio.vi');
  const path = encodeURIComponent(`slides[_key=="${slideKey}"].audio.vi`);
  await page.evaluate((to) => {
    history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, `${studio.url}/intent/edit/id=material-fixture-school-pack;type=material;path=${path}/`);
  await expect(page.getByTestId('narration-vi')).toBeAttached({ timeout: 30_000 });
}

test.describe('a save whose edit is slow or fails (found by a tester)', () => {
  test('the slide closed and opened again while the edit is on its way: the clip waits, and is offered once the edit fails', async () => {
    let input = await openNarration('slide2');
    await takeFile(input);
    const edits = await holdEdits();
    await input.getByRole('button', { name: 'Lưu lời đọc (save narration)' }).click();
    await expect.poll(() => edits.held()).toBeGreaterThan(0);
    await closeAndReopenInStudio('slide2');
    // The form shows the saved clip (the Studio's own edit); the copy waits for Sanity meanwhile.
    await page.waitForTimeout(1500);
    expect(await keptClips()).toHaveLength(1);
    edits.fail();
    await page.waitForTimeout(1000);
    await page.unroute('**/data/actions/**');
    expect(heldNarration()?.asset).toBeUndefined();
    input = await openNarration('slide2');
    await expect(input).toContainText('đã tải lên nhưng chưa vào tài liệu');
  });

  test('a save that fails, then a new take at once: the first clip is not replaced, and is offered after the new one', async () => {
    let input = await openNarration('slide2');
    await takeFile(input);
    await page.route('**/data/actions/**', (route) => route.abort('internetdisconnected'));
    await input.getByRole('button', { name: 'Lưu lời đọc (save narration)' }).click();
    await expect.poll(() => uploads().length).toBe(1);
    await expect(input).not.toContainText('Bản ghi mới, chưa lưu');
    await takeFile(input, voiceClip);
    await expect.poll(async () => (await keptClips()).length).toBe(2);
    await page.unroute('**/data/actions/**');
    input = await openNarration('slide2');
    await expect(input).toContainText('An unsaved recording, kept on this computer');
    await input.getByRole('button', { name: 'Bỏ bản ghi này (discard)' }).click();
    input = await openNarration('slide2');
    await expect(input).toContainText('đã tải lên nhưng chưa vào tài liệu');
    await expect(input).toContainText('Đọc theo: bật · 2 câu');
  });

  test('the same file saved again with a timing typed by hand, the edit refused: the clip is offered again', async () => {
    let input = await openNarration('slide2');
    await takeFile(input);
    await input.getByRole('button', { name: 'Lưu lời đọc (save narration)' }).click();
    await expect.poll(() => heldNarration()?.asset?._ref).toBe(uploads()[0]?._id);
    await expect.poll(() => keptClips()).toEqual([]);
    // The same bytes make the same asset: only the timing tells this save from the first.
    input = await openNarration('slide2');
    await takeFile(input);
    const end = input.getByLabel('Câu 1 kết thúc (end, s)');
    await end.fill('1.3');
    await end.blur();
    await page.route('**/data/actions/**', (route) => route.abort('internetdisconnected'));
    await input.getByRole('button', { name: 'Lưu lời đọc (save narration)' }).click();
    await expect(input).not.toContainText('Bản ghi mới, chưa lưu');
    await page.waitForTimeout(2500);
    expect(uploads()).toHaveLength(1);
    expect(heldNarration()?.sentences?.[0]?.end).not.toBe(1.3);
    await page.unroute('**/data/actions/**');
    input = await openNarration('slide2');
    await expect(input).toContainText('đã tải lên nhưng chưa vào tài liệu');
    await expect(input.getByLabel('Câu 1 kết thúc (end, s)')).toHaveValue('1.3');
  });
});

test('closing the slide mid-recording keeps the take', async () => {
  const input = await openNarration('slide4');
  await input.getByRole('button', { name: /^Ghi âm/ }).click();
  await expect(input.getByRole('status')).toContainText('câu 1/');
  await page.waitForTimeout(3000);
  // Escape closes the slide's dialog (the focus is on "Next sentence", inside it).
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('narration-vi')).toHaveCount(0);
  const reopened = await openNarration('slide4');
  await expect(reopened).toContainText('được giữ lại trên máy này');
  await expect(reopened.getByLabel('Bản ghi mới (new recording)')).toBeVisible();
});

test('a tab closed mid-recording leaves what was said so far', async () => {
  const input = await openNarration('slide5');
  await input.getByRole('button', { name: /^Ghi âm/ }).click();
  await expect(input.getByRole('status')).toContainText('câu 1/');
  await page.waitForTimeout(4500);
  // The tab goes (a crash, a flat battery): no unload handlers run.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.close({ runBeforeUnload: false });
  await standIn?.close();
  page = await context.newPage();
  standIn = await routeSanityToStandIn(page, { writable: true });
  const reopened = await openNarration('slide5');
  // Its heartbeat is fresh at first (it might be another tab, still recording); once it is stale
  // (10 s), the take is taken up.
  await expect(reopened).toContainText('được giữ lại trên máy này', { timeout: 30_000 });
  await expect(reopened).not.toContainText('đang được ghi âm ở một thẻ khác');
  const audio = reopened.getByLabel('Bản ghi mới (new recording)');
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration)).toBeGreaterThan(1.5);
});

test.describe('against slips of hand and hardware', () => {
  /** The streams the page opened, observed (not replaced) so that a test can count and end them. */
  test.beforeEach(async () => {
    await page.addInitScript(() => {
      const opened: MediaStream[] = [];
      Object.assign(window, { openedStreams: opened });
      const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        const stream = await getUserMedia(constraints);
        opened.push(stream);
        return stream;
      };
    });
  });
  const streams = () =>
    page.evaluate(() =>
      (window as unknown as { openedStreams: MediaStream[] }).openedStreams.map((stream) =>
        stream.getTracks().some((track) => track.readyState === 'live'),
      ),
    );

  test('a double click opens the microphone once, a held key takes one tap, and Stop lets the microphone go', async () => {
    const input = await openNarration('slide3');
    await input.getByRole('button', { name: 'Ghi âm (record)' }).dblclick();
    const status = input.getByRole('status');
    await expect(status).toContainText('câu 1/3');
    expect(await streams()).toEqual([true]);
    await page.waitForTimeout(2000);
    // Enter held down: the key repeats (three presses as fast as the test can send them, well
    // inside the 350 ms a tap needs); one sentence on, and no Stop.
    for (let i = 0; i < 3; i += 1) await page.keyboard.down('Enter');
    await page.keyboard.up('Enter');
    await expect(status).toContainText('câu 2/3');
    await page.waitForTimeout(500);
    await expect(status).toContainText('câu 2/3');
    // Pressed too soon: back to sentence 1, and on again.
    await input.getByRole('button', { name: 'Câu trước (back)' }).click();
    await expect(status).toContainText('câu 1/3');
    await input.getByRole('button', { name: 'Dừng (stop)' }).click();
    await expect(input).toContainText('Bản ghi mới, chưa lưu');
    expect(await streams()).toEqual([false]);
    // The one tap was taken back: no timing comes from taps (pauses or lengths, by what was heard).
    await expect(input).toContainText('Đọc theo: bật · 3 câu');
    await expect(input).not.toContainText('lúc bấm “Câu tiếp”');
  });

  test('focus follows the work: the new recording after Stop, Record after Discard', async () => {
    const input = await openNarration('slide4');
    await input.getByRole('button', { name: 'Ghi âm (record)' }).click();
    await page.waitForTimeout(2500);
    await page.keyboard.press('Space');
    await page.waitForTimeout(1500);
    await input.getByRole('button', { name: 'Dừng (stop)' }).press('Enter');
    await expect(input.getByText('Bản ghi mới, chưa lưu', { exact: false })).toBeVisible();
    await expect(input.getByRole('status')).toContainText('Bản ghi mới đã sẵn sàng');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Bản ghi mới, chưa lưu');
    await input.getByRole('button', { name: 'Bỏ bản ghi này (discard)' }).click();
    await expect(input.getByRole('button', { name: 'Ghi âm (record)' })).toBeFocused();
  });

  test('a typed timing that is no time is marked and not used; one that runs over the next sentence turns read-along off', async () => {
    const input = await openNarration('slide2');
    await input
      .getByLabel('Hoặc tải lên tệp (or upload a file)')
      .setInputFiles('tests/fixtures/dataset/files/fixture-school-pack-1-vi.mp3');
    await expect(input).toContainText('Đọc theo: bật · 2 câu');
    const end = input.getByLabel('Câu 1 kết thúc (end, s)');
    const before = await end.inputValue();
    await end.fill('-1');
    await expect(end).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toContainText('Đọc theo: bật · 2 câu');
    await end.blur();
    await expect(end).toHaveValue(before);
    await end.fill(String(Number(before) + 10));
    await expect(input).toContainText('chồng lên câu sau');
  });

  test('a microphone unplugged mid-recording says so and keeps what was recorded', async () => {
    const input = await openNarration('slide3');
    await input.getByRole('button', { name: 'Ghi âm (record)' }).click();
    await expect(input.getByRole('status')).toContainText('câu 1/3');
    await page.waitForTimeout(3000);
    await page.evaluate(() => {
      for (const stream of (window as unknown as { openedStreams: MediaStream[] }).openedStreams)
        for (const track of stream.getTracks()) {
          track.stop();
          track.dispatchEvent(new Event('ended'));
        }
    });
    await expect(input.getByRole('alert')).toContainText('Micrô đã ngắt giữa chừng');
    await expect(input).toContainText('Bản ghi mới, chưa lưu');
  });
});

test.describe('two tabs on one slide', () => {
  let other: Page;
  let otherStandIn: SanityStandIn | undefined;
  test.beforeEach(async () => {
    other = await context.newPage();
    otherStandIn = await routeSanityToStandIn(other, { writable: true });
  });
  test.afterEach(async () => {
    await other.unrouteAll({ behavior: 'ignoreErrors' });
    await otherStandIn?.close();
  });

  test('a take being recorded in one tab is not taken up by another', async () => {
    const input = await openNarration('slide3');
    await input.getByRole('button', { name: 'Ghi âm (record)' }).click();
    await expect(input.getByRole('status')).toContainText('câu 1/3');
    await page.waitForTimeout(3000);
    const second = await openNarration('slide3', other);
    await expect(second.getByRole('status')).toContainText('đang được ghi âm ở một thẻ khác');
    await expect(second).not.toContainText('Bản ghi mới, chưa lưu');
  });

  test('an unsaved clip saved in one tab leaves the other tab too, and does not come back', async () => {
    const input = await openNarration('slide2');
    await takeFile(input);
    const second = await openNarration('slide2', other);
    await expect(second).toContainText('được giữ lại trên máy này');
    await input.getByRole('button', { name: 'Lưu lời đọc (save narration)' }).click();
    await expect(second.getByRole('status')).toContainText('đã được lưu hoặc bỏ ở một thẻ khác');
    await expect(second).not.toContainText('Bản ghi mới, chưa lưu');
    // Once Sanity holds the edit (a reload before then would rightly offer the clip again).
    await expect.poll(() => narrationEdit(uploads()[0]!._id) !== undefined).toBe(true);
    await openNarration('slide2');
    await expect(page.getByTestId('narration-vi')).not.toContainText('được giữ lại');
  });
});

test('the status region says what changed, not the clock; Back and Stop take one press each', async () => {
  const input = await openNarration('slide3');
  await input.getByRole('button', { name: 'Ghi âm (record)' }).click();
  const status = input.getByRole('status');
  await expect(status).toContainText('câu 1/3');
  const said = await status.innerText();
  await page.waitForTimeout(2500);
  expect(await status.innerText()).toBe(said);
  const next = input.getByRole('button', { name: 'Câu tiếp (next sentence)' });
  await next.click();
  await page.waitForTimeout(400);
  await next.click();
  await expect(status).toContainText('câu 3/3');
  // A double click on Back is one step back.
  await page.waitForTimeout(400);
  await input.getByRole('button', { name: 'Câu trước (back)' }).dblclick();
  await expect(status).toContainText('câu 2/3');
  await page.waitForTimeout(500);
  await expect(status).toContainText('câu 2/3');
  // Stop clicked just after Next is taken.
  await next.click();
  await page.waitForTimeout(150);
  await input.getByRole('button', { name: 'Dừng (stop)' }).click();
  await expect(input).toContainText('Bản ghi mới, chưa lưu');
});

test('an unsaved clip whose slide text changed can have its timings found again', async () => {
  let input = await openNarration('slide3');
  await input
    .getByLabel('Hoặc tải lên tệp (or upload a file)')
    .setInputFiles('studio/dataset/files/fake-jobs-across-the-border-2-vi.mp3');
  await expect(input).toContainText('Đọc theo: bật · 3 câu');
  // A communicator adds a sentence to the heading in the meantime.
  const pack = standIn?.documents.get('material-fixture-school-pack') as unknown as {
    slides: { _key: string; heading: Record<string, string> }[];
  };
  const slide = pack.slides.find(({ _key }) => _key === 'slide3')!;
  slide.heading['vi'] = `${slide.heading['vi'] ?? ''}. Luôn luôn giữ lấy.`;
  input = await openNarration('slide3');
  await expect(input).toContainText('Chữ có 4 câu, lời đọc có 3 mốc');
  await input.getByRole('button', { name: 'Tìm lại mốc câu (find the timings again)' }).click();
  await expect(input).toContainText('Đọc theo: bật · 4 câu');
});
