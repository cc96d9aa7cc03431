// Bad input not already covered by summarize.spec.ts / doodle.spec.ts / quantize.spec.ts: text over the size limit
// typed or pasted (not opened as a file), an image renamed .pdf, a one-pixel scribble and 10,000 tiny strokes.
import { expect, test } from '../helpers';

const SENTENCE = 'The council approved the library budget on Monday after a long debate. ';

test('pasted text over the limit gets a message, keeps the text, and the page stays usable', async ({ page }) => {
  await page.goto('/#/summarize');
  const huge = SENTENCE.repeat(Math.ceil((5 * 1024 * 1024 + 1) / SENTENCE.length));
  await page.getByTestId('source-text').evaluate((el, text) => {
    (el as HTMLTextAreaElement).value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, huge);
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('error')).toContainText('the limit is 5.0 MB');
  expect(await page.getByTestId('source-text').evaluate((el) => (el as HTMLTextAreaElement).value.length)).toBe(huge.length);
  await page.getByTestId('source-text').fill(SENTENCE + 'Longer opening hours start next month. Staff welcomed the news.');
  await page.getByTestId('source-text').blur();
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('summary')).toBeVisible();
});

test('an image renamed .pdf is refused with a message and the text stays', async ({ page }) => {
  await page.goto('/#/summarize');
  await page.getByTestId('source-text').fill(SENTENCE);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  await page.getByTestId('file-input').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: png });
  await expect(page.getByTestId('error')).toBeVisible();
  await expect(page.getByTestId('source-text')).toHaveValue(SENTENCE);
});

test('a one-pixel scribble gets guesses (or none) without an error', async ({ page, watch }) => {
  await page.goto('/#/doodle/practice');
  await expect(page.getByTestId('model-status')).toHaveText(/^\s*Ready ·/, { timeout: 60_000 });
  const box = (await page.getByTestId('sketch-canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.up();
  await expect(page.getByTestId('guesses').locator('li')).toHaveCount(5);
  await expect(page.locator('doodle-page [role="alert"]')).toHaveCount(0);
  expect(watch.consoleErrors).toEqual([]);
});

test('10,000 tiny strokes keep the page responsive and still get guesses', async ({ page, watch }) => {
  await page.goto('/#/doodle/practice');
  await expect(page.getByTestId('model-status')).toHaveText(/^\s*Ready ·/, { timeout: 60_000 });
  // Dispatched in the page: driving 30,000 real mouse events through Playwright would take minutes.
  await page.getByTestId('sketch-canvas').evaluate((canvas) => {
    const rect = canvas.getBoundingClientRect();
    const fire = (type: string, x: number, y: number) =>
      canvas.dispatchEvent(new PointerEvent(type, { pointerId: 1, pointerType: 'mouse', button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: rect.left + x, clientY: rect.top + y, bubbles: true }));
    for (let i = 0; i < 10_000; i++) {
      const x = 20 + ((i * 37) % (rect.width - 40));
      const y = 20 + ((i * 53) % (rect.height - 40));
      fire('pointerdown', x, y);
      fire('pointermove', x + 2, y + 1);
      fire('pointerup', x + 2, y + 1);
    }
  });
  await expect(page.getByTestId('guesses').locator('li')).toHaveCount(5, { timeout: 30_000 });
  // Responsive: the page answers a keyboard undo and a clear right away, and nothing was reported as an error.
  await page.keyboard.press('c');
  await expect(page.getByTestId('guesses').locator('li')).toHaveCount(0, { timeout: 10_000 });
  await expect(page.locator('doodle-page [role="alert"]')).toHaveCount(0);
  expect(watch.consoleErrors).toEqual([]);
});
