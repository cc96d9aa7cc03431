// WebGPU fails inside the worker (the adapter is there but refuses a device, as after a driver reset or a lost
// device): the load falls back to WASM in a fresh worker, the model runs, and the badge says why.
import { expect, loadHubModel, patchNextInferenceWorker, test } from '../helpers';

test('WebGPU refusing a device: the model runs on WASM and the badge says WebGPU failed', async ({ page }) => {
  await patchNextInferenceWorker(
    page,
    "if (self.GPUAdapter) self.GPUAdapter.prototype.requestDevice = () => Promise.reject(new Error('GPU device was lost'));",
  );
  await page.goto('/#/models');
  await page.getByTestId('backend-badge').click();
  await page.getByTestId('device-select').selectOption('webgpu');
  await page.getByTestId('backend-badge').click();
  await loadHubModel(page, 'fixtures/tiny-classifier-gpulost');
  await expect(page.getByTestId('load-result')).toContainText('Test run on WASM');
  await expect(page.getByTestId('notice').filter({ hasText: 'running on WASM instead' })).toBeVisible();
  await expect(page.getByTestId('backend-label')).toHaveText('WASM · fp32');
  await expect(page.getByTestId('backend-reason')).toContainText('WebGPU failed at load');
});
