import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, languages, partlyTranslatedPack, reviewedPack } from './helpers.ts';

const present = (lang: string) => `/${lang}/materials/${reviewedPack}/present/`;

/** The English fixture deck: title, five slides, two quiz questions, key messages, closing. */
const headings = [
  'School lesson pack (fixture)',
  'A strange message',
  'The job trap',
  'Keep your papers',
  'Tell your family',
  'Call 111',
  'High pay, no papers, leave now: what is it?',
  'Which number is free, 24 hours?',
  'Key messages',
  'Need help?',
];
const total = headings.length;

/** The one slide on screen: its counter and its heading. */
async function expectSlide(page: Page, number: number): Promise<void> {
  const controls = page.getByRole('group', { name: 'Presentation controls' });
  await expect(controls.getByText(/^\d+ \/ \d+$/)).toHaveText(`${number} / ${total}`);
  await expect(page.getByRole('main').getByRole('heading')).toHaveCount(1);
  await expect(page.getByRole('main').getByRole('heading', { level: number === 1 ? 1 : 2 })).toHaveText(
    headings[number - 1] ?? '',
  );
}

test('the pack page opens present mode, and the keyboard steps through every slide', async ({ page }) => {
  await page.goto(`/en/materials/${reviewedPack}/`);
  await page.getByRole('link', { name: 'Present full screen' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/materials/${reviewedPack}/present/#slide-1$`));
  await expectSlide(page, 1);
  const keys = ['ArrowRight', 'PageDown', 'Space'];
  for (let number = 2; number <= total; number++) {
    await page.keyboard.press(keys[number % keys.length] ?? 'ArrowRight');
    await expectSlide(page, number);
  }
  await expect(page.locator('[aria-live="polite"]')).toHaveText(`Slide ${total} of ${total}: Need help?`);
  await expect(page.getByRole('link', { name: 'Call 111' })).toHaveAttribute('href', 'tel:111');
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, total);
  await page.keyboard.press('PageUp');
  await expectSlide(page, total - 1);
  await page.keyboard.press('Home');
  await expectSlide(page, 1);
  await page.keyboard.press('End');
  await expectSlide(page, total);
  await page.getByRole('button', { name: 'Previous slide' }).click();
  await expectSlide(page, total - 1);
});

test('"Show the answer" marks the correct option and shows the explanation; so does the key A', async ({ page }) => {
  await page.goto(`${present('en')}#slide-7`);
  await expectSlide(page, 7);
  const correct = page.getByRole('listitem').filter({ hasText: 'A trap' });
  const explanation = page.getByText('Those are signs of a trap.');
  await expect(explanation).toBeHidden();
  const weight = await correct.evaluate((element) => getComputedStyle(element).fontWeight);
  const reveal = page.getByRole('button', { name: 'Show the answer' });
  await reveal.click();
  await expect(reveal).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText('Correct answer: B: A trap')).toBeVisible();
  await expect(explanation).toBeVisible();
  await expect(correct).not.toHaveCSS('font-weight', weight);
  await expect(correct).toHaveCSS('border-top-color', 'rgb(29, 107, 47)');
  await expect(page.getByRole('listitem').filter({ hasText: 'A good chance' })).toHaveCSS('font-weight', weight);

  // Next always moves on, revealed or not.
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 8);
  await expect(page.getByText('Call 111.', { exact: true })).toBeHidden();
  await page.keyboard.press('a');
  await expect(page.getByText('Call 111.', { exact: true })).toBeVisible();
});

test('teacher notes stay hidden until the Notes button or the key N shows them', async ({ page }) => {
  await page.goto(`${present('en')}#slide-2`);
  const note = page.getByText('Read the message to the class.');
  await expect(note).toBeHidden();
  const notes = page.getByRole('button', { name: 'Notes' });
  await notes.click();
  await expect(notes).toHaveAttribute('aria-pressed', 'true');
  await expect(note).toBeVisible();
  await page.getByRole('button', { name: 'Next slide' }).click();
  await expectSlide(page, 3);
  const nextNote = page.getByText('Ask: which signs show a trap?');
  await expect(nextNote).toBeVisible();
  await page.keyboard.press('n');
  await expect(notes).toHaveAttribute('aria-pressed', 'false');
  await expect(nextNote).toBeHidden();
  // The note's own heading closes the notes of every slide, and the button follows.
  await page.keyboard.press('N');
  await page.getByRole('main').locator('summary').filter({ visible: true }).click();
  await expect(nextNote).toBeHidden();
  await expect(notes).toHaveAttribute('aria-pressed', 'false');
});

