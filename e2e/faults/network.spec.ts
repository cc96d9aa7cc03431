// The network failing mid-download: the fixture hub answers 500 or cuts the connection halfway through a file.
import type { APIRequestContext, Page } from '@playwright/test';
import { META_DB } from '../../src/runtime/cache';
import { expect, hubRequests, hubUrl, loadHubModel, test } from '../helpers';

const MODEL_FILE = 'onnx/model.onnx';

async function injectFault(request: APIRequestContext, path: string, mode: '500' | 'cut', count: number): Promise<void> {
  await request.get(`${hubUrl}/__fault?${new URLSearchParams({ path, mode, count: String(count) })}`);
}

/** The cached files' paths of one model, straight from IndexedDB. */
function cachedPaths(page: Page, modelId: string): Promise<string[]> {
  return page.evaluate(
    ({ db, store, modelId }) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open(db);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction(store).objectStore(store).getAll();
          read.onsuccess = () => resolve((read.result as { modelId: string; path: string }[]).filter((m) => m.modelId === modelId).map((m) => m.path));
          read.onerror = () => reject(read.error);
        };
      }),
    { db: META_DB.db, store: META_DB.store, modelId },
  );
}

test('a hub that fails twice is tried again after a pause and the model loads', async ({ page, request }) => {
  const modelId = 'fixtures/tiny-classifier-flaky';
  await injectFault(request, `${modelId}/resolve/main/${MODEL_FILE}`, '500', 2);
  await page.goto('/#/models');
  await loadHubModel(page, modelId);
  await expect(page.getByTestId('load-result')).toContainText('Test run on WASM');
  const tries = (await hubRequests(request, modelId)).filter((e) => e.path.endsWith(MODEL_FILE) && !e.range);
  expect(tries.map((e) => e.status)).toEqual([500, 500, 200]);
  expect(await cachedPaths(page, modelId)).toContain(MODEL_FILE);
});

test('a connection cut mid-file ends in a clear message with Retry, caches no half file, and Retry works', async ({ page, request, watch }) => {
  const modelId = 'fixtures/tiny-classifier-cut';
  await injectFault(request, `${modelId}/resolve/main/${MODEL_FILE}`, 'cut', 100);
  await page.goto('/#/models');
  await loadHubModel(page, modelId);
  await expect(page.getByTestId('load-result')).toContainText(`Could not load ${modelId}`);
  expect(await cachedPaths(page, modelId)).not.toContain(MODEL_FILE);

  await injectFault(request, `${modelId}/resolve/main/${MODEL_FILE}`, 'cut', 0);
  await page.getByTestId('retry-load').click();
  await expect(page.getByTestId('load-result')).toContainText('Test run on WASM');
  expect(await cachedPaths(page, modelId)).toContain(MODEL_FILE);
  await expect(page.getByTestId('retry-load')).toHaveCount(0);
  expect(watch.consoleErrors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
});

test('a hub that keeps failing gives up after three tries with a message and Retry', async ({ page, request }) => {
  const modelId = 'fixtures/tiny-classifier-down';
  await injectFault(request, `${modelId}/resolve/main/${MODEL_FILE}`, '500', 3);
  await page.goto('/#/models');
  await loadHubModel(page, modelId);
  await expect(page.getByTestId('load-result')).toContainText('Internal server error');
  expect((await hubRequests(request, modelId)).filter((e) => e.path.endsWith(MODEL_FILE) && !e.range)).toHaveLength(3);
  await page.getByTestId('retry-load').click();
  await expect(page.getByTestId('load-result')).toContainText('Test run on WASM');
});
