// The abstractive path on the generated tiny encoder–decoder (random weights, served by the fixture hub): it proves
// loading with per-file progress, streaming, the IndexedDB cache, dtype switching, map-reduce progress and Stop —
// not summary quality.
import { expect, hubDownloads, hubUrl, test } from './helpers';
import type { Page } from '@playwright/test';

const ARTICLE =
  'The city council approved the library budget on Monday. The staff welcomed the longer opening hours. ' +
  'The new hours start next month at every library in the city.';

async function chooseHubModel(page: Page, modelId: string, dtype: 'fp32' | 'int8') {
  await page.getByTestId('engine').selectOption('other');
  await page.getByTestId('hub-model').fill(modelId);
  await page.getByTestId('dtype').selectOption(dtype);
}

test.describe('abstractive summarization with a hub model', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/#/summarize');
    await expect(page.getByRole('heading', { name: 'Summarize', level: 1 })).toBeVisible();
  });

  test('downloads with per-file progress, streams a summary, then loads from the cache after a reload', async ({ page, request, watch }) => {
    const modelId = 'fixtures/tiny-summarizer-stream';
    const decoder = 'onnx/decoder_model_merged.onnx';
    const before = await hubDownloads(request, modelId, decoder);
    await page.getByTestId('source-text').fill(ARTICLE);
    await chooseHubModel(page, modelId, 'fp32');
    await page.getByTestId('summarize').click();
    await expect(page.locator('[data-testid="file-progress"][data-file="onnx/decoder_model_merged.onnx"]')).toBeVisible();
    await expect(page.getByTestId('summary')).not.toBeEmpty();
    await expect(page.getByTestId('made-by')).toContainText(`${modelId} · fp32 · WASM`);
    await expect(page.getByTestId('compression')).toContainText('words');
    expect(await hubDownloads(request, modelId, decoder)).toBe(before + 1);

    await page.reload();
    await page.getByTestId('source-text').fill(ARTICLE);
    await chooseHubModel(page, modelId, 'fp32');
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('summary')).not.toBeEmpty();
    expect(await hubDownloads(request, modelId, decoder)).toBe(before + 1);
    expect(watch.externalRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('the precision shown is the one used, before the user touches it', async ({ page }) => {
    const modelId = 'fixtures/tiny-summarizer-shown';
    await page.getByTestId('source-text').fill(ARTICLE);
    await page.getByTestId('engine').selectOption('other');
    await page.getByTestId('hub-model').fill(modelId);
    const shown = await page.getByTestId('dtype').inputValue();
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('made-by')).toContainText(`${modelId} · ${shown} ·`);
  });

  test('switching to int8 loads the quantized files', async ({ page, request }) => {
    const modelId = 'fixtures/tiny-summarizer-dtype';
    const quantized = ['onnx/decoder_model_merged_quantized.onnx', 'onnx/encoder_model_quantized.onnx'];
    const before = await Promise.all(quantized.map((file) => hubDownloads(request, modelId, file)));
    await page.getByTestId('source-text').fill(ARTICLE);
    await chooseHubModel(page, modelId, 'fp32');
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('made-by')).toContainText('· fp32 ·');
    await page.getByTestId('dtype').selectOption('int8');
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('made-by')).toContainText('· int8 ·');
    const after = await Promise.all(quantized.map((file) => hubDownloads(request, modelId, file)));
    expect(after).toEqual(before.map((count) => count + 1));
  });

  test('a long document is summarized chunk by chunk and Stop keeps what was written', async ({ page }) => {
    await page.getByTestId('source-text').fill(`${ARTICLE} `.repeat(400));
    await chooseHubModel(page, 'fixtures/tiny-summarizer-long', 'fp32');
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('chunk-progress')).toContainText(/Chunk \d+ of \d+/);
    await expect(page.getByTestId('streamed')).not.toBeEmpty();
    await page.getByTestId('stop').click();
    await expect(page.getByTestId('stopped')).toBeVisible();
    await expect(page.getByTestId('summary')).not.toBeEmpty();
    await expect(page.getByTestId('summarize')).toBeEnabled();
  });

  test('Cancel download stops a download that hangs; the next try downloads again and summarizes', async ({ page, request }) => {
    const modelId = 'fixtures/tiny-summarizer-cancel';
    const decoder = 'onnx/decoder_model_merged.onnx';
    await request.get(`${hubUrl}/__fault?${new URLSearchParams({ path: `${modelId}/resolve/main/${decoder}`, mode: 'stall', count: '1' })}`);
    await page.getByTestId('source-text').fill(ARTICLE);
    await chooseHubModel(page, modelId, 'fp32');
    await page.getByTestId('summarize').click();
    await expect(page.locator(`[data-testid="file-progress"][data-file="${decoder}"]`)).toBeVisible();
    await page.getByTestId('cancel-download').click();
    await expect(page.getByTestId('status')).toContainText('Download cancelled');
    await expect(page.getByTestId('summarize')).toBeEnabled();
    await expect(page.getByTestId('source-text')).toHaveValue(ARTICLE);

    const before = await hubDownloads(request, modelId, decoder);
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('summary')).not.toBeEmpty();
    expect(await hubDownloads(request, modelId, decoder)).toBe(before + 1);
  });

  test('a model that cannot be downloaded gets a clear message and the page stays usable', async ({ page }) => {
    await page.getByTestId('source-text').fill(ARTICLE);
    await chooseHubModel(page, 'fixtures/no-such-summarizer', 'fp32');
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('error')).toContainText('Could not load fixtures/no-such-summarizer');
    await expect(page.getByTestId('source-text')).toHaveValue(ARTICLE);
    await page.getByTestId('engine').selectOption('extractive');
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('summary')).toBeVisible();
  });
});
