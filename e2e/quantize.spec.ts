// The quantization lab in a real browser: quantize the bundled sketch model in the page, compare it with fp32,
// download the new model and run it in onnxruntime-node; bad files get a message and change nothing.
import { existsSync, readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import type { Page } from '@playwright/test';
import { seededRandom } from '../src/util/prng';
import { syntheticDrawings } from '../src/sketch/synthetic-drawings';
import { buildSmallCnn } from '../src/quantize/testing/model-builder';
import { uint8Npy } from '../src/sketch/testing/npy-fixture';
import { expect, test } from './helpers';
import { storeGameDrawings } from './doodle-drawings';

const BUNDLED = 'models/doodle-cnn/onnx/model.onnx';
const SHIPPED_INT8 = 'models/doodle-cnn/onnx/model_quantized.onnx';

async function openLab(page: Page): Promise<void> {
  await page.goto('/#/quantize');
  await expect(page.getByRole('heading', { name: 'Quantize lab' })).toBeVisible();
}

function resultRow(page: Page, name: string) {
  return page.locator(`[data-testid="result-row"][data-name="${name}"]`);
}

test.describe('quantize lab', () => {
  test.skip(!existsSync(BUNDLED), 'models/doodle-cnn is not built yet (npm run train:sketch)');

  test('static int8 made in the page is ≥ 3.5× smaller, agrees with fp32 on ≥ 98 % of the drawings, survives a reload and downloads as a runnable model', async ({ page, watch }) => {
    test.setTimeout(240_000);
    await openLab(page);
    await page.getByRole('radio', { name: /Static int8/ }).check();
    await expect(page.getByTestId('calibration-origin')).toHaveValue('synthetic');
    await page.getByTestId('quantize').click();
    await expect(page.getByTestId('lab-message')).toContainText('Made static int8', { timeout: 120_000 });
    const made = page.locator('[data-testid="variant"][data-name="static int8 (made here)"]');
    await expect(made).toBeVisible();
    await expect(made).toContainText('calibrated on 128 synthetic shapes');

    await page.reload();
    await expect(made).toBeVisible();
    await made.getByRole('checkbox').check();
    await page.getByTestId('run-comparison').click();
    const row = resultRow(page, 'static int8 (made here)');
    await expect(row).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId('samples-used')).toContainText('128 synthetic shapes');
    const smaller = Number.parseFloat((await row.getByTestId('smaller').textContent())!);
    const agreement = Number((await row.getByTestId('agreement').textContent())!);
    expect(smaller).toBeGreaterThanOrEqual(3.5);
    expect(agreement).toBeGreaterThanOrEqual(0.98);
    await expect(resultRow(page, 'fp32').getByTestId('agreement')).toHaveText('reference');
    await expect(row.getByTestId('p50')).toHaveText(/^\d+(\.\d+)? ms$/);

    const [download] = await Promise.all([page.waitForEvent('download'), made.getByTestId('download-variant').click()]);
    expect(download.suggestedFilename()).toBe('doodle-cnn-static-int8.onnx');
    const bytes = readFileSync((await download.path())!);
    const fp32Size = readFileSync(BUNDLED).byteLength;
    expect(fp32Size / bytes.byteLength).toBeGreaterThanOrEqual(3.5);
    const session = await ort.InferenceSession.create(bytes);
    const outputs = await session.run({ input: new ort.Tensor('float32', new Float32Array(784), [1, 1, 28, 28]) });
    expect(outputs.logits!.dims).toEqual([1, 16]);

    page.once('dialog', (dialog) => void dialog.accept());
    await made.getByTestId('delete-variant').click();
    await expect(made).toHaveCount(0);
    expect(watch.externalRequests).toEqual([]);
  });

  test('a file that is not a model, a model with nothing to quantize and a bad drawings file each get a message and lose nothing', async ({ page }) => {
    // Each file is checked by a trial load in a fresh worker, slow on a busy machine.
    test.setTimeout(180_000);
    await openLab(page);
    const variants = page.getByTestId('variant');
    const before = await variants.allTextContents();

    await page.getByTestId('open-model').setInputFiles({ name: 'notes.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from('these are my notes, not a model') });
    await expect(page.getByTestId('lab-message')).toContainText('notes.onnx is not an ONNX model this browser can run');
    await expect(variants).toHaveText(before);
    await expect(page.getByTestId('model-select')).toHaveValue('doodle-cnn');

    // An int8 model opened as if it were float: it runs, but there is nothing left to quantize.
    await page.getByTestId('open-model').setInputFiles({ name: 'already-int8.onnx', mimeType: 'application/octet-stream', buffer: readFileSync(SHIPPED_INT8) });
    await expect(page.getByTestId('lab-message')).toContainText('Opened already-int8.onnx', { timeout: 90_000 });
    await expect(page.getByTestId('model-select')).toHaveValue(/^file:/);
    await page.getByTestId('quantize').click();
    await expect(page.getByTestId('lab-message')).toContainText('already be quantized');
    await expect(page.getByTestId('lab-message')).toContainText('Nothing was saved');
    await expect(variants).toHaveCount(1);
    await expect(variants.first()).toContainText('fp32 (your file)');
    page.once('dialog', (dialog) => void dialog.accept());
    await variants.first().getByTestId('delete-variant').click();
    await expect(page.getByTestId('model-select')).toHaveValue('doodle-cnn');

    await page.getByTestId('import-drawings').setInputFiles({ name: 'drawings.jsonl', mimeType: 'text/plain', buffer: Buffer.from('{"label":"star","bitmap":[1,2,3]}\n') });
    await expect(page.getByTestId('lab-message')).toContainText('drawings.jsonl line 1: "bitmap" must be 784 numbers');
    await expect(page.getByRole('radio', { name: /Imported drawings — 0/ })).toBeVisible();

    await page.getByRole('radio', { name: /Static int8/ }).check();
    await page.getByTestId('calibration-origin').selectOption('drawn');
    await page.getByTestId('quantize').click();
    await expect(page.getByTestId('lab-message')).toContainText('Static quantization needs at least 16 calibration drawings');
    await expect(variants).toHaveText(before);
  });

  test('an imported Quick, Draw! file becomes the comparison set; labels the model lacks are compared but not scored', async ({ page }) => {
    test.setTimeout(180_000);
    const drawings = syntheticDrawings(2, seededRandom(5)).map(({ label, strokes }) => ({ word: label, drawing: strokes }));
    drawings.push({ word: 'zebra', drawing: drawings[0]!.drawing });
    const ndjson = drawings.map((d) => JSON.stringify(d)).join('\n');
    await openLab(page);
    await page.getByTestId('import-drawings').setInputFiles({ name: 'mine.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(ndjson) });
    await expect(page.getByTestId('lab-message')).toContainText('Imported 17 labelled drawings from mine.ndjson');
    await expect(page.getByRole('radio', { name: /Imported drawings — 17/ })).toBeChecked();
    await page.locator('[data-testid="variant"][data-name="int8 (shipped)"]').getByRole('checkbox').check();
    await page.getByTestId('run-comparison').click();
    await expect(page.getByTestId('samples-used')).toContainText('17 imported drawings · 9 classes', { timeout: 120_000 });
    await expect(page.getByTestId('samples-used')).toContainText('not counted for accuracy): zebra');
    await expect(resultRow(page, 'int8 (shipped)').getByTestId('accuracy')).toHaveText(/^\d+\.\d%$/);
  });

  test('static int8 calibrates on the player’s Doodle Dash drawings', async ({ page }) => {
    test.setTimeout(180_000);
    await openLab(page);
    // The game's store (src/runtime/drawing-store.ts): records with the target word and the 28×28 bitmap.
    const records = syntheticDrawings(2, seededRandom(8)).map(({ label }, i) => ({ id: `d${i}`, target: label, bitmap: Array.from({ length: 784 }, (_, p) => ((p + i) % 9 === 0 ? 255 : 0)) }));
    await storeGameDrawings(page, records);
    await page.reload();
    await expect(page.getByRole('radio', { name: /Doodle Dash drawings \(yours\) — 16/ })).toBeVisible();
    await page.getByRole('radio', { name: /Static int8/ }).check();
    await page.getByTestId('calibration-origin').selectOption('game');
    await page.getByTestId('quantize').click();
    await expect(page.getByTestId('lab-message')).toContainText('Made static int8', { timeout: 120_000 });
    await expect(page.locator('[data-testid="variant"][data-name="static int8 (made here)"]')).toContainText('calibrated on 16 Doodle Dash drawings (yours)');
  });

  test('a user’s own fp32 model whose config has no id2label is compared on numbered classes: agreement and KL, no accuracy', async ({ page, watch }) => {
    test.setTimeout(180_000);
    await openLab(page);
    // 5 outputs: neither the config (there is none for an opened file) nor the 16 sketch classes name them.
    const bytes = buildSmallCnn({ classes: 5, seed: 13 });
    await page.getByTestId('open-model').setInputFiles({ name: 'own-5-classes.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
    await expect(page.getByTestId('lab-message')).toContainText('Opened own-5-classes.onnx', { timeout: 90_000 });
    await page.getByTestId('quantize').click();
    await expect(page.getByTestId('lab-message')).toContainText('Made weight-only int8', { timeout: 120_000 });
    await page.getByTestId('run-comparison').click();
    const row = resultRow(page, 'weight-only int8 (made here)');
    await expect(row).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId('lab-message')).toHaveCount(0);
    await expect(page.getByTestId('samples-used')).toContainText('its 5 classes are numbered (class 0 … class 4)');
    expect(Number(await row.getByTestId('agreement').textContent())).toBeGreaterThanOrEqual(0.9);
    await expect(row.getByTestId('accuracy')).toHaveText('—');
    await expect(resultRow(page, 'fp32 (your file)').getByTestId('agreement')).toHaveText('reference');
    expect(watch.consoleErrors).toEqual([]);
  });

  test('static int8 calibrates on imported .npy files and shows its self-check; a file that fits no input changes nothing', async ({ page }) => {
    test.setTimeout(180_000);
    await openLab(page);
    await page.getByRole('radio', { name: /Static int8/ }).check();
    await page.getByTestId('calibration-origin').selectOption('npy');
    const variants = page.getByTestId('variant');
    const before = await variants.allTextContents();

    // Rows of 100 values do not fit the sketch input [1, 1, 28, 28].
    await page.getByTestId('calibration-npy').setInputFiles({ name: 'odd.npy', mimeType: 'application/octet-stream', buffer: Buffer.from(uint8Npy([16, 100], new Uint8Array(1600))) });
    await page.getByTestId('quantize').click();
    await expect(page.getByTestId('lab-message')).toContainText('odd.npy: a row holds 100 values', { timeout: 60_000 });
    await expect(page.getByTestId('lab-message')).toContainText('Nothing was saved');
    await expect(variants).toHaveText(before);

    // 20 ink patterns as the Quick, Draw! numpy_bitmap files store them: uint8, one 784-pixel row per drawing.
    const rows = Uint8Array.from({ length: 20 * 784 }, (_, i) => ((i % 784) % 28 > 6 + (i / 784 | 0) % 5 && (i % 784) % 28 < 20 && ((i % 784) / 28 | 0) % 9 < 3 ? 255 : 0));
    await page.getByTestId('calibration-npy').setInputFiles({ name: 'sketches.npy', mimeType: 'application/octet-stream', buffer: Buffer.from(uint8Npy([20, 784], rows)) });
    await page.getByTestId('quantize').click();
    const message = page.getByTestId('lab-message');
    await expect(message).toContainText('Made static int8', { timeout: 120_000 });
    await expect(message).toContainText(/Self-check passed: on 8 inputs the largest error on logits was [\d.e+-]+, within the int8 bound of [\d.e+-]+ \(checked layer by layer\)\./);
    await expect(message).toContainText('calibrated from uint8 data');
    const made = page.locator('[data-testid="variant"][data-name="static int8 (made here)"]');
    await expect(made).toContainText('calibrated on 20 rows of sketches.npy');
    await expect(made.getByTestId('self-check')).toContainText(/^Self-check passed: on 8 inputs the largest error/);
    await expect(made.getByTestId('self-check')).not.toContainText('only checked to run');
    const [, error, bound] = /largest error on logits was ([\d.e+-]+), within the int8 bound of ([\d.e+-]+) \(checked layer by layer\)/.exec((await made.getByTestId('self-check').textContent())!)!;
    console.log(`lab self-check, static int8 of doodle-cnn calibrated on .npy: largest error ${error}, bound ${bound}`);
    expect(Number(error)).toBeLessThanOrEqual(Number(bound));
  });

  test('a quantization whose self-check fails is not saved and the message names the output and the error', async ({ page }) => {
    test.setTimeout(120_000);
    // The worker's answer is replaced by the refusal its self-check gives a wrong model (issue 13 item 1's kind):
    // the lab's part is to show it and keep nothing.
    const refusal = 'Self-check failed: output "logits" of the quantized model differs from the float model by 9.10 on check input 1 of 8, more than the 0.700 its int8 steps allow. The quantized model is wrong, so it was not kept.';
    await page.route('**/quantize.worker-*.js', async (route) => {
      const response = await route.fetch();
      const patch = `const post = self.postMessage.bind(self);
        self.postMessage = (message, transfer) => message && message.type === 'RAW' && message.value && message.value.ok === true
          ? post({ ...message, value: { ok: false, code: 'self-check-failed', message: ${JSON.stringify(refusal)} } })
          : post(message, transfer);`;
      await route.fulfill({ response, body: `${patch}\n${await response.text()}` });
    });
    await openLab(page);
    const variants = page.getByTestId('variant');
    const before = await variants.allTextContents();
    await page.getByRole('radio', { name: /Dynamic int8/ }).check();
    await page.getByTestId('quantize').click();
    const message = page.getByTestId('lab-message');
    await expect(message).toContainText(refusal, { timeout: 120_000 });
    await expect(message).toContainText('Nothing was saved; your models are unchanged.');
    await expect(message).toHaveAttribute('role', 'alert');
    await expect(variants).toHaveText(before);
    await page.reload();
    await expect(variants).toHaveText(before);
  });

  test('the lab follows the header without a reload: the backend chosen there, then a switch to Japanese', async ({ page }) => {
    await openLab(page);
    const lead = page.locator('quantize-page p.lead strong');
    await expect(lead).toHaveText('WASM (Auto)');
    await page.getByTestId('backend-badge').click();
    await page.getByTestId('device-select').selectOption('wasm');
    await expect(lead).toHaveText('WASM');
    await expect(page.getByRole('region', { name: 'Compare' })).toContainText('on 128 synthetic shapes · 8 classes, on WASM.');
    await page.getByTestId('language-select').selectOption('ja');
    await expect(page.getByRole('heading', { name: '量子化ラボ' })).toBeVisible();
    await expect(page.getByTestId('quantize')).toContainText('スケッチ CNN（16 クラス） を量子化');
    await expect(page.getByRole('radio', { name: /合成図形（コードで生成）— 128/ })).toBeChecked();
    await expect(page.getByRole('region', { name: '比較' })).toContainText('WASM 上で比較します（データ：合成図形 128 枚 · 8 クラス）');
  });

  test('a hub summarization model summarizes the same text with its fp32 and int8 files side by side, with their ROUGE overlap', async ({ page }) => {
    test.setTimeout(180_000);
    await openLab(page);
    await page.getByTestId('summary-model').fill('fixtures/tiny-summarizer-quantlab');
    await page.getByTestId('summary-text').fill('The river rose after a week of rain. Farmers moved their animals to higher ground. The town opened its school as a shelter.');
    await page.getByTestId('summary-compare').click();
    await expect(page.getByTestId('summary-overlap')).toContainText(/ROUGE-1 \d\.\d\d · ROUGE-2 \d\.\d\d · ROUGE-L \d\.\d\d/, { timeout: 150_000 });
    await expect(page.getByTestId('summary-run')).toHaveCount(2);
    await expect(page.locator('[data-testid="summary-run"][data-dtype="int8"]')).toContainText(/Load \d/);
  });
});

/**
 * Text of the lab a person reads that still looks like an English sentence (a function word such as "the", "of",
 * "on"): every text node and aria-label/placeholder in the page's shadow roots, except model/class names from data
 * (option) and code samples.
 */
async function englishLeftInLab(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const english = /\b(the|of|on|to|is|are|and|with|for|from|this|your|in|at|by)\b/i;
    const found: string[] = [];
    const skip = (el: Element | null) => !!el?.closest('option, datalist, code');
    const visit = (root: ParentNode) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          const text = node.textContent!.trim();
          if (text && english.test(text) && !skip(node.parentElement)) found.push(text);
          continue;
        }
        const el = node as Element;
        for (const attr of ['aria-label', 'placeholder']) {
          const value = el.getAttribute(attr);
          if (value && english.test(value) && !skip(el)) found.push(`${attr}="${value}"`);
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    // The shell renders pages inside its own shadow root.
    const host = (function find(root: ParentNode): Element | null {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'quantize-page') return el;
        const inner = el.shadowRoot && find(el.shadowRoot);
        if (inner) return inner;
      }
      return null;
    })(document);
    if (!host?.shadowRoot) return ['quantize-page not found'];
    visit(host.shadowRoot);
    return found;
  });
}

/**
 * Variant rows a person would find ragged: name and size not on one line, notes (self-check) squeezed into less than
 * 80 % of the row, buttons split across groups or lines.
 */
async function variantRowProblems(page: Page): Promise<string[]> {
  return page.getByTestId('variant').evaluateAll((rows) =>
    rows.flatMap((row) => {
      const name = row.getAttribute('data-name');
      const box = (el: Element | null) => el!.getBoundingClientRect();
      const problems: string[] = [];
      const label = box(row.querySelector('input[type=checkbox]')!.closest('label'));
      const size = box(row.querySelector('.size'));
      if (Math.abs(label.bottom - size.bottom) > 6) problems.push(`${name}: size not on the name's line`);
      const notes = row.querySelector('[data-testid="self-check"]');
      if (notes && box(notes).width < 0.8 * box(row).width) problems.push(`${name}: self-check squeezed to ${Math.round(box(notes).width)} px`);
      const buttons = [...row.querySelectorAll('button')];
      if (new Set(buttons.map((b) => b.parentElement)).size > 1) problems.push(`${name}: buttons in separate groups`);
      if (new Set(buttons.map((b) => Math.round(box(b).top))).size > 1) problems.push(`${name}: buttons on more than one line`);
      return problems;
    }),
  );
}

/** On a phone: result values outside the table's box (behind a sideways scroll) or without their column's name. */
async function stackedTableProblems(page: Page): Promise<string[]> {
  return page.getByTestId('comparison-table').evaluate((table) => {
    const right = table.parentElement!.getBoundingClientRect().right;
    const problems: string[] = [];
    for (const row of table.querySelectorAll('[data-testid="result-row"]')) {
      const cells = [...row.querySelectorAll('td')];
      for (const cell of cells) if (cell.getBoundingClientRect().right > right + 1) problems.push(`${row.getAttribute('data-name')}: "${cell.textContent}" hidden to the right`);
      for (const cell of cells.slice(1)) if (!getComputedStyle(cell, '::before').content.includes(cell.getAttribute('data-label') ?? '\u0000')) problems.push(`${row.getAttribute('data-name')}: "${cell.textContent}" has no label`);
    }
    return problems;
  });
}

test.describe('quantize lab in Japanese', () => {
  test.skip(!existsSync(BUNDLED), 'models/doodle-cnn is not built yet (npm run train:sketch)');
  test.use({ locale: 'ja-JP' });

  test('a Japanese browser gets the lab in Japanese: it quantizes the bundled CNN, compares it with fp32, and no English sentence is left', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('/#/quantize');
    await expect(page.getByRole('heading', { name: '量子化ラボ' })).toBeVisible();
    await expect(page.getByRole('radio', { name: /静的 int8/ })).toBeVisible();
    expect(await englishLeftInLab(page)).toEqual([]);

    await page.getByTestId('quantize').click();
    await expect(page.getByTestId('lab-message')).toContainText('重みのみ int8 を作成しました', { timeout: 120_000 });
    await expect(page.getByTestId('lab-message')).toContainText('分の 1 に縮小');
    const name = '重みのみ int8（ここで作成）';
    await expect(page.locator(`[data-testid="variant"][data-name="${name}"]`)).toBeVisible();

    await page.getByTestId('run-comparison').click();
    const row = resultRow(page, name);
    await expect(row).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId('samples-used')).toContainText('合成図形 128 枚 · 8 クラス');
    await expect(page.getByRole('columnheader', { name: '一致率' })).toBeVisible();
    await expect(resultRow(page, 'fp32').getByTestId('agreement')).toHaveText('基準');
    expect(Number(await row.getByTestId('agreement').textContent())).toBeGreaterThanOrEqual(0.98);
    await expect(row.getByTestId('accuracy')).toHaveText(/^\d+\.\d%$/);
    expect(await englishLeftInLab(page)).toEqual([]);

    // The longer Japanese labels are where rows got ragged (break-it 2): the laptop's variant rows, the phone's table.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(page.locator(`[data-testid="variant"][data-name="${name}"]`).getByTestId('self-check')).toContainText('セルフチェック合格');
    expect(await variantRowProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await stackedTableProblems(page)).toEqual([]);
  });

  test('a bad file gets its message in Japanese and changes nothing', async ({ page }) => {
    await page.goto('/#/quantize');
    await expect(page.getByRole('heading', { name: '量子化ラボ' })).toBeVisible();
    const variants = page.getByTestId('variant');
    const before = await variants.allTextContents();
    await page.getByTestId('open-model').setInputFiles({ name: 'notes.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a model') });
    await expect(page.getByTestId('lab-message')).toContainText('notes.onnx はこのブラウザーで実行できる ONNX モデルではありません');
    await expect(page.getByTestId('lab-message')).toHaveAttribute('role', 'alert');
    await page.getByTestId('import-drawings').setInputFiles({ name: 'drawings.jsonl', mimeType: 'text/plain', buffer: Buffer.from('{"label":"star","bitmap":[1,2,3]}\n') });
    await expect(page.getByTestId('lab-message')).toContainText('drawings.jsonl の 1 行目: "bitmap" は 0～255 の数値 784 個');
    await expect(page.getByTestId('lab-message')).toContainText('何も読み込まれていません');
    await expect(variants).toHaveText(before);
  });
});

