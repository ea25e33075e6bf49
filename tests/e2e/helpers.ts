import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The languages as the browser tests know them: URL path and `<html lang>`. */
export const languages = [
  { path: 'vi', tag: 'vi' },
  { path: 'hmong', tag: 'hmn-Latn-VN' },
  { path: 'dao', tag: 'ium-Latn-VN' },
  { path: 'thai', tag: 'blt-Tavt-VN' },
  { path: 'en', tag: 'en' },
] as const;

/** Fixture packs (tests/fixtures/dataset): A is reviewed in every language, B only in vi and en. */
export const reviewedPack = 'fixture-school-pack';
export const partlyTranslatedPack = 'fixture-jobcentre-pack';

/** Runs axe with the WCAG 2.2 AA rules and fails with the violations listed. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}
