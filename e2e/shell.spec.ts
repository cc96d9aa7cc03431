import { expect, test } from './helpers';

test('the workbench opens with no console errors and no request leaving this machine', async ({ page, watch }) => {
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
  await expect(page.getByTestId('backend-label')).not.toHaveText('Checking hardware…');
  await page.getByRole('link', { name: 'Models', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Models', level: 1 })).toBeVisible();
  await expect(page.getByTestId('model-row').first()).toBeVisible();
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.externalRequests).toEqual([]);
});

test('an unknown route shows a friendly not-found page with links', async ({ page, watch }) => {
  await page.goto('/#/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.locator('main').getByRole('link', { name: 'Models' })).toBeVisible();
  expect(watch.consoleErrors).toEqual([]);
});

test('the backend choice persists across reloads', async ({ page }) => {
  await page.goto('/#/models');
  await page.getByTestId('backend-badge').click();
  await page.getByTestId('device-select').selectOption('wasm');
  await page.getByTestId('dtype-select').selectOption('fp32');
  await expect(page.getByTestId('backend-reason')).toContainText('chosen in settings');
  await page.reload();
  await expect(page.getByTestId('backend-label')).toHaveText('WASM · fp32');
  await page.getByTestId('backend-badge').click();
  await expect(page.getByTestId('device-select')).toHaveValue('wasm');
});

test('the shell and the Models page have no serious accessibility violations (axe)', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await page.goto('/#/models');
  await expect(page.getByTestId('model-row').first()).toBeVisible();
  await page.getByTestId('backend-badge').click();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
