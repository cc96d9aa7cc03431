import { expect, loadHubModel, loadModelRow, test } from '../helpers';

test('probe', async ({ page }) => {
  await page.goto('/#/models');
  await page.getByTestId('backend-badge').click();
  await page.getByTestId('device-select').selectOption('wasm');
  await page.getByTestId('backend-badge').click();
  await loadHubModel(page, 'fixtures/tiny-classifier-lost');
  const [worker] = page.workers().filter((w) => w.url().includes('inference.worker'));
  await worker!.evaluate(() => {
    const adapter = (self as any).GPUAdapter;
    const original = adapter.prototype.requestDevice;
    adapter.prototype.requestDevice = async function (this: unknown, ...args: unknown[]) {
      const device = await original.apply(this, args);
      (self as any).__device = device;
      return device;
    };
  });
  await page.getByTestId('backend-badge').click();
  await page.getByTestId('device-select').selectOption('webgpu');
  await page.getByTestId('backend-badge').click();
  await loadHubModel(page, 'fixtures/tiny-classifier-lost2');
  await expect(page.getByTestId('load-result')).toContainText('Test run on WebGPU');
  console.log('has device', await worker!.evaluate(() => !!(self as any).__device));
  await worker!.evaluate(() => (self as any).__device.destroy());
  await loadModelRow(page, 'fixtures/tiny-classifier-lost2');
  console.log('RESULT', await page.getByTestId('load-result').last().textContent());
});
