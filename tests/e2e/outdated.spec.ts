import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, reviewedPack } from './helpers.ts';

// The fixture's pack A is reviewed in Tai Dam against an earlier Vietnamese text (tests/fixtures/dataset/README.md).
test('an outdated translation keeps its reviewed text, under a notice that it follows an earlier Vietnamese version', async ({
  page,
}) => {
  await page.goto(`/thai/materials/${reviewedPack}/`);
  // The text's notes; the narration's own note (Vietnamese recording only) is checked apart.
  const notice = page.getByRole('note').and(page.locator(':not([data-narration-fallback])'));
  await expect(notice).toHaveCount(1);
  await expect(page.locator('[data-narration-fallback]')).toHaveCount(1);
  await expect(notice).toHaveText(/ꪵꪀꪫ/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/[\uAA80-\uAADF]/);
  await expect(page.locator('main [data-fallback]')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto(`/thai/materials/${reviewedPack}/present/`);
  await expect(page.getByRole('note')).toHaveCount(1);

  await page.goto(`/en/materials/${reviewedPack}/`);
  await expect(notice).toHaveCount(0);
});
