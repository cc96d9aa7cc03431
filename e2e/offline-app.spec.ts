// The installable offline app: after one online visit the service worker serves every page, the models and the
// WASM runtime with the network off, keeps cross-origin isolation, and offers a new version without mixing versions.
import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { quietChromium } from '../playwright.config';
import { pages } from '../src/app/pages';
import { drawOnCanvas, SHAPES } from './doodle-drawings';
import { appPort, expect, modelRow, test } from './helpers';

test.use({ serviceWorkers: 'allow' });

/** Where playwright.config.ts builds the app this suite's preview server serves. */
const DIST = `.tmp/dist-${appPort}`;
const SW_FILE = `${DIST}/sw.js`;

/** Waits until the service worker is active, which Workbox allows only once the whole precache is stored. */
async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

async function expectPage(page: Page, route: string, title: string): Promise<void> {
  await page.goto(`/#/${route}`);
  await page.reload();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText('This page could not start')).toHaveCount(0);
}

test('after one online visit, every page, the game, the summarizer and the lab work offline, still cross-origin isolated', async ({ page, context, watch }) => {
  test.setTimeout(300_000);
  await page.goto('/#/models');
  await expect(page.getByTestId('model-row').first()).toBeVisible();
  await waitForOfflineReady(page);

  await context.setOffline(true);
  // A file the precache leaves out must fail now; otherwise the browser still reaches the server and this test
  // would prove nothing.
  const unprecached = await page.evaluate(() => fetch('/models/doodle-cnn/README.md').then((r) => r.status, () => 'failed'));
  expect(unprecached).toBe('failed');

  for (const { route, title } of pages) await expectPage(page, route, title());
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // Threads need SharedArrayBuffer: responses from the worker's cache must keep COOP/COEP.
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);

  // The game was never opened online: its model and the runtime come from the precache.
  await page.goto('/#/doodle/practice');
  await page.reload();
  await expect(page.getByTestId('model-status')).toHaveText(/^\s*Ready ·/, { timeout: 60_000 });
  await drawOnCanvas(page, SHAPES.circle![0]!);
  const guesses = page.getByTestId('guesses').locator('li');
  await expect(guesses).toHaveCount(5);
  await expect(guesses.first()).toHaveText(/^circle/);

  await page.goto('/#/summarize');
  await page.reload();
  await page.getByTestId('source-text').fill(
    'The council approved a new budget for libraries on Monday. The budget adds money for books and longer hours. ' +
      'Staff welcomed the longer hours. A bakery nearby sold out of bread. The mayor said roads would get a budget later.',
  );
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('summary')).toContainText('budget');

  // The lab quantizes the bundled model (read from the precache) in its worker.
  await page.goto('/#/quantize');
  await page.reload();
  await page.getByTestId('quantize').click();
  await expect(page.getByTestId('lab-message')).toContainText(/^Made .*× smaller/, { timeout: 120_000 });

  expect(watch.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  expect(watch.externalRequests).toEqual([]);
});

test('the WebGPU runtime is not precached; once a load fetches it, it is kept for offline use', async ({ page, context }) => {
  await page.goto('/');
  await waitForOfflineReady(page);
  await page.reload();
  const asyncify = readdirSync(`${DIST}/assets`)
    .filter((name) => /^ort-wasm-simd-threaded\.asyncify-.*\.(wasm|mjs)$/.test(name))
    .map((name) => `/assets/${name}`);
  expect(asyncify).toHaveLength(2);
  const cachedPaths = () =>
    page.evaluate(async () => {
      const paths: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
      }
      return paths;
    });
  const before = await cachedPaths();
  expect(before.some((path) => /\/ort-wasm-simd-threaded-[\w-]+\.wasm$/.test(path))).toBe(true);
  expect(before.filter((path) => asyncify.includes(path))).toEqual([]);

  const bytes = (url: string) => page.evaluate((u) => fetch(u).then((r) => r.arrayBuffer()).then((b) => b.byteLength, () => 'failed'), url);
  const sizes = asyncify.map((url) => statSync(`${DIST}${url}`).size);
  for (const url of asyncify) await bytes(url);
  // The worker stores the response after handing it over: wait for the write before cutting the network.
  await expect.poll(async () => (await cachedPaths()).filter((path) => asyncify.includes(path)).length).toBe(2);
  await context.setOffline(true);
  for (const [i, url] of asyncify.entries()) expect(await bytes(url)).toBe(sizes[i]);
});

test('Chromium finds the app installable: manifest, icon and service worker', async ({ baseURL }) => {
  // Playwright's usual contexts are incognito, where Chromium never offers installation: a real profile is needed.
  const context = await chromium.launchPersistentContext(test.info().outputPath('profile'), {
    executablePath: '/usr/bin/chromium',
    args: quietChromium,
    baseURL,
    serviceWorkers: 'allow',
  });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await waitForOfflineReady(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a new version waits until the user reloads, then takes over', async ({ page }) => {
  await page.goto('/#/summarize');
  await waitForOfflineReady(page);
  await page.reload();
  const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  expect(firstWorker).toBeTruthy();
  await expect(page.getByText('A new version is ready')).toHaveCount(0);

  // A new build changes sw.js (its precache list); changing a byte is enough for the browser to install it.
  const original = readFileSync(SW_FILE, 'utf8');
  try {
    appendFileSync(SW_FILE, `\n// version ${Date.now()}\n`);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const banner = page.getByRole('status').filter({ hasText: 'A new version is ready' });
    await expect(banner).toBeVisible();
    // The open page stays with its own version until the user chooses.
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting !== null))).toBe(true);
    await page.screenshot({ path: test.info().outputPath('update-banner.png') });
    const { default: AxeBuilder } = await import('@axe-core/playwright');
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    const reloaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { name: 'Summarize', level: 1 })).toBeVisible();
    await expect(page.getByText('A new version is ready')).toHaveCount(0);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting ?? null))).toBeNull();
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  } finally {
    writeFileSync(SW_FILE, original);
  }
});

test('a new version arriving while a model loads does not break the load', async ({ page }) => {
  await page.goto('/#/models');
  await waitForOfflineReady(page);
  await page.reload();
  const original = readFileSync(SW_FILE, 'utf8');
  try {
    const row = modelRow(page, 'doodle-vit');
    await row.getByTestId('load-model').click();
    // The new build's worker installs during the load; the page keeps its version until the user reloads.
    appendFileSync(SW_FILE, `\n// version ${Date.now()}\n`);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await expect(page.getByRole('status').filter({ hasText: 'A new version is ready' })).toBeVisible();
    await expect(row.getByTestId('load-result')).toContainText('Test run on WASM', { timeout: 60_000 });
  } finally {
    writeFileSync(SW_FILE, original);
  }
});
