/**
 * Layout as a teacher sees it: every page type in every language on a 360 px phone, the same
 * phone turned sideways and a laptop, with the language menu open and present mode stepped
 * through slide by slide with and without notes. Every visible heading and control must lie
 * inside the viewport sideways and not be drawn over (tests/e2e/geometry.ts). One context per
 * viewport, one page reused for every language, so the whole sweep stays short.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { enrolDevice } from './api-helpers.ts';
import { layoutProblems } from './geometry.ts';
import { languages, pageTypes, presentPages, reviewedPack } from './helpers.ts';

const viewports = [
  { width: 360, height: 740 },
  { width: 740, height: 360 },
  { width: 1280, height: 800 },
] as const;

const artefacts = 'test-results/geometry';
mkdirSync(artefacts, { recursive: true });

async function checkPage(page: Page, url: string, problems: string[], shot?: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(url === '/nowhere/' ? 404 : 200);
  // The log form is a React island: measure it once it has drawn.
  if (url.endsWith('/log/')) await page.locator('main form, main [role="status"]').first().waitFor();
  for (const problem of await layoutProblems(page)) problems.push(`${url}: ${problem}`);
  if (shot) await page.screenshot({ path: shot });
  const menu = { scope: '.language-switcher', open: '.language-switcher' };
  for (const problem of await layoutProblems(page, menu))
    problems.push(`${url} with the language menu open: ${problem}`);
}

async function checkPresent(page: Page, url: string, problems: string[], shot?: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready);
  if (shot) await page.screenshot({ path: shot });
  for (const problem of await layoutProblems(page, { slides: true })) problems.push(`${url} ${problem}`);
}

test.describe.configure({ mode: 'parallel' });

for (const viewport of viewports) {
  test(`every heading and control is on screen and uncovered at ${viewport.width}×${viewport.height}, in every language`, async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const coordinator = await enrolDevice(request, 'coordinator');
    const context = await browser.newContext({
      viewport,
      serviceWorkers: 'block',
      extraHTTPHeaders: { Authorization: `Bearer ${coordinator.token}` },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    const size = `${viewport.width}x${viewport.height}`;
    for (const { path } of languages) {
      const shots: Record<string, string> = { [`/${path}/`]: 'home', [`/${path}/materials/${reviewedPack}/`]: 'pack' };
      for (const url of pageTypes(path)) {
        const shot = shots[url];
        await checkPage(page, url, problems, shot && `${artefacts}/${path}-${shot}-${size}.png`);
      }
      for (const [index, url] of presentPages(path).entries()) {
        await checkPresent(page, url, problems, index === 0 ? `${artefacts}/${path}-present-${size}.png` : undefined);
      }
    }
    await checkPage(page, '/nowhere/', problems);
    await context.close();
    expect(problems).toEqual([]);
  });
}
