// WebGPU fails inside the worker (the adapter is there but refuses a device, as after a driver reset or a lost
// device): the load falls back to WASM in a fresh worker, the model runs, and the badge says why.
import { expect, loadHubModel, test } from '../helpers';

test('WebGPU refusing a device: the model runs on WASM and the badge says WebGPU failed', async ({ page }) => {
  await page.goto('/#/models');
  await page.getByTestId('backend-badge').click();
  await page.getByTestId('device-select').selectOption('wasm');
  await page.getByTestId('backend-badge').click();
  await loadHubModel(page, 'fixtures/tiny-classifier-gpulost');
  const [worker] = page.workers().filter((w) => w.url().includes('inference.worker'));
  await worker!.evaluate(() => {
    // The WebGPU types are not in this project's TypeScript libs; the worker has the real class.
    const adapter = (self as unknown as { GPUAdapter: { prototype: { requestDevice: () => Promise<never> } } }).GPUAdapter;
    adapter.prototype.requestDevice = () => Promise.reject(new Error('GPU device was lost'));
  });

  await page.getByTestId('backend-badge').click();
  await page.getByTestId('device-select').selectOption('webgpu');
  await page.getByTestId('backend-badge').click();
  await loadHubModel(page, 'fixtures/tiny-classifier-gpulost2');
  await expect(page.getByTestId('load-result')).toContainText('Test run on WASM');
  await expect(page.getByTestId('notice').filter({ hasText: 'running on WASM instead' })).toBeVisible();
  await expect(page.getByTestId('backend-label')).toHaveText('WASM · fp32');
  await expect(page.getByTestId('backend-reason')).toContainText('WebGPU failed at load');
});
