import { expect, loadHubModel, test } from './helpers';

// Chromium with --enable-unsafe-webgpu offers SwiftShader: a software adapter, slower than WASM.
test('a software WebGPU adapter: Auto still picks WASM, and WebGPU chosen by hand runs the model', async ({ page }) => {
  await page.goto('/#/models');
  await expect(page.getByTestId('backend-label')).toContainText('WASM');
  await expect(page.getByTestId('backend-reason')).toContainText('WebGPU adapter is a software fallback');

  await page.getByTestId('backend-badge').click();
  await page.getByTestId('device-select').selectOption('webgpu');
  await expect(page.getByTestId('backend-label')).toContainText('WebGPU');
  await page.getByTestId('backend-badge').click();

  await loadHubModel(page, 'fixtures/tiny-classifier-webgpu');
  await expect(page.getByTestId('load-result')).toContainText('Test run on WebGPU (fp32): logits [1, 4]');
  await expect(page.getByTestId('backend-label')).toHaveText('WebGPU · fp32');
});