test('the hash keeps the place over a reload and the back button', async ({ page }) => {
  await page.goto(present('en'));
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/#slide-4$/);
  await page.reload();
  await expectSlide(page, 4);
  await page.getByRole('link', { name: 'Back to the pack' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/materials/${reviewedPack}/$`));
  await page.goBack();
  await expectSlide(page, 4);
  await page.goto(`${present('en')}#slide-9`);
  await expectSlide(page, 9);
});

test('a swipe moves to the next or previous slide; a mouse drag does not', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(present('en'));
  const main = page.getByRole('main');
  const swipe = async (from: number, to: number, pointerType = 'touch') => {
    await main.dispatchEvent('pointerdown', {
      pointerType,
      isPrimary: true,
      pointerId: 7,
      clientX: from,
      clientY: 400,
    });
    await main.dispatchEvent('pointerup', { pointerType, isPrimary: true, pointerId: 7, clientX: to, clientY: 410 });
  };
  await swipe(300, 60);
  await expectSlide(page, 2);
  await swipe(300, 60);
  await expectSlide(page, 3);
  await swipe(60, 300);
  await expectSlide(page, 2);
  await swipe(300, 60, 'mouse');
  await expectSlide(page, 2);
});

test("the Listen button plays the slide's recording, and leaving the slide stops it", async ({ page }) => {
  await page.goto(`${present('en')}#slide-2`);
  // The English pack has only the Vietnamese recording: the button says so.
  const listen = page.getByRole('button', { name: /^Listen/ });
  await expect(listen).toContainText('Tiếng Việt');
  await expect(listen.locator('[lang="vi"]')).toHaveCount(1);
  await listen.click();
  await expect(listen).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(listen).toBeHidden();
  const audio = await page
    .locator('#audio-2')
    .evaluate((element: HTMLAudioElement) => ({ paused: element.paused, at: element.currentTime }));
  expect(audio).toEqual({ paused: true, at: 0 });
  await expect(page.getByRole('button', { name: /^Listen/ })).toHaveCount(0);
});

test('the Full screen button and the key F fill the screen; the button is hidden where the API is missing', async ({
  page,
  browser,
}) => {
  await page.goto(present('en'));
  const button = page.getByRole('button', { name: 'Full screen' });
  await page.keyboard.press('f');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(true);
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'false');

  const context = await browser.newContext();
  const phone = await context.newPage();
  await phone.addInitScript(() => Object.defineProperty(Document.prototype, 'fullscreenEnabled', { get: () => false }));
  await phone.goto(present('en'));
  await expect(phone.getByRole('button', { name: 'Notes' })).toBeVisible();
  await expect(phone.getByRole('button', { name: 'Full screen' })).toHaveCount(0);
  await context.close();
});

test('the Tai Dam present page carries lang="blt-Tavt-VN" and Tai Viet text', async ({ page }) => {
  await page.goto(present('thai'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'blt-Tavt-VN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/[\uAA80-\uAADF]/);
  await expect(page.getByRole('button', { name: 'ꪀꪫꪾ ꪃꪸꪙ' })).toBeVisible();
});

test('without JavaScript, every slide shows in order and answers are disclosures', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(present('en'));
  await expect(page.getByRole('main').getByRole('heading')).toHaveText(headings);
  await expect(page.getByRole('group', { name: 'Presentation controls' })).toBeHidden();
  await expect(page.getByText('Those are signs of a trap.')).toBeHidden();
  await page.locator('summary').filter({ hasText: 'Show the answer' }).first().click();
  await expect(page.getByText('Those are signs of a trap.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to the pack' })).toBeVisible();
  await context.close();
});

for (const width of [360, 1280]) {
  test(`axe: no WCAG 2.2 AA violation on any slide at ${width}px, notes shown and answers revealed`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    await page.goto(present('en'));
    await page.getByRole('button', { name: 'Notes' }).click();
    for (let number = 1; number <= total; number++) {
      const reveal = page.getByRole('button', { name: 'Show the answer' });
      if (await reveal.isVisible()) {
        await reveal.click();
        await expect(reveal).toHaveAttribute('aria-expanded', 'true');
        await expect(page.getByText(/^Correct answer/).filter({ visible: true })).toHaveCount(1);
      }
      await expectNoAxeViolations(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `slide ${number} scrolls sideways`).toBeLessThanOrEqual(0);
      await page.keyboard.press('ArrowRight');
    }
  });
}

/** Where the title slide's sample label and title are, against the bar and the screen. */
function titleSlideGeometry(page: Page) {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const deck = document.querySelector<HTMLElement>('[data-deck]')!;
    const bar = document.querySelector('.p-bar')!.getBoundingClientRect();
    const kicker = document.querySelector('#slide-1 .p-kicker')!;
    const title = document.querySelector('#slide-1 h1')!.getBoundingClientRect();
    const label = kicker.getBoundingClientRect();
    const hit = document.elementFromPoint(label.left + label.width / 2, label.top + label.height / 2);
    return {
      labelShown: hit !== null && kicker.contains(hit) && label.top >= bar.bottom,
      titleBelowBar: title.top >= bar.bottom,
      fits:
        deck.scrollHeight <= deck.clientHeight + 1 && document.documentElement.scrollHeight <= window.innerHeight + 1,
    };
  });
}

for (const { path } of languages) {
  test(`the ${path} title slide of a sample pack fits 1280×800 with its sample label; on a phone it starts under the bar`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/${path}/materials/${partlyTranslatedPack}/present/`);
    expect(await titleSlideGeometry(page)).toEqual({ labelShown: true, titleBelowBar: true, fits: true });
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 740, height: 360 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto(`/${path}/materials/${partlyTranslatedPack}/present/#slide-1`);
      const { labelShown, titleBelowBar } = await titleSlideGeometry(page);
      expect({ labelShown, titleBelowBar }, `${viewport.width}×${viewport.height}`).toEqual({
        labelShown: true,
        titleBelowBar: true,
      });
    }
  });
}
