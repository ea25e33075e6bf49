/**
 * Printed handouts: what a teacher prints from a pack, the help page or a home page must read on
 * paper in every language, so axe's contrast rule runs on the print styles (emulated print media).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { languages, partlyTranslatedPack, reviewedPack } from './helpers.ts';

const printed = (lang: string) => [
  `/${lang}/`,
  `/${lang}/materials/${reviewedPack}/`,
  `/${lang}/materials/${partlyTranslatedPack}/`,
  `/${lang}/help/`,
];

for (const { path } of languages) {
  test(`every printed text in ${path} has enough contrast, the call buttons included`, async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    const problems: string[] = [];
    for (const url of printed(path)) {
      await page.goto(url);
      const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
      for (const violation of results.violations) {
        for (const node of violation.nodes)
          problems.push(`${url} ${node.target.join(' ')}: ${node.any[0]?.message ?? ''}`);
      }
    }
    expect(problems).toEqual([]);
  });
}
