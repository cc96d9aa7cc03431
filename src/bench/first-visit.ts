// What a cold first visit costs (measured by bench/first-visit.ts in a fresh browser context): bytes over the network
// and the time until the doodle page first guesses, plus what a page without a model loads. Pure: types, the
// classification of a URL, and the Markdown lines of `npm run bench`.
import { formatBytes } from '../util/format-bytes';

/** app: the page's own code and assets; runtime: onnxruntime-web's WASM build and its loader; model: model files. */
export type ResourceKind = 'app' | 'runtime' | 'model';

export interface FirstVisit {
  /** The benchmark blocks the service worker; `precacheBytes` says what it would add in the background. */
  serviceWorker: 'blocked';
  doodle: {
    /** Everything transferred from navigation until the first guess is shown (headers + encoded bodies). */
    bytesToFirstGuess: number;
    requestsToFirstGuess: number;
    appBytes: number;
    runtimeBytes: number;
    modelBytes: number;
    /** App bytes requested before the first runtime or model request. */
    appBytesBeforeModel: number;
    /** Navigation → the page says the model is ready. */
    modelReadyMs: number;
    /** Navigation → first guess shown, drawing started at `modelReadyMs`. */
    firstGuessMs: number;
    /** The synthetic drawing plus the first prediction. */
    drawAndGuessMs: number;
  };
  /** A page that loads no model (#/models): what the app costs on its own. */
  modelFreePage: { route: string; bytes: number; requests: number; runtimeBytes: number; modelBytes: number };
  /** Bytes of the files the service worker precaches when it is allowed (fetched in the background after the visit). */
  precacheBytes: number;
  /** The machine's 1-minute load average when the visit ended: other work on it slows every time above. */
  loadAverage: number;
}

/** Sorts a request by its URL: model files (bundled `/models/…` or a hub's `/resolve/…`), the ONNX runtime, the rest. */
export function resourceKind(url: string): ResourceKind {
  const path = new URL(url).pathname;
  if (path.includes('/models/') || path.includes('/resolve/')) return 'model';
  if (/\/ort-wasm[^/]*\.(wasm|mjs)$/.test(path)) return 'runtime';
  return 'app';
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const size = (bytes: number) => formatBytes(bytes, 'en');

/** The Markdown section of `npm run bench` (English, sizes in SI units like the rest of the report). */
export function firstVisitMarkdown(visit: FirstVisit): string {
  const d = visit.doodle;
  const free = visit.modelFreePage;
  return [
    '| First visit (cold cache, service worker blocked) | Value |',
    '| --- | --- |',
    `| Doodle page: bytes until the first guess | ${size(d.bytesToFirstGuess)} (${d.requestsToFirstGuess} requests) |`,
    `| … of which app code and assets | ${size(d.appBytes)} |`,
    `| … of which the ONNX runtime (WASM) | ${size(d.runtimeBytes)} |`,
    `| … of which model files | ${size(d.modelBytes)} |`,
    `| Doodle page: app bytes before the runtime or a model | ${size(d.appBytesBeforeModel)} |`,
    `| Doodle page: time until the model is ready | ${seconds(d.modelReadyMs)} |`,
    `| Doodle page: time until the first guess | ${seconds(d.firstGuessMs)} (drawing + first prediction: ${seconds(d.drawAndGuessMs)}) |`,
    `| #/${free.route} (no model): bytes | ${size(free.bytes)} (${free.requests} requests; runtime ${size(free.runtimeBytes)}, models ${size(free.modelBytes)}) |`,
    `| Service worker precache, when allowed (background, after the visit) | ${size(visit.precacheBytes)} |`,
    `| Machine load average (1 min) at the end | ${visit.loadAverage.toFixed(1)} |`,
  ].join('\n');
}

/** Headline keys of the first visit for `npm run bench -- --json`. */
export function firstVisitHeadline(visit: FirstVisit): Record<string, number> {
  return {
    first_visit_bytes_to_first_guess: visit.doodle.bytesToFirstGuess,
    first_visit_ms_to_first_guess: visit.doodle.firstGuessMs,
    first_visit_ms_to_model_ready: visit.doodle.modelReadyMs,
    first_page_bytes_before_model: visit.doodle.appBytesBeforeModel,
    model_free_page_bytes: visit.modelFreePage.bytes,
  };
}
