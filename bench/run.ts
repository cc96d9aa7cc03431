// `npm run bench [-- --quick] [-- --json]`: builds the app, serves it cross-origin isolated (vite preview), runs
// #/bench in headless Chromium (as is, then with --enable-unsafe-webgpu for the WebGPU rows), times the same models
// and variant files on onnxruntime-node as the native reference, and writes bench/results/latest.json and latest.md.
// Progress goes to stderr; with --json the last line on stdout is one JSON object of headline figures.
// It starts with a cold first visit (bench/first-visit.ts); `--first-visit` measures only that.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { quietChromium } from '../playwright.config';
import { headlineFigures, headlineMarkdown, markdownReport, noteText, variantRows, type BenchNote, type BenchReport, type HeadlineKey } from '../src/bench/results';
import { sameFilesNotes } from '../src/bench/model-variants';
import { BENCH_SETTINGS, type BackendChoice, type BenchSetting } from '../src/bench/settings';
import { firstVisitHeadline, firstVisitMarkdown, type FirstVisit } from '../src/bench/first-visit';
import { measureFirstVisit } from './first-visit';
import { countPhaseRequests, runBenchPage, type PhaseRequests } from './page-driver';
import { int8SizeRatio, measureNative, measureNativeVariants } from './native';
import { EAGER_MEMORY_FLAG } from './page-driver';

const argv = process.argv.slice(2);
const args = new Set(argv);
/** `--screenshot PATH`: a full-page screenshot of #/bench after the main run. */
const screenshotPath = argv.includes('--screenshot') ? argv[argv.indexOf('--screenshot') + 1] : undefined;
const jsonOutput = args.has('--json');
const firstVisitOnly = args.has('--first-visit');
const setting: BenchSetting = args.has('--quick') ? BENCH_SETTINGS.quick : BENCH_SETTINGS.standard;
const port = Number(process.env.BENCH_PORT ?? 4390);
const appUrl = `http://127.0.0.1:${port}`;
const outDir = '.tmp/dist-bench';
const PAGE_TIMEOUT_MS = 15 * 60_000;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function build(): void {
  log(`Building the app into ${outDir}…`);
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error('vite build failed.');
}

async function serve(): Promise<ChildProcess> {
  const server = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    stdio: 'ignore',
    detached: true,
  });
  for (let tries = 0; tries < 120; tries++) {
    if (server.exitCode !== null) throw new Error(`vite preview exited (is port ${port} free? set BENCH_PORT).`);
    const up = await fetch(`${appUrl}/`).then((r) => r.ok, () => false);
    if (up) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`vite preview did not answer on ${appUrl}.`);
}

async function runInChromium(
  extraFlags: string[],
  settingName: BenchSetting['name'],
  backends: BackendChoice,
  screenshot?: string,
): Promise<{ report: BenchReport; requests: PhaseRequests }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...quietChromium, EAGER_MEMORY_FLAG, ...extraFlags] });
  try {
    // No service worker: its background precache (19 MB) would compete with the timed loads and count as model requests.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    // Offline by design: anything not on this machine is refused.
    await context.route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol.startsWith('http'), (route) => route.abort());
    const page = await context.newPage();
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    const requests = await countPhaseRequests(page);
    const report = await runBenchPage(page, appUrl, settingName, backends, PAGE_TIMEOUT_MS);
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    return { report, requests };
  } finally {
    await browser.close();
  }
}

async function firstVisit(): Promise<FirstVisit> {
  log('Cold first visit (fresh context, empty cache): #/doodle until the first guess, then #/models…');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: quietChromium });
  try {
    return await measureFirstVisit(browser, appUrl, outDir);
  } finally {
    await browser.close();
  }
}

const loadAverage = () => loadavg()[0]!.toFixed(1);

