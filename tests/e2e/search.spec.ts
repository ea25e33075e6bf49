import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, reviewedPack } from './helpers.ts';

/** Types a query into the search page's box, as a person does. */
async function search(page: Page, label: string, words: string): Promise<void> {
  await page.getByRole('searchbox', { name: label }).pressSequentially(words);
}

const results = (page: Page) =>
  page
    .getByRole('main')
    .getByRole('list')
    .filter({ has: page.getByRole('heading') });
const status = (page: Page) => page.getByRole('main').getByRole('status');

test('a word of a Vietnamese slide finds its lesson pack', async ({ page }) => {
  await page.goto('/vi/search/');
  await search(page, 'Từ cần tìm', 'bẫyviệclàm');
  await expect(status(page)).toHaveText('Số bài giảng tìm thấy: 1');
  const link = results(page).getByRole('link');
  await expect(link).toHaveAttribute('href', `/vi/materials/${reviewedPack}/`);
  await expect(results(page).locator('mark')).toHaveText(/bẫyviệclàm/);
  await link.click();
  await expect(page).toHaveURL(`/vi/materials/${reviewedPack}/`);
});

test('the Hmong search page searches the Hmong packs only', async ({ page }) => {
  await page.goto('/hmong/search/');
  const box = page.getByRole('searchbox', { name: 'Cov lus koj xav nrhiav' });
  await box.fill('ntxiajhauj');
  await box.press('Enter');
  await expect(status(page)).toHaveText('Cov lus qhia nrhiav tau: 1');
  await expect(results(page).getByRole('link')).toHaveAttribute('href', `/hmong/materials/${reviewedPack}/`);
  // A letter in every pack finds all three fixture packs, and each only in Hmong.
  await box.fill('b');
  await box.press('Enter');
  await expect(status(page)).toHaveText('Cov lus qhia nrhiav tau: 3');
  const hrefs = await results(page)
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(hrefs).toHaveLength(3);
  expect(hrefs.every((href) => href?.startsWith('/hmong/materials/'))).toBe(true);
});

test('the offline list of a language holds every Pagefind file its search loads', async ({ page, request }) => {
  const loaded = new Set<string>();
  page.on('request', (sent) => {
    const { pathname } = new URL(sent.url());
    if (pathname.startsWith('/pagefind/')) loaded.add(pathname);
  });
  await page.goto('/hmong/search/');
  await search(page, 'Cov lus koj xav nrhiav', 'ntxiajhauj');
  await expect(status(page)).toHaveText('Cov lus qhia nrhiav tau: 1');
  const list = (await (await request.get('/pagefind/offline/hmong.json')).json()) as { files: string[]; bytes: number };
  expect(loaded.size).toBeGreaterThan(4);
  expect([...loaded].filter((path) => !list.files.includes(path))).toEqual([]);
  expect(
    list.files.filter((path) => /\/(index|fragment)\//.test(path)).every((path) => path.includes('/hmn-latn-vn_')),
  ).toBe(true);
  for (const file of list.files) expect((await request.get(file)).status(), file).toBe(200);
});

test('a word in no pack says so', async ({ page }) => {
  await page.goto('/en/search/');
  await expect(page.getByText('Search needs JavaScript.', { exact: false })).toBeHidden();
  await search(page, 'Words to search for', 'zzqxjwv');
  await expect(status(page)).toHaveText('No lesson pack contains these words. Try other words.');
  await expect(results(page)).toHaveCount(0);
});

// The context's route also sees what the service worker and Pagefind's web worker fetch.
test('without the index (offline, nothing saved) search says when it will work', async ({ page, context }) => {
  await context.route('**/pagefind/**', (route) => route.abort('internetdisconnected'));
  await page.goto('/en/search/');
  await search(page, 'Words to search for', 'job');
  await expect(status(page)).toHaveText(/works offline once you have saved a lesson pack in this language/);
});

test('with only another language saved, search says when it will work', async ({ page, context }) => {
  await context.route(/\/pagefind\/(pagefind\.vi_.*\.pf_meta|(index|fragment)\/vi_)/, (route) =>
    route.abort('internetdisconnected'),
  );
  await page.goto('/vi/search/');
  await search(page, 'Từ cần tìm', 'bẫyviệclàm');
  await expect(status(page)).toHaveText(/chỉ hoạt động sau khi bạn đã lưu một bài giảng bằng ngôn ngữ này/);
});

test('without JavaScript the page points to the list of lesson packs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/dao/search/');
  await expect(page.getByText('Lorz oix zuqc longc JavaScript.', { exact: false })).toBeVisible();
  await expect(page.getByRole('searchbox')).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('link', { name: 'Mangc yietc zungv njaaux sou' })).toHaveAttribute(
    'href',
    '/dao/materials/',
  );
  await context.close();
});

for (const width of [360, 1280]) {
  test(`the search page with results passes axe at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/thai/search/');
    await search(page, 'ꪀꪫꪾ ꪊꪮꪀ', 'ꪹꪈꪷꪙ');
    await expect(results(page).getByRole('link').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
