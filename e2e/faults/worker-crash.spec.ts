// The inference worker dies with an uncaught error while a request is in flight (thrown inside the worker, so the
// browser reports it exactly as a real crash): the pending request fails with a message, the page keeps the user's
// work, and the next request runs in a fresh worker.
import type { Page } from '@playwright/test';
import { drawOnCanvas, SHAPES } from '../doodle-drawings';
import { expect, loadHubModel, test } from '../helpers';

/** Makes the running inference worker throw, outside any handler, as soon as its next message arrives. */
async function crashOnNextRequest(page: Page): Promise<{ closed: Promise<unknown> }> {
  const workers = page.workers().filter((w) => w.url().includes('inference.worker'));
  expect(workers).toHaveLength(1);
  const closed = new Promise((resolve) => workers[0]!.once('close', resolve));
  await workers[0]!.evaluate(() => {
    self.addEventListener('message', () => {
      throw new Error('simulated crash');
    }, { once: true });
  });
  return { closed };
}

test('a crash while the game guesses keeps the drawing and the next stroke is guessed in a fresh worker', async ({ page }) => {
  await page.goto('/#/doodle/practice');
  await expect(page.getByTestId('model-status')).toHaveText(/^\s*Ready ·/, { timeout: 60_000 });
  const circle = SHAPES.circle![0]!;
  await drawOnCanvas(page, circle);
  const guesses = page.getByTestId('guesses').locator('li');
  await expect(guesses.first()).toHaveText(/^circle/);

  const { closed } = await crashOnNextRequest(page);
  // Short ticks on the circle's own line: the guess stays "circle" only if the drawing was kept. The run that was
  // in flight fails; the game asks again on the next edit, in a fresh worker that reloads the model from the cache.
  const [xs, ys] = circle[0]!;
  await drawOnCanvas(page, [[[xs[0]!, xs[0]! + 1], [ys[0]!, ys[0]! + 1]]]);
  await closed;
  await drawOnCanvas(page, [[[xs[1]!, xs[1]! + 1], [ys[1]!, ys[1]! + 1]]]);
  await expect(page.locator('doodle-page [role="alert"]')).toHaveCount(0);
  await expect(guesses.first()).toHaveText(/^circle/);
  expect(page.workers().filter((w) => w.url().includes('inference.worker'))).toHaveLength(1);
});

test('a crash during a download fails that load with a message; Retry loads the model', async ({ page }) => {
  await page.goto('/#/models');
  await loadHubModel(page, 'fixtures/tiny-classifier-crash');
  const { closed } = await crashOnNextRequest(page);
  await page.getByTestId('hub-model-id').fill('fixtures/tiny-classifier-crash2');
  await page.getByRole('button', { name: 'Download', exact: true }).last().click();
  await expect(page.getByTestId('load-result')).toContainText('stopped unexpectedly');
  await closed;
  await page.getByTestId('retry-load').click();
  await expect(page.getByTestId('load-result')).toContainText('Test run on WASM');
  expect(page.workers().filter((w) => w.url().includes('inference.worker'))).toHaveLength(1);
});
