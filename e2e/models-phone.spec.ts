// The Models page on a phone (390 px wide): each cached file is a stacked block (the path on the card's whole width,
// then size and dates with their labels), so nothing is squeezed or scrolls sideways, in English and Japanese.
// SHOTS_DIR=<dir> saves the page at 1280 and 390 px in both languages.
import type { Page } from '@playwright/test';
import { TINY_MOBILEVIT } from './fixtures/generate';
import { expect, modelRow, test } from './helpers';

const shots = process.env.SHOTS_DIR;
const modelId = `${TINY_MOBILEVIT.id}-phone`;
const SIZE = { en: 'Size', ja: 'サイズ' };

/** The widths of each cached file's path cell and of its card, and the page's sideways overflow. */
async function layout(page: Page) {
  const row = modelRow(page, modelId);
  const card = (await row.boundingBox())!;
  const paths = await row.getByTestId('cached-file').locator('td:first-child').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().width));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  return { card: card.width, paths, overflow };
}

test('the per-file list reads well at 390 px in English and Japanese', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/models');
  await page.getByTestId('hub-model-id').fill(modelId);
  await page.getByTestId('hub-model-id').press('Enter');
  await expect(page.getByTestId('load-result').first()).toBeVisible({ timeout: 60_000 });
  await expect(modelRow(page, modelId).getByTestId('cached-file').first()).toBeVisible();

  for (const locale of ['en', 'ja'] as const) {
    if (locale === 'ja') await page.getByTestId('language-select').selectOption('ja');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      const { card, paths, overflow } = await layout(page);
      expect(overflow, `${locale} ${width}px: page scrolls sideways`).toBeLessThanOrEqual(0);
      // On a phone the path has the card's width to itself (the table squeezed it into a quarter).
      if (width === 390) for (const w of paths) expect(w, `${locale}: path cell of ${paths.length}`).toBeGreaterThan(card * 0.8);
      // Chromium's folder file input is wide: it must stay inside its card (it stuck out, the page did not scroll).
      const input = (await page.getByTestId('folder-input').boundingBox())!;
      const importCard = (await page.locator('models-folder-import section').boundingBox())!;
      expect(input.x + input.width, `${locale} ${width}px: folder input past its card`).toBeLessThanOrEqual(importCard.x + importCard.width);
      // Each value carries its column's name, shown before it on a phone (CSS ::before, which no text query sees).
      await expect(modelRow(page, modelId).getByTestId('cached-file').first().locator('td').nth(1)).toHaveAttribute('data-label', SIZE[locale]);
      if (shots) await modelRow(page, modelId).screenshot({ path: `${shots}/models-card-${locale}-${width}.png` });
      if (shots) await page.screenshot({ path: `${shots}/models-${locale}-${width}.png`, fullPage: true });
    }
  }
});
