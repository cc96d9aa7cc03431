import { execFileSync } from 'node:child_process';
import { EAGER_MEMORY_FLAG, countPhaseRequests, runBenchPage } from '../bench/page-driver';
import { HEADLINE_KEYS, headlineFigures, variantRows } from '../src/bench/results';
import type { Measurement, VariantFile } from '../src/bench/results';
import { quietChromium } from '../playwright.config';
import { appPort, expect, test } from './helpers';

// As `npm run bench` does: memory is measured at once instead of at the next garbage collection (10–20 s each).
test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: [...quietChromium, EAGER_MEMORY_FLAG] } });

test('the benchmark page measures every WASM backend and dtype and writes well-formed results', async ({ page, watch }) => {
  test.setTimeout(450_000);
  const requests = await countPhaseRequests(page);
  const report = await runBenchPage(page, `http://127.0.0.1:${appPort}`, 'quick', 'wasm', 420_000);

  // Every measured figure is a real number; only the count of warm-load downloads may be zero.
  for (const m of report.measurements) {
    const values = [m.figure.median, m.figure.min, m.figure.max];
    expect(values.every(Number.isFinite), `${m.metric} ${m.backend} ${m.dtype ?? ''}`).toBe(true);
    if (m.metric !== 'warm-load-downloads') expect(m.figure.min, `${m.metric} ${m.backend} ${m.dtype ?? ''}`).toBeGreaterThan(0);
  }
  const pairs = new Set(report.measurements.filter((m) => m.metric === 'predictions-per-s').map((m) => `${m.backend} ${m.dtype}`));
  expect(pairs).toEqual(new Set(['wasm-1 fp32', 'wasm-1 int8', 'wasm-2 fp32', 'wasm-2 int8']));

  // Both sketch models in every variant, each with the memory the browser reported.
  const variants = variantRows(report);
  expect(variants.map((r) => `${r.model} ${r.variant}`)).toEqual(
    ['doodle-cnn', 'doodle-vit'].flatMap((model) => ['fp32', 'fp16', 'int8', 'int4'].map((variant) => `${model} ${variant}`)),
  );
  for (const row of variants) {
    expect(row.memoryBytes, `${row.model} ${row.variant}`).toBeGreaterThan(0);
    expect(row.memoryDeltaBytes, `${row.model} ${row.variant}`).toBeGreaterThan(0);
  }
  const table = page.getByTestId('bench-variants');
  await expect(table.locator('tbody tr[data-variant]')).toHaveCount(8);
  await expect(table.getByText('not reported by this browser')).toHaveCount(0);
  await expect(table.locator('tr[data-model="doodle-vit"][data-variant="int4"]')).toContainText('int4 (block 32)');

  // A warm load reads the cache only; the cold loads prove the counting sees the worker's requests.
  expect(requests.coldLoad).toBeGreaterThan(0);
  expect(requests.warmLoad).toBe(0);

  const variantThreads = [...new Set(variants.map((r) => r.backend.slice('wasm-'.length)))].join(',');
  const native = JSON.parse(execFileSync('npx', ['tsx', 'bench/native-main.ts', '--quick', '--variant-threads', variantThreads], { encoding: 'utf8' })) as {
    measurements: Measurement[];
    int8SizeRatio: number;
    variantFiles: VariantFile[];
  };
  // The quantize worker in the page made the same fp16/int4 bytes as the quantizer in Node.
  const sha = (files: readonly VariantFile[]) => Object.fromEntries(files.map((f) => [`${f.model} ${f.variant}`, f.sha256]));
  expect(sha(report.files ?? [])).toEqual(sha(native.variantFiles));
  report.measurements.push(...native.measurements);
  const headline = headlineFigures(report, { int8SizeRatio: native.int8SizeRatio, warmLoadNetworkRequests: requests.warmLoad });
  for (const key of HEADLINE_KEYS) {
    expect(Number.isFinite(headline[key]), key).toBe(true);
    if (key !== 'warm_load_network_requests') expect(headline[key], key).toBeGreaterThan(0);
  }

  // The Markdown table reaches the clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy Markdown table' }).click();
  await expect(page.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('| Measurement | Backend | dtype | Median |');
  expect(watch.consoleErrors).toEqual([]);
});
