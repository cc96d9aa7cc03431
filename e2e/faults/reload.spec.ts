// Nothing is lost across a reload. Also covered elsewhere: the summarizer draft (summarize.spec.ts), the best score
// (doodle.spec.ts), the backend choice (shell.spec.ts), quantized variants (quantize.spec.ts).
import { drawOnCanvas, SHAPES } from '../doodle-drawings';
import { expect, test } from '../helpers';

test('the game drawings, the backend choice and the summarizer draft all survive one reload', async ({ page }) => {
  const draft = 'A draft that must not be lost. It has two sentences.';
  await page.goto('/#/summarize');
  await page.getByTestId('source-text').fill(draft);
  await page.getByTestId('source-text').blur();

  await page.goto('/#/doodle');
  await expect(page.getByTestId('model-status')).toHaveText(/^\s*Ready ·/, { timeout: 60_000 });
  const before = Number(await page.getByTestId('saved-count').textContent());
  await page.getByTestId('start').click();
  await drawOnCanvas(page, SHAPES.circle![0]!);
  await page.getByTestId('skip').click();
  await expect(page.getByTestId('saved-count')).toHaveText(String(before + 1));
  await page.getByTestId('backend-badge').click();
  await page.getByTestId('dtype-select').selectOption('int8');

  await page.reload();
  await expect(page.getByTestId('saved-count')).toHaveText(String(before + 1));
  await expect(page.getByTestId('backend-label')).toContainText('int8');
  await page.goto('/#/summarize');
  await expect(page.getByTestId('source-text')).toHaveValue(draft);
});
