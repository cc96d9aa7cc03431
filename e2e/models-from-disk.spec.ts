// Models from the user's disk: the generated fixture models are written to a temporary folder and opened on the
// Models page through the directory input (the fallback every Chromium has); then, with the network off, the
// summarizer summarizes with the local seq2seq model and the game guesses with the local image classifier. Folders
// that are not usable models get a message that says what is wrong, and nothing stored before is lost.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { drawOnCanvas, SHAPES } from './doodle-drawings';
import { GENERATED_DIR, TINY_MOBILEVIT, TINY_SUMMARIZER_ID } from './fixtures/generate';
import { damageStoredFiles, expect, modelRow, test } from './helpers';

const SHOTS = '/work/helpers/models-disk-shots';
const ARTICLE =
  'The city council approved the library budget on Monday. The staff welcomed the longer opening hours. ' +
  'The new hours start next month at every library in the city.';

let scratch: string;
test.beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'mlwb-models-from-disk-'));
});
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of a generated fixture model under the scratch folder, named `name`, changed by `edit`. */
function modelFolder(fixtureId: string, name: string, edit: (dir: string) => void = () => undefined): string {
  const dir = join(scratch, name);
  cpSync(join(GENERATED_DIR, fixtureId), dir, { recursive: true });
  edit(dir);
  return dir;
}

