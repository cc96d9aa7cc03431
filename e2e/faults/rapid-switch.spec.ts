// Switching the model and dtype 20 times while loads are in flight: the last choice wins, no worker is left
// behind, and the page's memory does not grow with the number of switches.
import type { Page } from '@playwright/test';
import { drawOnCanvas, SHAPES } from '../doodle-drawings';
import { expect, test } from '../helpers';

/** Counts inference workers started and stopped by the page. */
async function countWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counts = { started: 0, stopped: 0 };
    (window as unknown as { __workers: typeof counts }).__workers = counts;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (String(url).includes('inference.worker')) {
          counts.started++;
          const terminate = this.terminate.bind(this);
          this.terminate = () => {
            counts.stopped++;
            terminate();
          };
        }
      }
    };
  });
}

async function heapUsedAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

test('20 quick model and dtype switches: the last wins, one worker remains, memory stays flat', async ({ page }) => {
  await countWorkers(page);
  await page.goto('/#/doodle/practice');
  const status = page.getByTestId('model-status');
  await expect(status).toHaveText(/^\s*Ready ·/, { timeout: 60_000 });
  const before = await heapUsedAfterGc(page);

  const select = page.getByTestId('model-select');
  const choices = ['doodle-cnn@int8', 'doodle-cnn@fp32', 'doodle-cnn'];
  for (let i = 0; i < 19; i++) await select.selectOption(choices[i % choices.length]!);
  await select.selectOption('doodle-cnn@int8');

  await expect(status).toHaveText(/^\s*Ready ·.*int8/, { timeout: 60_000 });
  await drawOnCanvas(page, SHAPES.circle![0]!);
  await expect(page.getByTestId('guesses').locator('li')).toHaveCount(5);
  await expect(status).toHaveText(/int8/);
  const workers = await page.evaluate(() => (window as unknown as { __workers: { started: number; stopped: number } }).__workers);
  expect(workers.started - workers.stopped).toBe(1);
  // Loose: a leak of one model copy per switch would add ~20 × 0.75 MB; noise from lit and the game is far smaller.
  expect(await heapUsedAfterGc(page)).toBeLessThan(before + 8_000_000);
});
