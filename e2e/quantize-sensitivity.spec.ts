// Per-layer sensitivity and mixed precision in the quantization lab, in a real browser on the bundled doodle-cnn:
// each layer quantized alone in the worker, shown as a chart and a table; then a mixed-precision variant at a target.
import { existsSync } from 'node:fs';
import { seededRandom } from '../src/util/prng';
import { syntheticDrawings } from '../src/sketch/synthetic-drawings';
import type { Page } from '@playwright/test';
import { expect, expectNoSidewaysOverflow, test } from './helpers';

const BUNDLED = 'models/doodle-cnn/onnx/model.onnx';
/** doodle-cnn's Conv and Gemm layers (4 Conv, 2 Gemm), each measured alone. */
const CNN_LAYERS = 6;
/** SHOTS_DIR=<dir> saves the sensitivity panel at 1280 and 390 px in both languages. */
const shots = process.env.SHOTS_DIR;

/**
 * At 390 px (a phone) and at 1280 px neither the page nor the sensitivity table's box scrolls sideways; on the phone
 * each layer's name and the caption have the table's width (the rows stack), not a narrow column that breaks them up.
 */
async function expectTableFits(page: Page, locale: 'en' | 'ja'): Promise<void> {
  const panel = page.getByRole('region', { name: locale === 'en' ? 'Per-layer sensitivity' : '層ごとの感度' });
  const box = page.locator('.table-wrap:has([data-testid="sensitivity-table"])');
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    if (shots) await panel.screenshot({ path: `${shots}/sensitivity-${locale}-${width}.png` });
    await expectNoSidewaysOverflow(page, box, `${locale} ${width}px, the page and the sensitivity table's box`);
    if (width !== 390) continue;
    const boxWidth = (await box.boundingBox())!.width;
    const names = await page.getByTestId('sensitivity-row').locator('td:first-child').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().width));
    for (const w of names) expect(w, `${locale}: a layer's name is squeezed into a column`).toBeGreaterThan(boxWidth * 0.8);
    const caption = (await page.getByTestId('sensitivity-table').locator('caption').boundingBox())!;
    expect(caption.width, `${locale}: the table's caption is squeezed into a column`).toBeGreaterThan(boxWidth * 0.8);
  }
}