function plainFolder(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Opens a folder through the page's directory input (`<input type=file webkitdirectory>`). */
async function openFolder(page: Page, dir: string): Promise<void> {
  await page.getByTestId('folder-input').setInputFiles(dir);
}

test.describe('with the offline app', () => {
  test.use({ serviceWorkers: 'allow' });

  test('a model folder from disk summarizes and guesses with the network off', async ({ page, context, watch }) => {
    test.setTimeout(300_000);
    const summarizer = modelFolder(TINY_SUMMARIZER_ID, 'tiny-summarizer');
    const classifier = modelFolder(TINY_MOBILEVIT.id, 'tiny-image-classifier', (dir) => writeFileSync(join(dir, 'README.md'), '# not needed'));
    await page.goto('/#/models');

    await openFolder(page, summarizer);
    const result = page.getByTestId('folder-result');
    await expect(result).toContainText('Opened tiny-summarizer as local/tiny-summarizer');
    console.log(`models from disk: ${await result.locator('p').first().textContent()}`);
    await openFolder(page, classifier);
    await expect(result).toContainText('Opened tiny-image-classifier as local/tiny-image-classifier');
    await expect(result).toContainText('not copied: README.md');
    console.log(`models from disk: ${await result.locator('p').first().textContent()}`);

    for (const id of ['local/tiny-summarizer', 'local/tiny-image-classifier']) {
      const row = modelRow(page, id);
      await expect(row).toContainText('from disk');
      await expect(row.getByTestId('offline-status')).toHaveAttribute('data-offline', 'yes');
      await expect(row.getByTestId('offline-status')).toContainText('Available offline: fp32');
    }
    await expect(modelRow(page, 'local/tiny-summarizer').getByTestId('cached-file')).toHaveCount(8);
    // The app itself must be stored by the offline app before the network goes.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // The bundled model was never loaded here: it is offline because the offline app precached it.
    await page.reload();
    await expect(modelRow(page, 'doodle-cnn').getByTestId('offline-status')).toContainText('Available offline: fp32, int8 (kept by the offline app)');
    await context.setOffline(true);

    await page.goto('/#/summarize');
    await page.reload();
    await page.getByTestId('engine').selectOption('local/tiny-summarizer');
    await page.getByTestId('source-text').fill(ARTICLE);
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('summary')).not.toBeEmpty({ timeout: 60_000 });
    await expect(page.getByTestId('made-by')).toContainText('tiny-summarizer · ');

    await page.goto('/#/doodle/practice');
    await page.reload();
    await page.getByTestId('model-select').selectOption('local/tiny-image-classifier');
    await expect(page.getByTestId('model-status')).toHaveText(/^\s*Ready · tiny-image-classifier · fp32/, { timeout: 60_000 });
    await drawOnCanvas(page, SHAPES.circle![0]!, 3);
    const guesses = page.getByTestId('guesses').locator('li');
    await expect(guesses).toHaveCount(5);
    const labels = (await guesses.locator('span:first-child').allTextContents()).map((t) => t.trim());
    expect(new Set(labels)).toEqual(new Set(TINY_MOBILEVIT.labels));

    expect(watch.externalRequests).toEqual([]);
    expect(watch.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});

test('folders that are not usable models get a message naming what is wrong, and what was stored stays', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#/models');
  await openFolder(page, modelFolder(TINY_MOBILEVIT.id, 'kept-classifier'));
  await expect(page.getByTestId('folder-result')).toContainText('as local/kept-classifier');
  const kept = modelRow(page, 'local/kept-classifier');
  await expect(kept.getByTestId('cached-file')).toHaveCount(3);
  const problem = page.getByTestId('folder-problem');

  await openFolder(page, plainFolder('holiday', { 'notes.txt': 'hello', 'photos/beach.jpg': 'not really a picture' }));
  await expect(problem).toContainText('This folder has no config.json, so it is not a transformers.js model folder. It holds: notes.txt, photos/beach.jpg.');
  await expect(problem).toContainText('Nothing was copied');

  await openFolder(page, plainFolder('text-encoder', { 'config.json': JSON.stringify({ model_type: 'bert', architectures: ['BertModel'] }), 'onnx/model.onnx': 'x' }));
  await expect(problem).toContainText('config.json describes a model this app has no use for (bert, BertModel)');

  await openFolder(
    page,
    modelFolder(TINY_SUMMARIZER_ID, 'no-decoder', (dir) => {
      for (const file of ['decoder_model_merged.onnx', 'decoder_model_merged_quantized.onnx']) rmSync(join(dir, 'onnx', file));
    }),
  );
  await expect(problem).toContainText('This summarization model lacks files it needs: onnx/decoder_model_merged.onnx.');

  await openFolder(page, modelFolder(TINY_MOBILEVIT.id, 'broken-onnx', (dir) => writeFileSync(join(dir, 'onnx', 'model.onnx'), 'this is not a model\n')));
  await expect(problem).toContainText('These ONNX files could not be read: onnx/model.onnx (not an ONNX file).');

  // A full disk while copying: the page's writes fail once the first file is in.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      if (++calls > 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await openFolder(page, modelFolder(TINY_SUMMARIZER_ID, 'too-big'));
  await expect(problem).toContainText('Browser storage is full: the folder too-big does not fit, so nothing of it was kept.');
  await expect(problem).toContainText('Deleting kept-classifier (');
  await page.reload();

  for (const id of ['local/holiday', 'local/text-encoder', 'local/no-decoder', 'local/broken-onnx', 'local/too-big']) await expect(modelRow(page, id)).toHaveCount(0);
  await expect(kept.getByTestId('cached-file')).toHaveCount(3);
  await expect(kept.getByTestId('offline-status')).toHaveAttribute('data-offline', 'yes');

  await openFolder(page, modelFolder(TINY_SUMMARIZER_ID, 'shown-summarizer'));
  await expect(page.getByTestId('folder-result')).toBeVisible();
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/models-en.png`, fullPage: true });
  await page.evaluate(() => localStorage.setItem('mlwb.locale', 'ja'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'モデル', level: 1 })).toBeVisible();
  await openFolder(page, plainFolder('holiday-ja', { 'notes.txt': 'hello' }));
  await expect(problem).toContainText('config.json がない');
  await page.screenshot({ path: `${SHOTS}/models-ja.png`, fullPage: true });

  page.once('dialog', (dialog) => void dialog.accept());
  await kept.getByTestId('delete-model').click();
  await expect(kept).toHaveCount(0);
});

test('a folder named in any script keeps its name; the same folder again is not copied silently; deleting asks first', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#/models');
  const name = '日本語モデル';
  await openFolder(page, modelFolder(TINY_MOBILEVIT.id, name));
  const result = page.getByTestId('folder-result');
  await expect(result).toContainText(`Opened ${name} as local/model-`);
  const id = (/as (local\/\S+?):/.exec((await result.textContent())!) ?? [])[1]!;
  const row = modelRow(page, id);
  await expect(row.getByRole('heading', { level: 2 })).toHaveText(name);
  await expect(row.getByTestId('cached-file')).toHaveCount(3);

  // The same folder again: a question, nothing copied until answered.
  await openFolder(page, modelFolder(TINY_MOBILEVIT.id, name));
  const already = page.getByTestId('folder-already');
  await expect(already).toContainText(`${name} is already open here as ${id}`);
  await expect(page.getByTestId('model-row').filter({ hasText: name })).toHaveCount(1);
  await page.getByTestId('import-cancel').click();
  await expect(already).toHaveCount(0);
  await openFolder(page, modelFolder(TINY_MOBILEVIT.id, name));
  await page.getByTestId('import-replace').click();
  await expect(result).toContainText(`Opened ${name} as ${id}:`);
  await expect(page.getByTestId('model-row').filter({ hasText: name })).toHaveCount(1);
  await openFolder(page, modelFolder(TINY_MOBILEVIT.id, name));
  await page.getByTestId('import-keep-both').click();
  await expect(result).toContainText(`Opened ${name} as ${id}-2:`);
  // Two cards of one name: each heading says when it was opened, and its id.
  await expect(modelRow(page, `${id}-2`).getByRole('heading', { level: 2 })).toContainText(name);
  await expect(modelRow(page, `${id}-2`).getByTestId('opened-at')).toContainText(`${id}-2`);
  await expect(row.getByTestId('opened-at')).toContainText(id);

  // A folder of the same name with other files is stored beside them, and the result says so.
  await openFolder(page, modelFolder(TINY_MOBILEVIT.id, name, (dir) => appendFileSync(join(dir, 'config.json'), '\n')));
  await expect(result).toContainText(`Opened ${name} as ${id}-3:`);
  await expect(page.getByTestId('folder-namesake')).toContainText(`Another folder named ${name} is already here (${id}, ${id}-2), with other files`);

  // Deleting asks; cancelling keeps the model and its files.
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await row.getByTestId('delete-model').click();
  await expect.poll(() => questions).toEqual([`Delete ${name} (${id}) from this browser? The folder on your disk stays; open it again to use the model.`]);
  await page.reload();
  await expect(row.getByTestId('cached-file')).toHaveCount(3);
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByTestId('delete-model').click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText(`Deleted ${name}; open its folder again to use it.`);
  await expect(modelRow(page, `${id}-2`)).toHaveCount(1);
});

test('a replace that fails part-way keeps the stored copy listed, loadable and runnable, and says so in either language', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#/models');
  const name = 'replaced-classifier';
  const dir = modelFolder(TINY_MOBILEVIT.id, name);
  await openFolder(page, dir);
  await expect(page.getByTestId('folder-result')).toContainText(`Opened ${name} as local/${name}`);
  const row = modelRow(page, `local/${name}`);
  await expect(row.getByTestId('cached-file')).toHaveCount(3);
  const problem = page.getByTestId('folder-problem');
  /** Opens the folder again and answers Replace it while the page's storage refuses every write (a full disk). */
  const replaceOnFullDisk = async () => {
    await openFolder(page, dir);
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.getByTestId('import-replace').click();
  };

  await replaceOnFullDisk();
  await expect(problem).toContainText(`Browser storage is full: ${name} could not be copied again.`);
  await expect(problem.getByTestId('folder-kept')).toContainText(`(local/${name}) is kept: it stays listed, and loads and runs as before.`);
  await page.reload();
  await expect(row.getByTestId('cached-file')).toHaveCount(3);
  await expect(row.getByTestId('offline-status')).toHaveAttribute('data-offline', 'yes');
  await row.getByTestId('load-model').click();
  await expect(row.getByTestId('load-result')).toContainText('Test run on WASM', { timeout: 60_000 });

  await page.evaluate(() => localStorage.setItem('mlwb.locale', 'ja'));
  await page.reload();
  await replaceOnFullDisk();
  await expect(problem).toContainText(`ブラウザーのストレージがいっぱいのため、${name} をコピーし直せませんでした。`);
  await expect(problem.getByTestId('folder-kept')).toContainText(`（local/${name}）はそのまま残っています`);
  await page.reload();
  await expect(row.getByTestId('cached-file')).toHaveCount(3);
});

test('a damaged stored file of a folder from disk: one message naming the folder, no download promised', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/models');
  const name = 'damaged-folder';
  await openFolder(page, modelFolder(TINY_MOBILEVIT.id, name));
  await expect(page.getByTestId('folder-result')).toContainText(`Opened ${name} as local/${name}`);
  const damaged = await damageStoredFiles(page, `local/${name}/onnx/model.onnx`);
  expect(damaged).toBe(1);
  await page.reload();
  const row = modelRow(page, `local/${name}`);
  await row.getByTestId('load-model').click();
  await expect(row.getByTestId('load-result')).toContainText(
    `Could not load ${name} (fp32, wasm): the copy of onnx/model.onnx in this browser is damaged; open the model folder again.`,
    { timeout: 60_000 },
  );
  await expect(page.getByTestId('notice')).toHaveCount(0);

  // The game: the cause once, no hub blamed, and no "Try again" that cannot help (the file is gone until reopened).
  await page.goto('/#/doodle/practice');
  await page.getByTestId('model-select').selectOption(`local/${name}`);
  const status = page.getByTestId('model-status');
  await expect(status).toContainText('open the model folder again', { timeout: 60_000 });
  expect((await status.textContent())!.match(/Could not load/g)).toHaveLength(1);
  await expect(status.getByRole('button')).toHaveCount(0);
  await expect(page.getByTestId('hub-problem')).toHaveCount(0);
});

test('a sketch model folder like the bundled one is offered in the quantization lab and quantized from the cache', async ({ page }) => {
  test.skip(!existsSync('models/doodle-cnn/onnx/model.onnx'), 'models/doodle-cnn is not built yet (npm run train:sketch)');
  test.setTimeout(240_000);
  const dir = join(scratch, 'my-sketch-cnn');
  cpSync('models/doodle-cnn', dir, { recursive: true });
  await page.goto('/#/models');
  await openFolder(page, dir);
  const result = page.getByTestId('folder-result');
  await expect(result).toContainText('Opened my-sketch-cnn as local/my-sketch-cnn');
  console.log(`models from disk: ${await result.locator('p').first().textContent()}`);
  await expect(modelRow(page, 'local/my-sketch-cnn')).toContainText('sketch classification');

  const fetched: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.includes('/models/local/')) fetched.push(r.url());
  });
  await page.goto('/#/quantize');
  await page.getByTestId('model-select').selectOption('local/my-sketch-cnn');
  await page.getByTestId('quantize').click();
  await expect(page.getByTestId('lab-message')).toContainText('Made weight-only int8', { timeout: 180_000 });
  expect(fetched).toEqual([]);
});
