import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { locales } from '../../src/i18n/locales.ts';

/** The languages as the browser tests know them, from the locale table: URL path and `<html lang>`. */
export const languages = locales.map(({ path, tag }) => ({ path, tag }));

/** Fixture packs (tests/fixtures/dataset): A is reviewed in every language, B only in vi and en. */
export const reviewedPack = 'fixture-school-pack';
export const partlyTranslatedPack = 'fixture-jobcentre-pack';

/** Every page type of a language but present mode: static pages, the log form and reports. */
export const pageTypes = (lang: string) => [
  `/${lang}/`,
  `/${lang}/materials/`,
  `/${lang}/materials/schools/`,
  `/${lang}/materials/${reviewedPack}/`,
  `/${lang}/materials/${partlyTranslatedPack}/`,
  `/${lang}/search/`,
  `/${lang}/offline/`,
  `/${lang}/help/`,
  `/${lang}/log/`,
  `/${lang}/reports/`,
];

/** The present mode of a fully reviewed pack and of a partly translated one. */
export const presentPages = (lang: string) => [
  `/${lang}/materials/${reviewedPack}/present/`,
  `/${lang}/materials/${partlyTranslatedPack}/present/`,
];

/** Resolves once the page's service worker is activated and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active!;
    // `ready` can resolve while the worker is still activating.
    if (worker.state !== 'activated') {
      await new Promise<void>((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
      );
    }
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

/** The names of the caches that hold saved packs, without the content version a pack's name ends with (`@…`). */
export function savedCaches(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await caches.keys()).filter((name) => name.startsWith('saved-')).map((name) => name.split('@')[0]!),
  );
}

/** Saves the pack whose page is open and waits until it is saved (and says so, if `savedText`). */
export async function savePack(page: Page, savedText?: string): Promise<void> {
  const control = page.locator('[data-save-offline]');
  await control.getByRole('button').click();
  await expect(control).toHaveAttribute('data-saved', 'true', { timeout: 30_000 });
  if (savedText) await expect(control.getByRole('status')).toHaveText(savedText);
}

/** Runs axe with the WCAG 2.2 AA rules and fails with the violations listed. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}
