/** Shared browser-test plumbing: the fixture hub's address, request/console watchers, and Models page actions. */
import { test as base, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { FILES_DB } from '../src/runtime/cache';

export const appPort = Number(process.env.E2E_PORT ?? 4173);
export const hubUrl = `http://127.0.0.1:${appPort + 1}`;

export interface Watch {
  consoleErrors: string[];
  /** Requests to anything but this machine (blocked and recorded). */
  externalRequests: string[];
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Every test: the app points at the fixture hub (unless a test changed it), nothing may leave the machine. */
export const test = base.extend<{ watch: Watch }>({
  watch: [async ({ page, context }, use) => {
    const watch: Watch = { consoleErrors: [], externalRequests: [] };
    await context.route(
      (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !LOCAL_HOSTS.has(url.hostname),
      (route) => {
        watch.externalRequests.push(route.request().url());
        return route.abort();
      },
    );
    page.on('console', (message) => {
      if (message.type() === 'error') watch.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => watch.consoleErrors.push(error.message));
    await page.addInitScript((host) => {
      const key = 'mlwb.settings';
      if (!localStorage.getItem(key)) localStorage.setItem(key, JSON.stringify({ hubHost: host }));
    }, hubUrl);
    await use(watch);
  }, { auto: true }],
});
export { expect };

export interface HubLogEntry {
  method: string;
  path: string;
  status: number;
  /** Set for ranged requests (transformers.js asks for byte 0 to learn a file's size). */
  range?: string;
}

/** The fixture hub's requests for files of `modelId`. */
export async function hubRequests(request: APIRequestContext, modelId: string): Promise<HubLogEntry[]> {
  const log = (await (await request.get(`${hubUrl}/__log`)).json()) as HubLogEntry[];
  return log.filter((e) => e.path.startsWith(`/${modelId}/resolve/main/`));
}

/** Whole-file downloads of one file of `modelId`. */
export async function hubDownloads(request: APIRequestContext, modelId: string, file: string): Promise<number> {
  return (await hubRequests(request, modelId)).filter((e) => e.path.endsWith(`/resolve/main/${file}`) && !e.range).length;
}

/** Downloads (or loads from cache) a hub model through the Models page form and waits for the outcome. */
export async function loadHubModel(page: Page, modelId: string): Promise<void> {
  await page.getByTestId('hub-model-id').fill(modelId);
  await page.getByRole('button', { name: 'Download', exact: true }).last().click();
  await expect(page.getByTestId('load-result')).toBeVisible({ timeout: 60_000 });
}

/** Loads a model that already has a row on the Models page. */
export async function loadModelRow(page: Page, modelId: string): Promise<void> {
  const row = page.locator(`[data-testid="model-row"][data-model="${modelId}"]`);
  await row.getByTestId('load-model').click();
  await expect(row.getByTestId('load-result')).toBeVisible({ timeout: 60_000 });
}

export function modelRow(page: Page, modelId: string) {
  return page.locator(`[data-testid="model-row"][data-model="${modelId}"]`);
}

/**
 * Runs `patch` (JavaScript) at the top of the next inference worker this page starts, before the app's code: a
 * worker is restarted whenever its runtime changes (WASM ↔ WebGPU), so a test that tampers with WebGPU inside a
 * worker must reach the fresh one. One use only: while a route is active the worker's own fetches fail here.
 */
export async function patchNextInferenceWorker(page: Page, patch: string): Promise<void> {
  await page.route(
    '**/inference.worker-*.js',
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${patch}\n${await response.text()}` });
    },
    { times: 1 },
  );
}

/**
 * Flips the last byte of every file in the model cache (IndexedDB) whose key ends with `suffix`, as a damaged disk
 * would; resolves to how many files it damaged.
 */
export async function damageStoredFiles(page: Page, suffix: string): Promise<number> {
  return page.evaluate(
    ({ db, store, suffix }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(db);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          const bodies = tx.objectStore(store);
          const keys = bodies.getAllKeys();
          let count = 0;
          keys.onsuccess = () => {
            for (const key of keys.result.filter((k) => String(k).endsWith(suffix))) {
              count++;
              const read = bodies.get(key);
              read.onsuccess = () => {
                const body = read.result as { data: ArrayBuffer; contentType: string };
                const bytes = new Uint8Array(body.data.slice(0));
                bytes[bytes.length - 1] ^= 0xff;
                bodies.put({ ...body, data: bytes.buffer }, key);
              };
            }
          };
          tx.oncomplete = () => resolve(count);
          tx.onerror = () => reject(tx.error);
        };
      }),
    { db: FILES_DB.db, store: FILES_DB.store, suffix },
  );
}

/**
 * How far the page and `element` scroll sideways, in CSS px (scrollWidth − clientWidth; ≤ 0 when they fit). An
 * element's own overflow catches a control sticking out of its card where the page itself still fits.
 */
export async function sidewaysOverflow(page: Page, element: Locator): Promise<{ page: number; element: number }> {
  const doc = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  return { page: doc, element: await element.evaluate((e) => e.scrollWidth - e.clientWidth) };
}

/**
 * Waits (up to the expect timeout) until neither the page nor `element` scrolls sideways. A layout is judged once it
 * has settled: after a resize or a language switch, charts and resize observers lay out again a frame or more later
 * (a measurement straight after a switch to Japanese at 390 px once saw the page 171 px wide under load).
 */
export async function expectNoSidewaysOverflow(page: Page, element: Locator, label: string): Promise<void> {
  const describe = (px: number) => (px > 0 ? `${px} px too wide` : 'fits');
  await expect
    .poll(async () => {
      const overflow = await sidewaysOverflow(page, element);
      return `page ${describe(overflow.page)}, element ${describe(overflow.element)}`;
    }, { message: `${label}: scrolls sideways` })
    .toBe('page fits, element fits');
}
