// The Models page on a phone (390 px wide): each cached file is a stacked block (the path on the card's whole width,
// then size and dates with their labels), and each card's dtype menu keeps the card's padding, so nothing is squeezed,
// sticks out or scrolls sideways, in English and Japanese.
// SHOTS_DIR=<dir> saves the page at 1280 and 390 px in both languages.
import type { Page } from '@playwright/test';
import { TINY_MOBILEVIT } from './fixtures/generate';
import { expect, expectNoSidewaysOverflow, loadModelRow, modelRow, test } from './helpers';

const shots = process.env.SHOTS_DIR;
const modelId = `${TINY_MOBILEVIT.id}-phone`;
const SIZE = { en: 'Size', ja: 'サイズ' };

/**
 * The widths of each cached file's path cell and of its card, and how
 * far any card's dtype menu reaches into its right padding (px; ≤ 0 when it keeps the padding, as the buttons do).
 */
async function layout(page: Page) {
  const row = modelRow(page, modelId);
  const card = (await row.boundingBox())!;
  const paths = await row.getByTestId('cached-file').locator('td:first-child').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().width));
  const intoPadding = await page.getByTestId('model-row').evaluateAll((cards) =>
    Math.max(
      ...cards.map((card) => {
        const select = card.querySelector('select');
        return select ? select.getBoundingClientRect().right - (card.getBoundingClientRect().right - parseFloat(getComputedStyle(card).paddingRight)) : 0;
      }),
    ),
  );
  return { card: card.width, paths, intoPadding };
}

test('the per-file list reads well at 390 px in English and Japanese', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/models');
  await page.getByTestId('hub-model-id').fill(modelId);
  await page.getByTestId('hub-model-id').press('Enter');
  await expect(page.getByTestId('load-result').first()).toBeVisible({ timeout: 60_000 });
  await expect(modelRow(page, modelId).getByTestId('cached-file').first()).toBeVisible();
  // A loaded catalogued model's dtype menu is the card's widest control ("fp32 · 1.3 MB with shared files · cached").
  await loadModelRow(page, 'doodle-cnn');
  await expect(modelRow(page, 'doodle-cnn').getByTestId('load-dtype')).toContainText('cached');

  for (const locale of ['en', 'ja'] as const) {
    if (locale === 'ja') await page.getByTestId('language-select').selectOption('ja');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      // Measured once the layout has settled at the new width; then the rest of the layout is read as it stands.
      await expectNoSidewaysOverflow(page, modelRow(page, modelId), `${locale} ${width}px, the page and the card`);
      const { card, paths, intoPadding } = await layout(page);
      expect(intoPadding, `${locale} ${width}px: dtype menu reaches into the card's padding`).toBeLessThanOrEqual(0.5);
      // On a phone the path has the card's width to itself (the table squeezed it into a quarter).
      if (width === 390) for (const w of paths) expect(w, `${locale}: path cell of ${paths.length}`).toBeGreaterThan(card * 0.8);
      // Chromium's folder file input is wide: it must stay inside its card (it stuck out, the page did not scroll).
      const input = (await page.getByTestId('folder-input').boundingBox())!;
      const importCard = (await page.locator('models-folder-import section').boundingBox())!;
      expect(input.x + input.width, `${locale} ${width}px: folder input past its card`).toBeLessThanOrEqual(importCard.x + importCard.width);
      // Each value carries its column's name, shown before it on a phone (CSS ::before, which no text query sees).
      await expect(modelRow(page, modelId).getByTestId('cached-file').first().locator('td').nth(1)).toHaveAttribute('data-label', SIZE[locale]);
      if (shots) await modelRow(page, modelId).screenshot({ path: `${shots}/models-card-${locale}-${width}.png` });
      if (shots) await modelRow(page, 'doodle-cnn').screenshot({ path: `${shots}/models-doodle-card-${locale}-${width}.png` });
      if (shots) await page.screenshot({ path: `${shots}/models-${locale}-${width}.png`, fullPage: true });
    }
  }
});
