// Hostile content and the Content-Security-Policy: markup in a PDF, a file name and a model id stays text, and every
// page does its work under the policy with no violation and no console error.
import type { Page } from '@playwright/test';
import { drawOnCanvas, SHAPES } from '../doodle-drawings';
import { pdfWithText } from '../fixtures/pdf-files';
import { expect, loadModelRow, test } from '../helpers';

const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;
const ARTICLE =
  'The council approved the library budget on Monday. Longer opening hours start next month at every branch. ' +
  'Staff welcomed the news and students said the hours would help them.';

/** Records CSP violations from the page (workers report theirs to the console, which `watch` collects). */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

test('the app and its scripts are served with a policy (header and meta) that allows only itself, WebAssembly and the hub', async ({ page, request }) => {
  const response = await page.goto('/');
  const policy = response!.headers()['content-security-policy']!;
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(policy).toMatch(/connect-src 'self'[^;]*https:\/\/huggingface\.co/);
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(policy);
  const entry = (await (await request.get('/')).text()).match(/src="([^"]+\.js)"/);
  expect(entry).not.toBeNull();
  expect((await request.get(entry![1]!)).headers()['content-security-policy']).toBe(policy);
});

test('a hub host the policy does not list: saving it and loading from it both say the policy blocks it', async ({ page }) => {
  await page.goto('/#/models');
  await page.getByTestId('backend-badge').click();
  await page.getByTestId('hub-host').fill('https://hub.example.org');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#host-error')).toContainText(
    'Saved, but this build\'s Content-Security-Policy does not allow connections to https://hub.example.org; build the app with MLWB_HUB_HOSTS="https://hub.example.org"',
  );
  await page.getByTestId('backend-badge').click();
  await page.getByTestId('hub-model-id').fill('org/blocked-model');
  await page.getByRole('button', { name: 'Download', exact: true }).last().click();
  await expect(page.getByRole('alert').filter({ hasText: 'Content-Security-Policy does not allow connections to https://hub.example.org' })).toBeVisible({ timeout: 60_000 });
});

test('every page does its main job under the policy with no violation and no console error', async ({ page, watch }) => {
  await recordViolations(page);
  await page.goto('/#/doodle/practice');
  await expect(page.getByTestId('model-status')).toHaveText(/^\s*Ready ·/, { timeout: 60_000 });
  await drawOnCanvas(page, SHAPES.circle![0]!);
  await expect(page.getByTestId('guesses').locator('li')).toHaveCount(5);

  await page.goto('/#/summarize');
  await page.getByTestId('source-text').fill(ARTICLE);
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('summary')).toBeVisible();
  await page.getByTestId('file-input').setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: pdfWithText(['One line.', 'Two lines.']) });
  await expect(page.getByTestId('source-text')).toHaveValue(/One line/);

  await page.goto('/#/models');
  await loadModelRow(page, 'doodle-cnn');
  await expect(page.getByTestId('load-result')).toContainText('Test run on WASM');

  for (const route of ['quantize', 'bench']) {
    await page.goto(`/#/${route}`);
    await expect(page.locator('main h1')).toBeVisible();
  }
  expect(await violations(page)).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});

test('markup in a PDF, a file name and a model id is shown as text and never runs', async ({ page }) => {
  await recordViolations(page);
  await page.goto('/#/summarize');
  const lines = [`${HOSTILE} The council approved the budget.`, 'Longer hours start next month.', 'Staff welcomed the news.'];
  await page.getByTestId('file-input').setInputFiles({ name: `${HOSTILE}.pdf`, mimeType: 'application/pdf', buffer: pdfWithText(lines) });
  await expect(page.getByTestId('source-text')).toHaveValue(/<script>window.__pwned=1<\/script>/);
  await page.getByTestId('length').selectOption('long');
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('summary')).toContainText('<img src=x onerror=');
  await expect(page.getByTestId('source-view')).toContainText('<script>');
  await page.getByTestId('file-input').setInputFiles({ name: `${HOSTILE}.exe`, mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2]) });
  await expect(page.getByTestId('error')).toBeVisible();
  expect(await page.locator('summarize-page').locator('img, script').count()).toBe(0);

  await page.goto('/#/models');
  await page.getByTestId('hub-model-id').fill(`org/${HOSTILE}`);
  await page.getByRole('button', { name: 'Download', exact: true }).last().click();
  await expect(page.locator('mlwb-models-page [role="alert"]').first()).toBeVisible();
  expect(await page.locator('mlwb-models-page').locator('img, script').count()).toBe(0);
  expect(await pwned(page)).toBeUndefined();
});
