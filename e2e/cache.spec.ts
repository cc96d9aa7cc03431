import { damageStoredFiles, expect, hubDownloads, hubRequests, loadHubModel, loadModelRow, modelRow, test } from './helpers';
import { storeGameDrawings } from './doodle-drawings';

test('a second visit loads the model from IndexedDB with zero model-file requests', async ({ page, request }) => {
  const modelId = 'fixtures/tiny-classifier-warm';
  await page.goto('/#/models');
  await loadHubModel(page, modelId);
  await expect(page.getByTestId('load-result')).toContainText('Ready');
  const firstVisit = (await hubRequests(request, modelId)).length;
  expect(firstVisit).toBeGreaterThan(0);

  await page.reload();
  const row = modelRow(page, modelId);
  await expect(row.getByTestId('cached-file')).toHaveCount(2);
  await loadModelRow(page, modelId);
  await expect(row.getByTestId('load-result')).toContainText('Test run on WASM');
  await expect(row.locator('[data-testid="file-progress"][data-file="onnx/model.onnx"]')).toHaveAttribute('data-state', 'from cache');
  expect((await hubRequests(request, modelId)).length).toBe(firstVisit);
});

test('deleting a model on the Models page makes the next load download it again', async ({ page, request }) => {
  const modelId = 'fixtures/tiny-classifier-delete';
  await page.goto('/#/models');
  await loadHubModel(page, modelId);
  const downloads = await hubDownloads(request, modelId, 'onnx/model.onnx');
  expect(downloads).toBe(1);

  page.once('dialog', (dialog) => void dialog.accept());
  await modelRow(page, modelId).getByTestId('delete-model').click();
  await expect(modelRow(page, modelId)).toHaveCount(0);
  await loadHubModel(page, modelId);
  await expect(page.getByTestId('load-result')).toContainText('Ready');
  expect(await hubDownloads(request, modelId, 'onnx/model.onnx')).toBeGreaterThan(downloads);
});

test('a model file damaged inside IndexedDB is detected, downloaded again, and the user is told', async ({ page, request }) => {
  const modelId = 'fixtures/tiny-classifier-damaged';
  await page.goto('/#/models');
  await loadHubModel(page, modelId);
  const downloads = await hubDownloads(request, modelId, 'onnx/model.onnx');

  const damaged = await damageStoredFiles(page, `${modelId}/resolve/main/onnx/model.onnx`);
  expect(damaged).toBeGreaterThan(0);

  await page.reload();
  // The notice comes while the model loads and stays 10 s: look for it before waiting for the (slower) session start.
  await modelRow(page, modelId).getByTestId('load-model').click();
  await expect(page.getByTestId('notice').filter({ hasText: 'was damaged; downloading it again' })).toBeVisible();
  await expect(modelRow(page, modelId).getByTestId('load-result')).toContainText('Test run on WASM', { timeout: 60_000 });
  expect(await hubDownloads(request, modelId, 'onnx/model.onnx')).toBe(downloads + 1);
});

test('two tabs: a model deleted on one Models page disappears from the other without any action there', async ({ page, context }) => {
  const modelId = 'fixtures/tiny-classifier-twotabs';
  await page.goto('/#/models');
  const other = await context.newPage();
  await other.goto('/#/models');
  await expect(other.getByRole('heading', { name: /Models/ }).first()).toBeVisible();

  await loadHubModel(page, modelId);
  // The download in the first tab shows up in the second.
  await expect(modelRow(other, modelId).getByTestId('cached-file')).toHaveCount(2);
  page.once('dialog', (dialog) => void dialog.accept());
  await modelRow(page, modelId).getByTestId('delete-model').click();
  await expect(modelRow(page, modelId)).toHaveCount(0);
  await expect(modelRow(other, modelId)).toHaveCount(0);
});

test('two tabs: a variant made and then deleted in one quantization lab appears and disappears in the other', async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.goto('/#/quantize');
  const other = await context.newPage();
  await other.goto('/#/quantize');
  await expect(other.getByRole('heading', { name: 'Quantize lab' })).toBeVisible();
  await page.getByTestId('quantize').click();
  await expect(page.getByTestId('lab-message')).toContainText('Made weight-only int8', { timeout: 120_000 });
  const made = (p: typeof page) => p.locator('[data-testid="variant"][data-name="weight-only int8 (made here)"]');
  await expect(made(other)).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await made(page).getByTestId('delete-variant').click();
  await expect(made(page)).toHaveCount(0);
  await expect(made(other)).toHaveCount(0);
});

test('two tabs: the game drawings deleted in one Doodle Dash tab leave the other’s saved-drawings count at 0 without any action', async ({ page, context }) => {
  await page.goto('/#/doodle/practice');
  // Two drawings as the game stores them (src/runtime/drawing-store.ts).
  await storeGameDrawings(page, ['a', 'b'].map((id) => ({ id, target: 'circle', bitmap: new Array<number>(784).fill(0) })));
  await page.reload();
  const other = await context.newPage();
  await other.goto('/#/doodle/practice');
  await expect(other.getByTestId('saved-count')).toHaveText('2');
  await expect(page.getByTestId('saved-count')).toHaveText('2');
  await page.getByTestId('clear-saved').click();
  await expect(page.getByTestId('saved-count')).toHaveText('0');
  await expect(other.getByTestId('saved-count')).toHaveText('0');
});
