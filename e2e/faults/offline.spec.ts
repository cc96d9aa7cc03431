// Offline: besides the helpers' block on everything leaving this machine, the hub itself is unreachable (its address
// points at a closed port). Bundled features work fully; hub features say they need the hub.
import { drawOnCanvas, SHAPES } from '../doodle-drawings';
import { expect, loadHubModel, test } from '../helpers';

const UNREACHABLE_HUB = 'http://127.0.0.1:9';

test.beforeEach(async ({ page }) => {
  await page.addInitScript((hubHost) => localStorage.setItem('mlwb.settings', JSON.stringify({ hubHost })), UNREACHABLE_HUB);
});

test('bundled features work and hub features say they need the hub, with no console error', async ({ page, watch }) => {
  await page.goto('/#/doodle/practice');
  await expect(page.getByTestId('model-status')).toHaveText(/^\s*Ready ·/, { timeout: 60_000 });
  await drawOnCanvas(page, SHAPES.circle![0]!);
  await expect(page.getByTestId('guesses').locator('li')).toHaveCount(5);

  await page.goto('/#/summarize');
  await page.getByTestId('source-text').fill(
    'The council approved the library budget on Monday. Longer opening hours start next month at every branch. ' +
      'Staff welcomed the news and students said the hours would help them.',
  );
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('summary')).toBeVisible();
  await page.getByTestId('engine').selectOption('other');
  await page.getByTestId('hub-model').fill('fixtures/tiny-summarizer-offline');
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('error')).toContainText('cannot be reached');
  await expect(page.getByTestId('source-text')).toHaveValue(/library budget/);

  await page.goto('/#/models');
  await loadHubModel(page, 'fixtures/tiny-classifier-offline');
  await expect(page.getByTestId('load-result')).toContainText(`the model hub at ${UNREACHABLE_HUB} cannot be reached`);
  await expect(page.getByTestId('retry-load')).toBeVisible();
  expect(watch.consoleErrors).toEqual([]);
});
