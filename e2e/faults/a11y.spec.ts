// Accessibility: axe finds no serious or critical violation on any page (the shell, Models and the game screens are
// scanned in shell.spec.ts and doodle.spec.ts), and the main flows work with the keyboard alone.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../helpers';

const ARTICLE =
  'The council approved the library budget on Monday. Longer opening hours start next month at every branch. ' +
  'Staff welcomed the news and students said the hours would help them. The mayor thanked the staff.';

async function seriousViolations(page: Page): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Presses Tab until `target` has the focus (looking through shadow roots); fails if it never does. */
async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const focused = await target.evaluate((el) => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active === el;
    });
    if (focused) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test('summarize, quantize lab, benchmark and not-found pages have no serious accessibility violations', async ({ page }) => {
  await page.goto('/#/summarize');
  await page.getByTestId('source-text').fill(ARTICLE);
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('summary')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  for (const [route, heading] of [['quantize', 'main h1'], ['bench', 'main h1'], ['no-such-page', 'main h1']] as const) {
    await page.goto(`/#/${route}`);
    await expect(page.locator(heading)).toBeVisible();
    expect(await seriousViolations(page), route).toEqual([]);
  }
});

test('the keyboard alone summarizes a text, starts a game and loads a model', async ({ page }) => {
  await page.goto('/#/summarize');
  await tabTo(page, page.getByTestId('source-text'));
  await page.keyboard.type(ARTICLE);
  await tabTo(page, page.getByTestId('summarize'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('summary')).toBeVisible();

  await page.goto('/#/doodle');
  await expect(page.getByTestId('model-status')).toHaveText(/^\s*Ready ·/, { timeout: 60_000 });
  await tabTo(page, page.getByTestId('start'));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('target')).toBeVisible();

  await page.goto('/#/models');
  const row = page.locator('[data-testid="model-row"][data-model="doodle-cnn"]');
  await tabTo(page, row.getByTestId('load-model'));
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('load-result')).toContainText('Test run on WASM');
});
