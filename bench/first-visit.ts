// A cold first visit, as a new user has it: a fresh browser context (empty HTTP cache, IndexedDB and Cache Storage,
// service worker blocked) opens the app. Counts the bytes that cross the network (Playwright's per-request sizes:
// headers + encoded body, the inference worker's fetches included) and the time until the doodle page shows its first
// guess; and, on a page that loads no model, what the app itself costs before any model.
import { readFileSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { resourceKind, type FirstVisit, type ResourceKind } from '../src/bench/first-visit';

interface Transfer {
  url: string;
  kind: ResourceKind;
  /** ms after navigation began that the request started. */
  startedMs: number;
  bytes: number;
}

/**
 * The encoded body size of `url` as this server sends it to a browser (gzip accepted). For responses whose size
 * Playwright cannot read (it reports 0 for a worker's own script).
 */
function servedBodyBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve(bytes));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** Records every finished request of the context (pages and their workers) with its transferred size. */
function recordTransfers(context: BrowserContext, navigationStart: () => number): { transfers: Transfer[]; settled: () => Promise<void> } {
  const transfers: Transfer[] = [];
  const pending: Promise<void>[] = [];
  context.on('requestfinished', (request) => {
    const startedMs = Date.now() - navigationStart();
    pending.push(
      request.sizes().then(async (sizes) => {
        const url = request.url();
        const status = (await request.response())?.status();
        const body = sizes.responseBodySize === 0 && status === 200 && url.startsWith('http') ? await servedBodyBytes(url) : sizes.responseBodySize;
        transfers.push({ url, kind: resourceKind(url), startedMs, bytes: sizes.responseHeadersSize + body });
      }, () => undefined),
    );
  });
  return { transfers, settled: () => Promise.all(pending).then(() => undefined) };
}

const sum = (transfers: readonly Transfer[]) => transfers.reduce((total, t) => total + t.bytes, 0);

/** A star drawn in the sketch canvas with the mouse, in the canvas's middle 80 %. */
async function drawStar(page: Page): Promise<void> {
  const box = await page.getByTestId('sketch-canvas').boundingBox();
  if (!box) throw new Error('The sketch canvas is not visible.');
  const side = Math.min(box.width, box.height) * 0.8;
  const at = (angle: number, r: number): [number, number] => [box.x + box.width / 2 + r * side * Math.cos(angle), box.y + box.height / 2 + r * side * Math.sin(angle)];
  await page.mouse.move(...at(-Math.PI / 2, 0.45));
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(...at(-Math.PI / 2 + (i * 4 * Math.PI) / 5, 0.45), { steps: 4 });
  await page.mouse.up();
}

async function newColdContext(browser: Browser): Promise<BrowserContext> {
  // Blocked: with a worker the first visit also precaches the whole app in the background (counted apart, below).
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
  await context.route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol.startsWith('http'), (route) => route.abort());
  return context;
}

/** Bytes of the files the service worker's precache manifest lists (sw.js in the build folder). */
function precacheBytes(distDir: string): number {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!);
  return urls.reduce((total, url) => total + statSync(join(distDir, url)).size, 0);
}

/**
 * Opens `${appUrl}/#/doodle/practice` in a cold context, draws a star as soon as the model is ready and waits for the
 * first guess; then opens `${appUrl}/#/models` (a page that loads no model) in another cold context.
 */
export async function measureFirstVisit(browser: Browser, appUrl: string, distDir: string, timeoutMs = 120_000): Promise<FirstVisit> {
  let started = 0;
  const doodleContext = await newColdContext(browser);
  const doodle = recordTransfers(doodleContext, () => started);
  let modelReadyMs: number;
  let firstGuessMs: number;
  try {
    const page = await doodleContext.newPage();
    started = Date.now();
    await page.goto(`${appUrl}/#/doodle/practice`);
    await page.getByTestId('sketch-canvas').waitFor({ timeout: timeoutMs });
    await page.locator('[data-testid="model-status"].ready').waitFor({ timeout: timeoutMs });
    modelReadyMs = Date.now() - started;
    await drawStar(page);
    await page.getByTestId('guesses').locator('li').first().waitFor({ timeout: timeoutMs });
    firstGuessMs = Date.now() - started;
    await doodle.settled();
  } finally {
    await doodleContext.close();
  }
  const toGuess = doodle.transfers.filter((t) => t.startedMs <= firstGuessMs);
  const firstHeavy = Math.min(...toGuess.filter((t) => t.kind !== 'app').map((t) => t.startedMs));

  const modelsContext = await newColdContext(browser);
  const models = recordTransfers(modelsContext, () => started);
  try {
    const page = await modelsContext.newPage();
    started = Date.now();
    await page.goto(`${appUrl}/#/models`);
    await page.getByTestId('model-row').first().waitFor({ timeout: timeoutMs });
    await page.waitForLoadState('networkidle');
    await models.settled();
  } finally {
    await modelsContext.close();
  }

  const byKind = (kind: ResourceKind) => sum(toGuess.filter((t) => t.kind === kind));
  return {
    serviceWorker: 'blocked',
    doodle: {
      bytesToFirstGuess: sum(toGuess),
      requestsToFirstGuess: toGuess.length,
      appBytes: byKind('app'),
      runtimeBytes: byKind('runtime'),
      modelBytes: byKind('model'),
      appBytesBeforeModel: sum(toGuess.filter((t) => t.kind === 'app' && t.startedMs < firstHeavy)),
      modelReadyMs,
      firstGuessMs,
      drawAndGuessMs: firstGuessMs - modelReadyMs,
    },
    modelFreePage: {
      route: 'models',
      bytes: sum(models.transfers),
      requests: models.transfers.length,
      runtimeBytes: sum(models.transfers.filter((t) => t.kind === 'runtime')),
      modelBytes: sum(models.transfers.filter((t) => t.kind === 'model')),
    },
    precacheBytes: precacheBytes(distDir),
    loadAverage: loadavg()[0]!,
  };
}
