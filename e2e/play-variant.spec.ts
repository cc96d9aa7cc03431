// A variant made in the quantization lab, played in Doodle Dash: the lab's Play button opens the game with it (loaded
// from its stored bytes, nothing fetched), a round is played with it; a deleted or broken variant gives way to the
// bundled model with a message, and the round goes on.
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { drawingsOf, drawOnCanvas, SHAPES } from './doodle-drawings';
import { expect, test } from './helpers';

const BUNDLED = 'models/doodle-cnn/onnx/model.onnx';
const BUNDLED_READY = /^\s*Ready · Sketch CNN \(16 classes\) · \w+ · wasm/;

/** Makes a variant of the bundled doodle-cnn in the lab with `method` (a radio's name) and returns its row. */
async function makeVariant(page: Page, method: RegExp, options: Record<string, string> = {}) {
  await page.goto('/#/quantize');
  await expect(page.getByRole('heading', { name: 'Quantize lab' })).toBeVisible();
  await page.getByRole('radio', { name: method }).check();
  for (const [key, value] of Object.entries(options)) await page.getByTestId(`option-${key}`).selectOption(value);
  await page.getByTestId('quantize').click();
  await expect(page.getByTestId('lab-message')).toContainText('Made', { timeout: 120_000 });
  const made = page.getByTestId('variant').filter({ hasText: '(made here)' });
  await expect(made).toHaveCount(1);
  return made;
}

/** The title the game's menu gives the variant: the lab's name after the model's id. */
async function gameTitle(row: ReturnType<Page['getByTestId']>): Promise<string> {
  return `Sketch CNN (16 classes) · ${await row.getAttribute('data-name')}`;
}

test.describe('playing a lab variant', () => {
  test.skip(!existsSync(BUNDLED), 'models/doodle-cnn is not built yet (npm run train:sketch)');

  test('Play opens the game with the int4 variant from its stored bytes; a round with live guesses runs to the summary', async ({ page, watch }) => {
    test.setTimeout(300_000);
    await page.clock.install();
    const made = await makeVariant(page, /int4/, { blockSize: '32' });
    await expect(made).toHaveAttribute('data-name', /^int4 block 32\b.*\(made here\)$/);
    const title = await gameTitle(made);

    const fetched: string[] = [];
    page.context().on('request', (request) => fetched.push(request.url()));
    await made.getByTestId('play-variant').click();
    await expect(page).toHaveURL(/#\/doodle\/variant\/[\w-]+$/);
    const status = page.getByTestId('model-status');
    await expect(status).toHaveText(`Ready · ${title} · wasm`, { timeout: 60_000 });
    const select = page.getByTestId('model-select');
    await expect(select.locator('option:checked')).toHaveText(title);
    await expect(select.locator('optgroup[label="Made in the lab"] option:checked')).toHaveCount(1);
    expect(fetched.filter((url) => url.includes('/models/') || url.endsWith('.onnx')), 'model files fetched for the variant').toEqual([]);

    await page.getByTestId('start').click();
    // Stop the round clock so a slow machine never runs out of time mid-test (guessing does not use timers).
    await page.clock.pauseAt(Date.now() + 1000);
    const target = (await page.getByTestId('target').getAttribute('data-label'))!;
    await drawOnCanvas(page, drawingsOf(target)[0] ?? SHAPES.circle![0]!, 1);
    // The variant guesses live: five guesses show, or it already recognised the target and scored (the canvas then clears).
    const guessed = async () => (await page.getByTestId('guesses').locator('li').count()) === 5 || (await page.getByTestId('score').textContent()) === '1';
    await expect.poll(guessed, { timeout: 30_000 }).toBe(true);
    await page.getByTestId('skip').click();
    await page.clock.fastForward('01:01');
    await expect(page.getByTestId('end-screen')).toBeVisible();
    // The first turn was the drawing of the target: recognised by the variant (✓) or skipped.
    await expect(page.getByTestId('gallery-item').first()).toContainText(target);
    await expect(status).toHaveText(`Ready · ${title} · wasm`);
    expect(watch.externalRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a variant deleted in another tab during a round gives way to the bundled model with a message; the round goes on', async ({ page, context }) => {
    test.setTimeout(300_000);
    const made = await makeVariant(page, /Weight-only int8/);
    const title = await gameTitle(made);
    await made.getByTestId('play-variant').click();
    const status = page.getByTestId('model-status');
    await expect(status).toHaveText(`Ready · ${title} · wasm`, { timeout: 60_000 });
    await page.getByTestId('start').click();
    await drawOnCanvas(page, SHAPES.circle![0]!, 1);
    await expect(page.getByTestId('guesses').locator('li')).toHaveCount(5);

    const lab = await context.newPage();
    await lab.goto('/#/quantize');
    lab.on('dialog', (dialog) => void dialog.accept());
    await lab.getByTestId('variant').filter({ hasText: '(made here)' }).getByTestId('delete-variant').click();
    await expect(lab.getByTestId('variant').filter({ hasText: '(made here)' })).toHaveCount(0);
    await lab.close();

    const problem = page.getByTestId('variant-problem');
    await expect(problem).toHaveText(`${title} is not stored in this browser (it was deleted, or made in another browser), so the bundled model plays instead.`);
    await expect(status).toHaveText(BUNDLED_READY, { timeout: 60_000 });
    await expect(page.getByTestId('model-select').locator('optgroup')).toHaveCount(0);
    // The round is still on, and the bundled model guesses the drawing still on the canvas.
    await expect(page.getByTestId('timer')).toBeVisible();
    await expect(page.getByTestId('end-screen')).toHaveCount(0);
    await page.getByTestId('clear').click();
    await drawOnCanvas(page, SHAPES.square![0]!, 1);
    await expect(page.getByTestId('guesses').locator('li')).toHaveCount(5);
  });

  test('a link to a variant that is not stored, or whose bytes are not a model, says so and plays the bundled model', async ({ page }) => {
    await page.goto('/#/doodle/variant/no-such-variant');
    const problem = page.getByTestId('variant-problem');
    await expect(problem).toHaveText('The variant made in the lab is not stored in this browser (it was deleted, or made in another browser), so the bundled model plays instead.');
    await expect(page.getByTestId('model-status')).toHaveText(BUNDLED_READY, { timeout: 60_000 });

    // A stored variant whose bytes were damaged: it is offered, fails to load, and the bundled model takes over.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('mlwb-variants');
        request.onupgradeneeded = () => request.result.createObjectStore('variants');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('variants', 'readwrite');
      const bytes = new TextEncoder().encode('not an ONNX model');
      tx.objectStore('variants').put({ id: 'broken-1', modelId: 'doodle-cnn', name: 'doodle-cnn', mode: 'dynamic', bytes, createdAt: Date.now() }, 'broken-1');
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    });
    await page.goto('/#/doodle/variant/broken-1');
    await page.reload();
    await expect(problem).toContainText('Sketch CNN (16 classes) · dynamic int8 (made here) could not be loaded, so the bundled model plays instead. (');
    await expect(page.getByTestId('model-status')).toHaveText(BUNDLED_READY, { timeout: 60_000 });
    await expect(page.getByTestId('model-select').locator('optgroup option')).toHaveText(['Sketch CNN (16 classes) · dynamic int8 (made here)']);
    await page.getByTestId('start').click();
    await drawOnCanvas(page, SHAPES.circle![0]!, 1);
    await expect(page.getByTestId('guesses').locator('li')).toHaveCount(5);
  });
});
