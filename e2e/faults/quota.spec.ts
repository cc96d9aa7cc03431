// Browser storage full: in the inference worker (where the cache writes), IndexedDB refuses every write with
// QuotaExceededError, as it does when the origin's quota is used up.
import { expect, loadHubModel, test } from '../helpers';

test('a model that does not fit in storage still runs from memory and the user is told what to delete', async ({ page }) => {
  const kept = 'fixtures/tiny-classifier-kept';
  await page.goto('/#/models');
  await loadHubModel(page, kept);
  await expect(page.getByTestId('load-result')).toContainText('Test run on WASM');

  const [worker] = page.workers();
  await worker!.evaluate(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const modelId = 'fixtures/tiny-classifier-nospace';
  await loadHubModel(page, modelId);
  await expect(page.getByTestId('load-result')).toContainText('Test run on WASM');
  const notice = page.getByTestId('notice').filter({ hasText: 'Browser storage is full' }).filter({ hasText: 'onnx/model.onnx' });
  await expect(notice).toContainText(`onnx/model.onnx of ${modelId} needs 12.8 kB`);
  await expect(notice).toContainText(`Deleting ${kept}`);
  await expect(page.locator(`[data-testid="model-row"][data-model="${modelId}"]`)).toHaveCount(0);
});

test('a variant the lab cannot store stays in the comparison and downloads; the message says what it needs and what could go', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#/quantize');
  await expect(page.getByRole('heading', { name: 'Quantize lab' })).toBeVisible();
  // The page's own writes (the variants store) fail as on a full disk; the fp32 model still reaches the cache,
  // which the inference worker writes.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByTestId('quantize').click();
  const message = page.getByTestId('lab-message');
  await expect(message).toContainText('Made weight-only int8', { timeout: 120_000 });
  await expect(message).toContainText(/Browser storage is full: doodle-cnn weight-only-int8 \(made here\) needs \d+(\.\d)? kB more/);
  await expect(message).toContainText(/Deleting doodle-cnn \([\d.]+ MB\) on the Models page would make room/);
  await expect(message).toContainText('use its Download button to keep it');

  const made = page.locator('[data-testid="variant"][data-name="weight-only int8 (made here)"]');
  await expect(made.getByTestId('not-saved')).toBeVisible();
  await expect(made.getByRole('checkbox')).toBeChecked();
  const [download] = await Promise.all([page.waitForEvent('download'), made.getByTestId('download-variant').click()]);
  expect(download.suggestedFilename()).toBe('doodle-cnn-weight-only-int8.onnx');

  await page.getByTestId('run-comparison').click();
  const row = page.locator('[data-testid="result-row"][data-name="weight-only int8 (made here)"]');
  await expect(row).toBeVisible({ timeout: 120_000 });
  expect(Number(await row.getByTestId('agreement').textContent())).toBeGreaterThanOrEqual(0.98);
});
