// Drives #/bench in a Playwright page like a person would (choose a setting, press Run, read the JSON) and counts
// the requests for model files made during the loads the page announces (src/bench/phases.ts).
import type { Page } from '@playwright/test';
import { PHASE_EVENT, type PhaseDetail } from '../src/bench/phases';
import type { BenchReport } from '../src/bench/results';
import type { BackendChoice, BenchSetting } from '../src/bench/settings';

/**
 * Chromium answers performance.measureUserAgentSpecificMemory() at the next garbage collection (10–20 s here); with
 * this flag it measures at once, so the benchmark's memory figures do not add minutes.
 */
export const EAGER_MEMORY_FLAG = '--enable-blink-features=ForceEagerMeasureMemory';

export interface PhaseRequests {
  /** Requests for files under /models/ while a warm load (model in the IndexedDB cache) ran. */
  warmLoad: number;
  /** The same during cold loads: must be above zero, or the counting missed the worker's requests. */
  coldLoad: number;
}

/** Call before the first navigation. Counts requests of the page and its workers, per announced phase. */
export async function countPhaseRequests(page: Page): Promise<PhaseRequests> {
  const counts: PhaseRequests = { warmLoad: 0, coldLoad: 0 };
  let current: PhaseDetail['phase'] | null = null;
  await page.exposeFunction('mlwbBenchPhase', (detail: PhaseDetail) => {
    current = detail.state === 'start' ? detail.phase : null;
  });
  await page.addInitScript((eventName) => {
    addEventListener(eventName, (event) => (window as unknown as { mlwbBenchPhase(d: unknown): void }).mlwbBenchPhase((event as CustomEvent).detail));
  }, PHASE_EVENT);
  page.context().on('request', (request) => {
    if (!current || !new URL(request.url()).pathname.includes('/models/')) return;
    if (current === 'warm-load') counts.warmLoad++;
    else counts.coldLoad++;
  });
  return counts;
}

export async function runBenchPage(page: Page, appUrl: string, setting: BenchSetting['name'], backends: BackendChoice, timeoutMs: number): Promise<BenchReport> {
  await page.goto(`${appUrl}/#/bench`);
  // Test ids, not labels: the page may open in Japanese when the browser prefers it.
  await page.getByTestId('bench-setting').selectOption(setting);
  await page.getByTestId('bench-backends').selectOption(backends);
  await page.getByTestId('bench-run').click();
  const results = page.getByTestId('bench-results');
  const failure = page.locator('bench-page [role="alert"]');
  await results.or(failure).waitFor({ timeout: timeoutMs });
  if (await failure.isVisible()) throw new Error(await failure.innerText());
  return JSON.parse((await page.getByTestId('bench-json').textContent()) ?? '') as BenchReport;
}
