// The lab's weight formats in a real browser: int4 in blocks of 32 and a 4-bit palette made through the quantize
// panel on the bundled doodle-cnn, compared with fp32 on a small imported drawing set, and one downloaded.
import { existsSync, readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import type { Page } from '@playwright/test';
import { seededRandom } from '../src/util/prng';
import { syntheticDrawings } from '../src/sketch/synthetic-drawings';
import { buildSmallCnn } from '../src/quantize/testing/model-builder';
import { expect, test } from './helpers';

const BUNDLED = 'models/doodle-cnn/onnx/model.onnx';

function variant(page: Page, name: string) {
  return page.locator(`[data-testid="variant"][data-name="${name}"]`);
}

function resultRow(page: Page, name: string) {
  return page.locator(`[data-testid="result-row"][data-name="${name}"]`);
}

async function quantize(page: Page, method: RegExp, made: string): Promise<void> {
  await page.getByRole('radio', { name: method }).check();
  await page.getByTestId('quantize').click();
  await expect(page.getByTestId('lab-message')).toContainText(`Made ${made}:`, { timeout: 60_000 });
}

test.describe('quantize lab: weight formats', () => {
  test.skip(!existsSync(BUNDLED), 'models/doodle-cnn is not built yet (npm run train:sketch)');

  test('int4 block 32 and palette 4-bit made in the page are much smaller than fp32, compare with it and download as named', async ({ page, watch }) => {
    test.setTimeout(150_000);
    await page.goto('/#/quantize');
    await expect(page.getByRole('heading', { name: 'Quantize lab' })).toBeVisible();
    // One drawing per class keeps the comparison (and the self-check on its first drawings) short.
    const drawings = syntheticDrawings(1, seededRandom(11)).map(({ label, strokes }) => JSON.stringify({ word: label, drawing: strokes }));
    await page.getByTestId('import-drawings').setInputFiles({ name: 'few.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(drawings.join('\n')) });
    await expect(page.getByTestId('lab-message')).toContainText(`Imported ${drawings.length} labelled drawings`);

    await page.getByRole('radio', { name: /Weight-only int4 in blocks/ }).check();
    await expect(page.getByTestId('option-blockSize')).toHaveValue('32');
    await expect(page.getByTestId('option-symmetric')).toHaveValue('true');
    await quantize(page, /Weight-only int4 in blocks/, 'int4 block 32, symmetric');
    await expect(page.getByTestId('lab-message')).toContainText('weight tensors in int4 blocks of 32');
    await page.getByRole('radio', { name: /Palettization/ }).check();
    await expect(page.getByTestId('option-bits')).toHaveValue('4');
    await quantize(page, /Palettization/, 'palette 4-bit');

    const int4 = variant(page, 'int4 block 32, symmetric (made here)');
    const palette = variant(page, 'palette 4-bit (made here)');
    await expect(int4.getByRole('checkbox')).toBeChecked();
    await expect(palette.getByRole('checkbox')).toBeChecked();
    await page.getByTestId('run-comparison').click();
    for (const name of ['int4 block 32, symmetric (made here)', 'palette 4-bit (made here)']) {
      const row = resultRow(page, name);
      await expect(row).toBeVisible({ timeout: 90_000 });
      expect(Number.parseFloat((await row.getByTestId('smaller').textContent())!), name).toBeGreaterThanOrEqual(5);
      const agreement = Number(await row.getByTestId('agreement').textContent());
      expect(agreement, name).toBeGreaterThanOrEqual(0.5);
      expect(agreement, name).toBeLessThanOrEqual(1);
    }

    const [download] = await Promise.all([page.waitForEvent('download'), int4.getByTestId('download-variant').click()]);
    expect(download.suggestedFilename()).toBe('doodle-cnn-int4-b32-sym.onnx');
    const bytes = readFileSync((await download.path())!);
    const smaller = Number.parseFloat((await resultRow(page, 'int4 block 32, symmetric (made here)').getByTestId('smaller').textContent())!);
    expect(readFileSync(BUNDLED).byteLength / bytes.byteLength).toBeCloseTo(smaller, 1);
    // An ONNX ModelProto starts with field 1 (ir_version, varint): tag byte 0x08.
    expect(bytes[0]).toBe(0x08);
    const session = await ort.InferenceSession.create(bytes);
    const outputs = await session.run({ input: new ort.Tensor('float32', new Float32Array(784), [1, 1, 28, 28]) });
    expect(outputs.logits!.dims).toEqual([1, 16]);

    // The results are worded when shown: a switch to Japanese renames the rows and the drawings, with no new run.
    await page.getByTestId('language-select').selectOption('ja');
    await expect(resultRow(page, 'int4 ブロック 32、対称（ここで作成）')).toBeVisible();
    await expect(page.getByTestId('samples-used')).toContainText(`読み込んだ絵 ${drawings.length} 枚`);
    expect(watch.externalRequests).toEqual([]);
  });

  test('a setting out of range, and SmoothQuant on a model with nothing to smooth, each get a message that says why and change nothing', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/#/quantize');
    // A CNN whose only Gemm reads a Flatten: SmoothQuant has no operator to fold its factors into.
    await page.getByTestId('open-model').setInputFiles({ name: 'flat-cnn.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from(buildSmallCnn({ classes: 5, seed: 21 })) });
    await expect(page.getByTestId('lab-message')).toContainText('Opened flat-cnn.onnx', { timeout: 90_000 });
    const variants = page.getByTestId('variant');
    await expect(variants).toHaveCount(1);

    await page.getByRole('radio', { name: /Static int8/ }).check();
    await expect(page.getByTestId('option-smoothQuantAlpha')).toHaveCount(0);
    await page.getByTestId('option-smoothQuant').selectOption('true');
    await page.getByTestId('option-smoothQuantAlpha').fill('1.5');
    await page.getByTestId('option-smoothQuantAlpha').blur();
    await page.getByTestId('quantize').click();
    await expect(page.getByTestId('lab-message')).toHaveText(/must be a number from 0 to 1\.$/);

    await page.getByTestId('option-smoothQuantAlpha').fill('0.5');
    await page.getByTestId('option-smoothQuantAlpha').blur();
    await page.getByTestId('quantize').click();
    const message = page.getByTestId('lab-message');
    await expect(message).toContainText('SmoothQuant cannot be used on this model:', { timeout: 60_000 });
    await expect(message).toContainText('Flatten');
    await expect(message).toContainText('Turn SmoothQuant off');
    await expect(message).toContainText('Nothing was saved');
    await expect(variants).toHaveCount(1);
    // The settings stay as they were, so turning SmoothQuant off is one change away.
    await expect(page.getByTestId('option-smoothQuant')).toHaveValue('true');
    await expect(page.getByTestId('option-smoothQuantAlpha')).toHaveValue('0.5');
  });
});
