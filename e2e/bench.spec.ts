import { execFileSync } from 'node:child_process';
import { countPhaseRequests, runBenchPage } from '../bench/page-driver';
import { HEADLINE_KEYS, headlineFigures } from '../src/bench/results';
import type { Measurement } from '../src/bench/results';
import { appPort, expect, test } from './helpers';

test('the benchmark page measures every WASM backend and dtype and writes well-formed results', async ({ page, watch }) => {
  test.setTimeout(300_000);
  const requests = await countPhaseRequests(page);
  const report = await runBenchPage(page, `http://127.0.0.1:${appPort}`, 'quick', 'wasm', 270_000);

  // Every measured figure is a real number; only the count of warm-load downloads may be zero.
  for (const m of report.measurements) {
    const values = [m.figure.median, m.figure.min, m.figure.max];
    expect(values.every(Number.isFinite), `${m.metric} ${m.backend} ${m.dtype ?? ''}`).toBe(true);
    if (m.metric !== 'warm-load-downloads') expect(m.figure.min, `${m.metric} ${m.backend} ${m.dtype ?? ''}`).toBeGreaterThan(0);
  }
  const pairs = new Set(report.measurements.filter((m) => m.metric === 'predictions-per-s').map((m) => `${m.backend} ${m.dtype}`));
  expect(pairs).toEqual(new Set(['wasm-1 fp32', 'wasm-1 int8', 'wasm-2 fp32', 'wasm-2 int8']));

  // A warm load reads the cache only; the cold loads prove the counting sees the worker's requests.
  expect(requests.coldLoad).toBeGreaterThan(0);
  expect(requests.warmLoad).toBe(0);

  const native = JSON.parse(execFileSync('npx', ['tsx', 'bench/native-main.ts', '--quick'], { encoding: 'utf8' })) as {
    measurements: Measurement[];
    int8SizeRatio: number;
  };
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
