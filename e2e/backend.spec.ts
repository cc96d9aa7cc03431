import { expect, hubDownloads, loadHubModel, test } from './helpers';

test('headless Chromium has no WebGPU adapter: Auto picks WASM and says why', async ({ page }) => {
  await page.goto('/#/models');
  await expect(page.getByTestId('backend-label')).toContainText('WASM');
  await expect(page.getByTestId('backend-reason')).toContainText('no WebGPU adapter');
  await expect(page.getByTestId('backend-reason')).toContainText(/WASM, \d threads?/);
});

test('a hub model loads on WASM with per-file progress and runs', async ({ page, request }) => {
  const modelId = 'fixtures/tiny-classifier-progress';
  await page.goto('/#/models');
  await loadHubModel(page, modelId);
  await expect(page.getByTestId('load-result')).toContainText('Test run on WASM (fp32): logits [1, 4]');
  const weights = page.locator('[data-testid="file-progress"][data-file="onnx/model.onnx"]');
  await expect(weights).toHaveAttribute('data-state', 'downloaded');
  await expect(weights).toContainText('100%');
  await expect(weights).toContainText('12.8 kB');
  await expect(page.getByTestId('backend-label')).toHaveText('WASM · fp32');
  expect(await hubDownloads(request, modelId, 'onnx/model.onnx')).toBe(1);
});

test('WebGPU chosen by hand without an adapter: the model runs on WASM and the badge says why', async ({ page }) => {
  await page.goto('/#/models');
  await page.getByTestId('backend-badge').click();
  await page.getByTestId('device-select').selectOption('webgpu');
  await page.getByTestId('backend-badge').click();
  await loadHubModel(page, 'fixtures/tiny-classifier-nogpu');
  await expect(page.getByTestId('load-result')).toContainText('Test run on WASM');
  await expect(page.getByTestId('backend-label')).toHaveText('WASM · fp32');
  await expect(page.getByTestId('backend-reason')).toContainText('WebGPU chosen, but no WebGPU adapter');
});
