import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { languages, partlyTranslatedPack, reviewedPack } from './helpers.ts';

const hmong = JSON.parse(readFileSync('src/i18n/ui/hmong.json', 'utf8')) as Record<string, string>;

for (const { path, tag } of languages) {
  test(`${path}: home, list and pack pages carry lang="${tag}"`, async ({ page }) => {
    for (const url of [`/${path}/`, `/${path}/materials/`, `/${path}/materials/${reviewedPack}/`, `/${path}/help/`]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', tag);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
  });
}

test('switching language keeps the page', async ({ page }) => {
  await page.goto(`/vi/materials/${reviewedPack}/`);
  await page.locator('.language-switcher summary').click();
  await page.getByRole('link', { name: 'Hmoob' }).click();
  await expect(page).toHaveURL(new RegExp(`/hmong/materials/${reviewedPack}/$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'hmn-Latn-VN');
  await page.locator('.language-switcher summary').click();
  await page.getByRole('link', { name: 'ꪼꪕꪒꪾ' }).click();
  await expect(page).toHaveURL(new RegExp(`/thai/materials/${reviewedPack}/$`));
});

test('/ sends the visitor to the saved choice, else Accept-Language, else Vietnamese', async ({ request, browser }) => {
  const english = await request.get('/', { headers: { 'Accept-Language': 'en-GB,en;q=0.9' }, maxRedirects: 0 });
  expect(english.status()).toBe(302);
  expect(english.headers()['location']).toBe('/en/');
  const none = await request.get('/', { headers: { 'Accept-Language': 'fr' }, maxRedirects: 0 });
  expect(none.headers()['location']).toBe('/vi/');
  // A visit to a language page saves the choice, and / honours it over the browser's language.
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/dao/help/');
  await page.goto('/');
  await expect(page).toHaveURL(/\/dao\/$/);
  await context.close();
});

test('the fallback notice shows where text fell back, and nowhere else', async ({ page }) => {
  // The text's notice; the narration's own notice (Vietnamese recording only) is another note.
  const textNotice = page.getByRole('note').and(page.locator(':not([data-narration-fallback])'));
  await page.goto(`/hmong/materials/${reviewedPack}/`);
  await expect(textNotice).toHaveCount(0);
  await expect(page.locator('main [data-fallback]')).toHaveCount(0);
  await expect(page.locator('[data-narration-fallback]')).toBeVisible();

  await page.goto(`/hmong/materials/${partlyTranslatedPack}/`);
  await expect(textNotice).toBeVisible();
  const heading = page.getByRole('heading', { level: 1 }).locator('[lang]');
  await expect(heading).toHaveAttribute('lang', 'vi');
  await expect(page.locator('html')).toHaveAttribute('lang', 'hmn-Latn-VN');

  await page.goto(`/en/materials/${partlyTranslatedPack}/`);
  await expect(textNotice).toHaveCount(0);
  await page.goto(`/vi/materials/${partlyTranslatedPack}/`);
  await expect(page.getByRole('note')).toHaveCount(0);
});

test('an unknown language path gets the 404 page in Vietnamese with links to every language', async ({ page }) => {
  const response = await page.goto('/xx/materials/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
  for (const { path, tag } of languages) {
    await expect(page.locator(`main a[href="/${path}/"]`)).toHaveAttribute('lang', tag);
  }
});

test('a missing page under a language answers 404 in that language, and leaves the saved choice alone', async ({
  page,
  context,
}) => {
  await page.goto('/dao/');
  const response = await page.goto('/hmong/materials/no-such-pack/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'hmn-Latn-VN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hmong['notFound.title']!);
  expect((await context.cookies()).find((cookie) => cookie.name === 'lang')?.value).toBe('dao');
  const root = await page.request.get('/', { maxRedirects: 0 });
  expect(root.headers()['location']).toBe('/dao/');
});
