// The inference worker dies with an uncaught error while a request is in flight (thrown inside the worker, so the
// browser reports it exactly as a real crash): the pending request fails with a message, the page keeps the user's
// work, and the next request runs in a fresh worker.
import type { Page } from '@playwright/test';
import { drawOnCanvas, SHAPES } from '../doodle-drawings';
import { expect, loadHubModel, test } from '../helpers';

/** Makes the running inference worker throw, outside any handler, as soon as its next message arrives. */
async function crashOnNextRequest(page: Page): Promise<void> {
  const workers = page.workers().filter((w) => w.url().includes('inference.worker'));
  expect(workers).toHaveLength(1);
  await workers[0]!.evaluate(() => {
    self.addEventListener('message', () => {
      throw new Error('simulated crash');
    }, { once: true });
  });
}

test('a crash while the game guesses keeps the drawing, says so, and the next stroke is guessed again', async ({ page }) => {
  await page.goto('/#/doodle/practice');
  await expect(page.getByTestId('model-status')).toHaveText(/^\s*Ready ·/, { timeout: 60_000 });
  const circle = SHAPES.circle![0]!;
  await drawOnCanvas(page, circle);
  const guesses = page.getByTestId('guesses').locator('li');
  await expect(guesses.first()).toHaveText(/^circle/);

  await crashOnNextRequest(page);
  // A short tick on the circle's own line, so the drawing stays a circle if (and only if) it was kept.
  const [xs, ys] = circle[0]!;
  await drawOnCanvas(page, [[[xs[0]!, xs[0]! + 1], [ys[0]!, ys[0]! + 1]]]);
  await expect(page.locator('doodle-page [role="alert"]')).toContainText('stopped unexpectedly');

  await drawOnCanvas(page, [[[xs[1]!, xs[1]! + 1], [ys[1]!, ys[1]! + 1]]]);
  await expect(page.locator('doodle-page [role="alert"]')).toHaveCount(0);
  await expect(guesses.first()).toHaveText(/^circle/);
});

test('a crash during a download fails that load with a message; Retry loads the model', async ({ page }) => {
  await page.goto('/#/models');
  await loadHubModel(page, 'fixtures/tiny-classifier-crash');
  await crashOnNextRequest(page);
  await page.getByTestId('hub-model-id').fill('fixtures/tiny-classifier-crash2');
  await page.getByRole('button', { name: 'Download', exact: true }).last().click();
  await expect(page.getByTestId('load-result')).toContainText('stopped unexpectedly');
  await page.getByTestId('retry-load').click();
  await expect(page.getByTestId('load-result')).toContainText('Test run on WASM');
  expect(page.workers().filter((w) => w.url().includes('inference.worker'))).toHaveLength(1);
});
