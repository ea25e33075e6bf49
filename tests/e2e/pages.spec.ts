import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, languages, partlyTranslatedPack, reviewedPack } from './helpers.ts';

test('Tai Dam text is drawn with the self-hosted Tai Viet font', async ({ page }) => {
  await page.goto(`/thai/materials/${reviewedPack}/`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/[\uAA80-\uAADF]/);
  const family = await heading.evaluate((element) => getComputedStyle(element).fontFamily);
  expect(family).toMatch(/^"?Noto Sans Tai Viet"?/);
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(
    () => [...document.fonts].filter((font) => font.family.includes('Tai Viet') && font.status === 'loaded').length,
  );
  expect(loaded).toBeGreaterThan(0);
  await heading.screenshot({ path: 'test-results/tai-viet-heading.png' });
});

test('a Vietnamese page does not download the Tai Viet font for its content', async ({ page }) => {
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') fonts.push(request.url());
  });
  await page.goto(`/vi/materials/${reviewedPack}/`);
  await page.evaluate(() => document.fonts.ready);
  const family = await page
    .getByRole('heading', { level: 1 })
    .evaluate((element) => getComputedStyle(element).fontFamily);
  expect(family).not.toContain('Tai Viet');
  // The switcher's endonym ꪼꪕꪒꪾ is in a closed disclosure, so nothing on the page needs the font yet.
  expect(fonts).toEqual([]);
  await page.locator('.language-switcher summary').click();
  await expect.poll(() => fonts.some((url) => url.includes('tai-viet'))).toBe(true);
});

test('help numbers are tap-to-call links', async ({ page }) => {
  await page.goto('/vi/help/');
  await expect(page.getByRole('link', { name: /111/ }).first()).toHaveAttribute('href', 'tel:111');
  await page.goto('/en/');
  await expect(page.getByRole('complementary').getByRole('link', { name: 'Call 111' })).toHaveAttribute(
    'href',
    'tel:111',
  );
});

test('the quiz reveals its answer on demand', async ({ page }) => {
  await page.goto(`/en/materials/${reviewedPack}/`);
  const firstAnswer = page.locator('.quiz details').first();
  await expect(firstAnswer.locator('p').first()).toBeHidden();
  await firstAnswer.getByText('Show the answer').click();
  await expect(firstAnswer.locator('p').first()).toBeVisible();
});

test('printing a pack gives a clean handout', async ({ page }) => {
  await page.goto(`/vi/materials/${reviewedPack}/`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('details.teacher-notes').first()).toBeHidden();
  await expect(page.locator('.quiz')).toBeHidden();
  await expect(page.locator('.slide').first()).toBeVisible();
  await expect(page.locator('.key-messages')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(1000);
});

test('filters work without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/en/materials/');
  const cards = page.locator('.cards .card');
  const total = await cards.count();
  expect(total).toBeGreaterThan(1);
  await page.getByRole('group', { name: 'Audience' }).getByText('Job seekers').click();
  await expect(page.locator('.cards .card:visible')).toHaveCount(1);
  await expect(page.locator('.cards .card:visible')).toContainText('Job-centre lesson pack');
  await page.getByRole('group', { name: 'Audience' }).getByText('All').click();
  await expect(page.getByRole('group', { name: 'Audience' }).getByRole('radio', { name: 'All' })).toBeChecked();
  await expect(page.locator('.cards .card:visible')).toHaveCount(total);
  await context.close();
});

const pageTypes = (path: string) => [
  `/${path}/`,
  `/${path}/materials/`,
  `/${path}/materials/schools/`,
  `/${path}/materials/${reviewedPack}/`,
  `/${path}/materials/${partlyTranslatedPack}/`,
  `/${path}/help/`,
];

for (const width of [360, 1280]) {
  for (const { path } of languages) {
    test(`axe: no WCAG 2.2 AA violation on every page type in ${path} at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      for (const url of pageTypes(path)) {
        await page.goto(url);
        await expectNoAxeViolations(page);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${url} scrolls sideways`).toBeLessThanOrEqual(0);
      }
    });
  }
  test(`axe: no violation on the 404 page at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/nowhere/');
    await expectNoAxeViolations(page);
  });
}
