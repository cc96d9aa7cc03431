// The bundled vision transformer (models/doodle-vit) in the game: listed in the model menu from the catalog, loaded
// in the inference worker in each shipped dtype, and guessing a drawing made with the mouse.
import { drawOnCanvas, SHAPES } from './doodle-drawings';
import { expect, test } from './helpers';

for (const dtype of ['fp32', 'int8'] as const) {
  test(`the sketch ViT (${dtype}) is in the game's model menu and recognises a drawn circle and square`, async ({ page, watch }) => {
    // Two model loads (the default CNN, then the ViT) on a shared 2-core machine can outlast the default timeout.
    test.setTimeout(180_000);
    await page.goto('/#/doodle/practice');
    await expect(page.getByTestId('model-status')).toHaveText(/^\s*Ready ·/, { timeout: 60_000 });
    await page.getByTestId('model-select').selectOption(`doodle-vit@${dtype}`);
    await expect(page.getByTestId('model-status')).toHaveText(new RegExp(`^\\s*Ready · Sketch ViT \\(16 classes\\) · ${dtype}`), { timeout: 60_000 });
    const guesses = page.getByTestId('guesses').locator('li');
    for (const shape of ['circle', 'square'] as const) {
      await page.getByTestId('clear').click();
      await drawOnCanvas(page, SHAPES[shape]![0]!);
      await expect(guesses).toHaveCount(5);
      await expect(guesses.first()).toHaveText(new RegExp(`^${shape}`));
    }
    expect(watch.consoleErrors).toEqual([]);
  });
}