async function main(): Promise<void> {
  const loadAtStart = loadAverage();
  build();
  const server = await serve();
  let primary: { report: BenchReport; requests: PhaseRequests };
  let webgpu: BenchReport;
  let visit: FirstVisit;
  try {
    visit = await firstVisit();
    if (firstVisitOnly) {
      const markdown = `# First visit\n\n${firstVisitMarkdown(visit)}\n`;
      process.stdout.write(jsonOutput ? `${JSON.stringify(firstVisitHeadline(visit))}\n` : markdown);
      return;
    }
    log(`Chromium (as is), ${setting.name} setting: every backend…`);
    primary = await runInChromium([], setting.name, 'all', screenshotPath);
    // WebGPU here is a software adapter (SwiftShader) at tens of ms per run: the quick setting keeps it in minutes.
    log('Chromium with --enable-unsafe-webgpu, quick setting: WebGPU only…');
    webgpu = (await runInChromium(['--enable-unsafe-webgpu'], 'quick', 'webgpu')).report;
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
  log('onnxruntime-node (native reference)…');
  const report = primary.report;
  const threads = [...new Set([1, report.environment.crossOriginIsolated ? report.environment.hardwareConcurrency : 1])];
  report.measurements.push(...webgpu.measurements, ...(await measureNative(setting, threads)));
  // The variants natively at the thread counts the page ran them with (the app's choice per model).
  const variantThreads = [...new Set(variantRows(report).flatMap((r) => /^wasm-(\d+)$/.exec(r.backend)?.[1] ?? []).map(Number))];
  const nativeVariants = await measureNativeVariants(setting, variantThreads);
  report.measurements.push(...nativeVariants.measurements);
  const text = (line: string): BenchNote => ({ code: 'text', text: line });
  report.notes.push(
    text(
      webgpu.environment.gpu
        ? `WebGPU rows: a second Chromium launch with --enable-unsafe-webgpu (adapter: ${webgpu.environment.gpu}), quick setting.`
        : 'Chromium with --enable-unsafe-webgpu offered no WebGPU adapter either.',
    ),
    ...webgpu.notes.filter((n) => n.code !== 'no-webgpu').map((n) => text(`WebGPU pass: ${noteText(n)}`)),
    text(`Model-file requests counted by Playwright during warm loads: ${primary.requests.warmLoad} (cold loads: ${primary.requests.coldLoad}).`),
    ...sameFilesNotes(report.files ?? [], nativeVariants.files).map(text),
    text(`Memory: Chromium ran with ${EAGER_MEMORY_FLAG}, so each measurement is taken at once instead of at the next garbage collection.`),
    // Other jobs on the machine slow every figure: the 1-minute load average says how busy it was.
    text(`Machine load average (1 min) at start: ${loadAtStart}, at the end: ${loadAverage()} (${report.environment.hardwareConcurrency} cores).`),
  );
  if (primary.requests.coldLoad === 0) report.notes.push(text('No request was seen during cold loads either, so the request counting missed the worker: do not trust the warm-load count.'));
  const headline: Record<HeadlineKey, number> & Record<string, number> = {
    ...headlineFigures(report, { int8SizeRatio: int8SizeRatio(), warmLoadNetworkRequests: primary.requests.warmLoad }),
    ...firstVisitHeadline(visit),
  };

  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/latest.json', `${JSON.stringify({ headline, requests: primary.requests, firstVisit: visit, report, nativeVariantFiles: nativeVariants.files }, null, 2)}\n`);
  const markdown = `# Benchmark results\n\n\`npm run bench\` on ${report.finishedAt.slice(0, 10)}, Chromium (${report.environment.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'unknown version'}).\n\n## Headline\n\n${headlineMarkdown(headline)}\n\n## First visit\n\n${firstVisitMarkdown(visit)}\n\n## All figures (median of ${setting.repetitions} repetitions)\n\n${markdownReport(report)}\n`;
  await writeFile('bench/results/latest.md', markdown);
  log('Wrote bench/results/latest.json and bench/results/latest.md.');
  if (jsonOutput) process.stdout.write(`${JSON.stringify(headline)}\n`);
  else process.stdout.write(markdown);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
