import { existsSync } from 'node:fs';
import { expect, loadModelRow, modelRow, test } from './helpers';

const files = ['models/doodle-cnn/config.json', 'models/doodle-cnn/onnx/model.onnx'];

test('the bundled sketch model loads from the app itself, checks out against the catalog, and starts warm offline', async ({ page }) => {
  test.skip(!files.every((f) => existsSync(f)), 'models/doodle-cnn is not built yet (see the sketch model tools)');
  const modelRequests: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/models/doodle-cnn/')) modelRequests.push(r.url());
  });
  await page.goto('/#/models');
  await loadModelRow(page, 'doodle-cnn');
  await expect(modelRow(page, 'doodle-cnn').getByTestId('load-result')).toContainText('Ready on WASM');
  expect(modelRequests.length).toBeGreaterThan(0);

  await modelRow(page, 'doodle-cnn').getByTestId('verify-model').click();
  await expect(modelRow(page, 'doodle-cnn').getByTestId('verify-report')).toContainText('All files match their checksums.');

  modelRequests.length = 0;
  await page.reload();
  await loadModelRow(page, 'doodle-cnn');
  await expect(modelRow(page, 'doodle-cnn').getByTestId('load-result')).toContainText('Ready on WASM');
  expect(modelRequests).toEqual([]);
});
