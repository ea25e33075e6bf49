/**
 * Smoke test of the Studio's desk, as a communicator clicks through it: the built Studio against
 * a read-only local stand-in for Sanity's API holding the test fixture (see its README for which
 * pack is in which translation state). Needs studio/dist: `npm test` builds it first.
 */
import { expect as baseExpect, test } from '@playwright/test';
import type { SanityStandIn } from '../unit/sanity-stand-in.ts';
import { routeSanityToStandIn, serveStudio } from './studio-stand-in.ts';

/** The Studio is a large app: on two busy cores its first panes take longer than the default 5 s. */
const expect = baseExpect.configure({ timeout: 15_000 });

// The stand-in's listener speaks TLS with a throwaway certificate (studio-stand-in.ts).
test.use({ ignoreHTTPSErrors: true });

let studio: Awaited<ReturnType<typeof serveStudio>>;
let standIn: SanityStandIn | undefined;

test.beforeAll(async () => {
  studio = await serveStudio();
});

test.afterAll(async () => {
  await studio.close();
});

test.afterEach(async ({ page }) => {
  // The Studio keeps fetching after a test's last check: stop routing before the stand-in closes,
  // or a late request fails the test with ECONNREFUSED.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await standIn?.close();
});

test.beforeEach(async ({ page }) => {
  standIn = await routeSanityToStandIn(page);
  await page.goto(`${studio.url}/structure`);
});

type Page = import('@playwright/test').Page;

/** Opens a desk item by its visible title, as a person clicks it. */
const open = (page: Page, title: string) => page.getByRole('link', { name: title, exact: true }).click();

/** The documents a desk list shows, by the list's title. */
const listed = (page: Page, title: string) => page.getByRole('listbox', { name: title }).getByRole('option');

test('the desk lists what needs translating per language, in a Studio that speaks Vietnamese', async ({ page }) => {
  await open(page, 'Translations (bản dịch)');
  await open(page, 'Tiếng Mông · Hmoob');
  await open(page, 'Needs review (chờ duyệt)');
  const needsReview = listed(page, 'Tiếng Mông · Hmoob: Needs review (chờ duyệt)');
  await expect(needsReview).toHaveCount(1);
  await expect(needsReview).toContainText('fixture-jobcentre-pack');
  // The Studio's own interface is Vietnamese (@sanity/locale-vi-vn): its list search box.
  await expect(page.getByRole('combobox', { name: 'Tìm kiếm danh sách' })).toBeVisible();

  await open(page, 'Tiếng Dao · Iu Mienh');
  await open(page, 'Missing (chưa dịch)');
  const missing = listed(page, 'Tiếng Dao · Iu Mienh: Missing (chưa dịch)');
  await expect(missing).toHaveCount(2);
  await expect(missing.filter({ hasText: 'fixture-jobcentre-pack' })).toHaveCount(1);
  await expect(missing.filter({ hasText: 'fixture-draft-pack' })).toHaveCount(1);
});

test('the desk lists lesson packs by audience', async ({ page }) => {
  await open(page, 'Lesson packs (bài học)');
  await open(page, 'By audience (theo đối tượng)');
  await open(page, 'Job seekers (Người tìm việc)');
  const packs = listed(page, 'Job seekers (Người tìm việc)');
  await expect(packs).toHaveCount(1);
  await expect(packs).toContainText('fixture-jobcentre-pack');
});

test('a lesson pack shows its translation progress and links to its page in each language', async ({ page }) => {
  await open(page, 'Translations (bản dịch)');
  await open(page, 'Tiếng Mông · Hmoob');
  await open(page, 'Needs review (chờ duyệt)');
  await listed(page, 'Tiếng Mông · Hmoob: Needs review (chờ duyệt)').getByRole('link').click();
  // Pack B: Hmong text complete but not reviewed; English reviewed; Dao and Thai missing.
  await expect(page.getByText('Mông 100% · duyệt 0%')).toBeVisible();
  await expect(page.getByText('Anh 100% · duyệt 100%')).toBeVisible();
  await expect(page.getByText('Dao 0% · duyệt 0%')).toBeVisible();
  await page.getByRole('tab', { name: 'On the site (trên trang web)' }).click();
  const siteLinks = page
    .getByRole('list', { name: 'Trên trang web · on the site' })
    .locator('a[target="_blank"][href^="http://localhost:4321/"]');
  await expect(siteLinks).toHaveCount(5);
  await expect(siteLinks.filter({ hasText: 'Tiếng Mông · Hmoob' })).toHaveAttribute(
    'href',
    'http://localhost:4321/hmong/materials/fixture-jobcentre-pack/',
  );
  // Hmong waits for review: one link to its page on the review preview (PREVIEW_UNREVIEWED=1 npm run dev).
  const reviewLinks = page.getByRole('list', { name: 'Duyệt trong trang · review in context' }).getByRole('link');
  await expect(reviewLinks).toHaveCount(1);
  await expect(reviewLinks).toHaveAttribute('href', 'http://localhost:4321/hmong/materials/fixture-jobcentre-pack/');
});

test('Tai Dam lists as outdated the pack reviewed against an earlier Vietnamese text, and its badge says so', async ({
  page,
}) => {
  await open(page, 'Translations (bản dịch)');
  await open(page, 'Tiếng Thái · ꪼꪕꪒꪾ');
  await open(page, 'Outdated (lỗi thời)');
  // Pack A's Tai Dam review records an earlier Vietnamese text (tests/fixtures/dataset/README.md).
  const outdated = page.getByRole('link', { name: 'Gói bài học trường học (kiểm thử)' });
  await expect(outdated).toHaveCount(1);
  await outdated.click();
  await expect(page.getByText('Thái 100% · duyệt 100% · lỗi thời')).toBeVisible();
  await expect(page.getByText('Mông 100% · duyệt 100%', { exact: true })).toBeVisible();
  // The Tai Dam status says why, with the reviewer's way out (the stand-in is read-only: not pressed).
  await page.getByRole('tab', { name: 'Translations', exact: true }).click();
  await expect(page.getByRole('button', { name: /Confirm against the current Vietnamese/ })).toHaveCount(1);
});

test('a translator sees the Vietnamese source beside each translated field, read-only', async ({ page }) => {
  await open(page, 'Translations (bản dịch)');
  await open(page, 'Tiếng Mông · Hmoob');
  await open(page, 'Needs review (chờ duyệt)');
  await listed(page, 'Tiếng Mông · Hmoob: Needs review (chờ duyệt)').getByRole('link').click();
  const beside = page.getByTestId('source-beside-hmong').first();
  await expect(beside).toContainText('Tiếng Việt (nguồn)');
  await expect(beside).toContainText('Gói bài học trung tâm việc làm (kiểm thử)');
  await expect(beside.getByRole('textbox')).toHaveValue(/\S/);
  await expect(page.getByTestId('source-beside-vi')).toHaveCount(0);
});

test('the desk lists, per language, the lesson packs with a slide not yet narrated', async ({ page }) => {
  await open(page, 'Narration missing (thiếu lời đọc)');
  await open(page, 'Tiếng Việt');
  // The fixture's school pack has Vietnamese narration on its first slide only: all three miss some.
  const packs = listed(page, 'Tiếng Việt: Narration missing (thiếu lời đọc)');
  await expect(packs).toHaveCount(3);
  await expect(packs.filter({ hasText: 'fixture-school-pack' })).toHaveCount(1);
});
