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
