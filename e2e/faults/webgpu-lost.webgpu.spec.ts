// The GPU device is lost after a model loaded on WebGPU (driver reset, GPU unplugged): the shared client reloads the
// model on WASM, says so, the badge and the game's status line say WASM, and the game keeps guessing.
import { drawOnCanvas, SHAPES } from '../doodle-drawings';
import { expect, patchNextInferenceWorker, test } from '../helpers';

interface CapturingWorkerGlobal {
  capturedGpuDevices?: { destroy(): void }[];
}

// The worker records the GPU devices it creates, so the test can destroy them.
const CAPTURE_DEVICES = `if (self.GPUAdapter) {
  const requestDevice = self.GPUAdapter.prototype.requestDevice;
  self.capturedGpuDevices = [];
  self.GPUAdapter.prototype.requestDevice = async function (...args) {
    const device = await requestDevice.apply(this, args);
    self.capturedGpuDevices.push(device);
    return device;
  };
}`;

test('a WebGPU device lost after the load: the doodle model moves to WASM and keeps guessing', async ({ page, watch }) => {
  await page.goto('/#/doodle/practice');
  const status = page.getByTestId('model-status');
  await expect(status).toHaveText(/^\s*Ready · Sketch CNN \(16 classes\) · fp32 · wasm/, { timeout: 60_000 });

  // Choosing WebGPU starts a fresh worker (it needs the WebGPU runtime build): that one records its GPU devices.
  await patchNextInferenceWorker(page, CAPTURE_DEVICES);
  await page.getByTestId('backend-badge').click();
  await page.getByTestId('device-select').selectOption('webgpu');
  await page.getByTestId('backend-badge').click();
  await expect(status).toHaveText(/^\s*Ready · Sketch CNN \(16 classes\) · fp32 · webgpu/, { timeout: 60_000 });
  await expect(page.getByTestId('backend-label')).toHaveText('WebGPU · fp32');

  // No run is in flight now, so the loss is noticed through GPUDevice.lost (a run failing on the lost device is the
  // other trigger, covered in src/runtime/worker-client.test.ts).
  let destroyed = 0;
  for (const worker of page.workers().filter((w) => w.url().includes('inference.worker'))) {
    destroyed += await worker.evaluate(() => {
      const devices = (self as unknown as CapturingWorkerGlobal).capturedGpuDevices ?? [];
      for (const device of devices) device.destroy();
      return devices.length;
    });
  }
  expect(destroyed).toBeGreaterThan(0);

  await expect(page.getByTestId('notice').filter({ hasText: 'The GPU stopped working (device lost); running on WASM now.' })).toBeVisible();
  await expect(page.getByTestId('backend-label')).toHaveText('WASM · fp32');
  await expect(page.getByTestId('backend-reason')).toContainText('the GPU stopped working');
  await expect(status).toHaveText(/^\s*Ready · Sketch CNN \(16 classes\) · fp32 · wasm/);

  await drawOnCanvas(page, SHAPES.circle![0]!);
  const guesses = page.getByTestId('guesses').locator('li');
  await expect(guesses).toHaveCount(5);
  await expect(guesses.first()).toHaveText(/^circle/);
  expect(watch.consoleErrors).toEqual([]);
});