test.describe('quantize lab: per-layer sensitivity', () => {
  test.skip(!existsSync(BUNDLED), 'models/doodle-cnn is not built yet (npm run train:sketch)');

  test('too few drawings get a message and Stop ends a run; on 16 imported drawings each layer gets a table row and the chart a canvas, and a mixed-precision variant is stored and ticked; the results follow a switch to Japanese', async ({ page, watch }) => {
    test.setTimeout(240_000);
    await page.goto('/#/quantize');
    await expect(page.getByRole('heading', { name: 'Quantize lab' })).toBeVisible();
    const variants = page.getByTestId('variant');
    const before = await variants.allTextContents();
    const message = page.getByTestId('sensitivity-message');

    // The comparison set is what the sensitivity compares on: an empty one is refused before any work starts.
    await page.getByRole('radio', { name: /made here — 0/i }).check();
    await page.getByTestId('run-sensitivity').click();
    await expect(message).toContainText('Per-layer sensitivity compares on at least 16 drawings; drawings made here has 0.');
    await expect(message).toHaveAttribute('role', 'alert');
    await expect(variants).toHaveText(before);

    // Stop ends the worker: a message, nothing measured, nothing stored.
    await page.getByRole('radio', { name: /Synthetic shapes/ }).check();
    await page.getByTestId('run-sensitivity').click();
    await page.getByTestId('stop-sensitivity').click();
    await expect(message).toHaveText('Stopped. Nothing was changed.');
    await expect(page.getByTestId('sensitivity-row')).toHaveCount(0);
    await expect(page.getByTestId('run-sensitivity')).toBeEnabled();

    const drawings = syntheticDrawings(2, seededRandom(5)).map(({ label, strokes }) => ({ word: label, drawing: strokes }));
    await page.getByTestId('import-drawings').setInputFiles({ name: 'mine.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(drawings.map((d) => JSON.stringify(d)).join('\n')) });
    await expect(page.getByRole('radio', { name: /Imported drawings — 16/ })).toBeChecked();
    await expect(page.getByRole('region', { name: 'Per-layer sensitivity' })).toContainText('Compared on 16 imported drawings · 8 classes');

    await expect(page.getByTestId('sensitivity-method')).toHaveValue('weight-only');
    await page.getByTestId('run-sensitivity').click();
    const rows = page.getByTestId('sensitivity-row');
    await expect(rows).toHaveCount(CNN_LAYERS, { timeout: 120_000 });
    await expect(message).toHaveCount(0);
    await expect(page.getByTestId('sensitivity-summary')).toContainText('Weight-only int8, one layer at a time, of');
    await expect(page.getByTestId('sensitivity-summary')).toContainText('16 imported drawings · 8 classes: 6 layers, most sensitive first.');
    await expect(page.getByTestId('sensitivity-sqnr-chart').locator('canvas')).toBeVisible();
    for (const row of await rows.all()) {
      await expect(row.locator('td').nth(1)).toHaveText(/^(Conv|Gemm)$/);
      await expect(row.locator('td').nth(2)).toHaveText(/^[01]\.\d{3}$/);
      await expect(row.locator('td').nth(4)).toHaveText(/^(\d+(\.\d)? dB|unchanged)$/);
    }
    const agreements = (await rows.locator('td:nth-child(3)').allTextContents()).map(Number);
    expect(agreements).toEqual([...agreements].sort((a, b) => a - b));
    await expectTableFits(page, 'en');

    // What was measured is worded at render time: a switch to Japanese rewords the results without a new run.
    await page.getByTestId('language-select').selectOption('ja');
    await expect(page.getByTestId('sensitivity-summary')).toContainText('読み込んだ絵 16 枚 · 8 クラス');
    await expect(page.getByTestId('sensitivity-summary')).toContainText('6 層、敏感な順');
    await expect(rows).toHaveCount(CNN_LAYERS);
    await expectTableFits(page, 'ja');
    await page.getByTestId('language-select').selectOption('en');

    // Noise the model is unsure about (seeded): int4 changes a quarter of its answers there, so a mix at 0.9 keeps
    // a layer in fp32 (measured in onnxruntime-node: 0.750 with every layer in int4, 0.958 with one in fp32).
    const random = seededRandom(11);
    const noise = Array.from({ length: 24 }, () => ({ label: 'circle', bitmap: Array.from({ length: 784 }, () => (random() < 0.3 ? Math.floor(random() * 256) : 0)) }));
    await page.getByTestId('import-drawings').setInputFiles({ name: 'noise.jsonl', mimeType: 'application/json', buffer: Buffer.from(noise.map((d) => JSON.stringify(d)).join('\n')) });
    await expect(page.getByRole('radio', { name: /Imported drawings — 24/ })).toBeChecked();
    await page.getByTestId('sensitivity-method').selectOption('int4');
    await page.getByTestId('target-agreement').fill('0.9');
    await page.getByTestId('run-mixed').click();
    const summary = page.getByTestId('mixed-summary');
    await expect(summary).toContainText(/Kept [1-5] of 6 layers in fp32/, { timeout: 120_000 });
    await expect(summary).toContainText('(target 0.900) on 24 imported drawings');
    await expect(page.getByTestId('lab-message')).toContainText('Made int4 block 32, symmetric');
    await expect(variants).toHaveCount(before.length + 1);
    const made = variants.last();
    await expect(made).toContainText(/int4 block 32, symmetric, \d layers? fp32 \(made here\)/);
    await expect(made.getByRole('checkbox')).toBeChecked();
    await page.getByTestId('language-select').selectOption('ja');
    await expect(summary).toContainText('目標 0.900');
    expect(watch.externalRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
