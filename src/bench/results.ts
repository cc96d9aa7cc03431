// What a benchmark run produces, shared by the page and `npm run bench`: measurements (median + spread),
// the Markdown table, "N× faster" comparisons and the headline figures of `npm run bench -- --json`.
import type { Dtype } from '../runtime/protocol';
import { formatBytes } from '../util/format-bytes';
import { formatBytesDelta, formatSignedBytes } from './memory';
import { SKETCH_MODEL, type ModelVariant } from './settings';
import type { Figure } from './stats';

export type MetricId =
  | 'runtime-start-ms'
  | 'cold-load-ms'
  | 'warm-load-ms'
  | 'warm-load-downloads'
  | 'latency-p50-ms'
  | 'latency-p95-ms'
  | 'roundtrip-p50-ms'
  | 'predictions-per-s'
  | 'prediction-ms'
  | 'rasterise-ms'
  | 'extractive-ms'
  | 'quantize-ms'
  | 'abstractive-words-per-s'
  | 'model-p50-ms'
  | 'memory-bytes'
  | 'memory-delta-bytes';

interface MetricInfo {
  title: string;
  unit: 'ms' | '/s' | 'files' | 'bytes';
  better: 'lower' | 'higher';
}

export const METRICS: Record<MetricId, MetricInfo> = {
  'runtime-start-ms': { title: 'WASM runtime start (first load − warm load)', unit: 'ms', better: 'lower' },
  'cold-load-ms': { title: 'Model load, cold (empty cache, runtime started)', unit: 'ms', better: 'lower' },
  'warm-load-ms': { title: 'Model load, warm (IndexedDB cache, runtime started)', unit: 'ms', better: 'lower' },
  'warm-load-downloads': { title: 'Files downloaded during the warm load', unit: 'files', better: 'lower' },
  'latency-p50-ms': { title: 'Raw inference latency p50 (session run, timed in the worker)', unit: 'ms', better: 'lower' },
  'latency-p95-ms': { title: 'Raw inference latency p95 (session run, timed in the worker)', unit: 'ms', better: 'lower' },
  'roundtrip-p50-ms': { title: 'Inference round trip p50 (page → worker → page)', unit: 'ms', better: 'lower' },
  'predictions-per-s': { title: 'Doodle predictions/s end to end (strokes → top-5 shown)', unit: '/s', better: 'higher' },
  'prediction-ms': { title: 'Doodle prediction time (rasterise + model + top-5)', unit: 'ms', better: 'lower' },
  'rasterise-ms': { title: 'Rasterise a drawing to 28×28 (main thread)', unit: 'ms', better: 'lower' },
  'extractive-ms': { title: 'Extractive summary of an 800-word article (worker round trip)', unit: 'ms', better: 'lower' },
  'quantize-ms': { title: 'Quantize the fp32 sketch model (quantize worker)', unit: 'ms', better: 'lower' },
  // The streamer hands over whole words (it flushes at spaces), so words are what the page can count.
  'abstractive-words-per-s': { title: 'Abstractive summary of a 300-word article, streamed words/s', unit: '/s', better: 'higher' },
  'model-p50-ms': { title: 'Raw inference latency p50 of a model variant (fresh worker, timed in the worker)', unit: 'ms', better: 'lower' },
  // WebAssembly memory never shrinks, so after the runs it holds the heap's peak.
  'memory-bytes': { title: 'Memory after loading and running the variant (measureUserAgentSpecificMemory)', unit: 'bytes', better: 'lower' },
  'memory-delta-bytes': { title: 'Memory added by the variant (over the page before any model loaded)', unit: 'bytes', better: 'lower' },
};

/**
 * Where a figure was measured: `wasm-<threads>`, `webgpu`, `native-<threads>` (onnxruntime-node), or a plain
 * place such as `main-thread`, `quantize-worker`, `summarize-worker`, `static`/`weight-only` (quantizer modes).
 */
export type BackendId = string;

export interface Measurement {
  metric: MetricId;
  backend: BackendId;
  /** The sketch model's dtype, or a model variant (with `model`). */
  dtype?: Dtype | ModelVariant;
  /** Catalog id, on the model-variant rows; the other sketch rows are about SKETCH_MODEL. */
  model?: string;
  /** Extra detail, e.g. the summarization model's id. */
  detail?: string;
  figure: Figure;
}

export interface BenchEnvironment {
  userAgent: string;
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  /** e.g. "google · swiftshader (software)", or null without a WebGPU adapter. */
  gpu: string | null;
  /** WASM threads the app itself picks for the sketch model here (recommend()): the headline figures use them. */
  sketchWasmThreads: number;
}

/** The parts of a run that are measured (and may fail) on their own. */
export type BenchPart = 'sketch' | 'variants' | 'extractive' | 'quantizer' | 'abstractive';

/** Something left out or worth knowing, by code so the page can say it in the interface language (`noteText`: English). */
export type BenchNote =
  /** `model`: a variant's model (absent: SKETCH_MODEL). */
  | { code: 'not-loaded'; backend: BackendId; dtype: Dtype | ModelVariant; why: string; model?: string }
  | { code: 'no-webgpu' }
  | { code: 'not-isolated' }
  | { code: 'part-failed'; part: BenchPart; backend?: BackendId; message: string }
  | { code: 'no-summarizer' }
  /** performance.measureUserAgentSpecificMemory() is missing (another browser, or no cross-origin isolation). */
  | { code: 'no-memory' }
  /** WebGPU runs on a software adapter here, so the model variants were not timed on it. */
  | { code: 'variants-not-on-software-gpu' }
  /** Added by the CLI, which speaks English only. */
  | { code: 'text'; text: string };

/** A model-variant file that was timed, so the CLI can check that onnxruntime-node timed the same bytes. */
export interface VariantFile {
  model: string;
  variant: ModelVariant;
  bytes: number;
  /** Lowercase hex SHA-256 of the file. */
  sha256: string;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  setting: string;
  environment: BenchEnvironment;
  measurements: Measurement[];
  notes: BenchNote[];
  /** The model-variant files timed (absent in reports from before they were benchmarked). */
  files?: VariantFile[];
}

const PART_NAMES: Record<BenchPart, string> = {
  sketch: 'The sketch model',
  variants: 'The model variants',
  extractive: 'Extractive summarization',
  quantizer: 'The quantizer',
  abstractive: 'Abstractive summarization',
};

/** A note in English (Markdown report, CLI). */
export function noteText(note: BenchNote): string {
  switch (note.code) {
    case 'not-loaded':
      return `${note.backend} could not load ${note.model ?? 'the sketch model'} ${note.dtype} (${note.why}), so it was not measured.`;
    case 'no-webgpu':
      return 'This browser offers no WebGPU adapter, so WebGPU was not measured.';
    case 'not-isolated':
      return 'The page is not cross-origin isolated, so WASM runs on one thread only.';
    case 'part-failed':
      return `${PART_NAMES[note.part]}${note.backend ? ` on ${note.backend}` : ''} could not be measured: ${note.message}`;
    case 'no-summarizer':
      return 'No summarization model is cached in this browser, so abstractive speed was not measured.';
    case 'variants-not-on-software-gpu':
      return 'WebGPU runs on a software adapter here (tens of ms or more per run), so the model variants were not timed on WebGPU.';
    case 'no-memory':
      return `This browser does not report memory (${MEMORY_API} needs a cross-origin isolated Chromium page), so memory was not measured.`;
    case 'text':
      return note.text;
  }
}

export function backendLabel(backend: BackendId): string {
  const wasm = /^wasm-(\d+)$/.exec(backend);
  if (wasm) return `WASM · ${wasm[1]} thread${wasm[1] === '1' ? '' : 's'}`;
  const native = /^native-(\d+)$/.exec(backend);
  if (native) return `onnxruntime-node · ${native[1]} thread${native[1] === '1' ? '' : 's'}`;
  if (backend === 'webgpu') return 'WebGPU';
  return backend.replace(/-/g, ' ');
}

export function find(report: Pick<BenchReport, 'measurements'>, metric: MetricId, backend: BackendId, dtype?: Dtype): Measurement | undefined {
  return report.measurements.find((m) => m.metric === metric && m.backend === backend && m.dtype === dtype);
}

/** The WASM backend with the most threads in the report (the one the app uses), e.g. "wasm-2". */
export function widestWasm(report: Pick<BenchReport, 'measurements'>): BackendId | undefined {
  const counts = report.measurements.map((m) => /^wasm-(\d+)$/.exec(m.backend)).filter((m) => m !== null).map((m) => Number(m[1]));
  return counts.length ? `wasm-${Math.max(...counts)}` : undefined;
}

/** The browser API behind the memory figures. */
export const MEMORY_API = 'performance.measureUserAgentSpecificMemory()';
/** What a variant's memory cell says where the browser gave no figure. */
export const MEMORY_NOT_REPORTED = 'not reported by this browser';

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

const englishBytes = (bytes: number) => formatSignedBytes(bytes, (b) => formatBytes(b, 'en'));

export function formatFigure(figure: Figure, unit: string): string {
  if (unit === 'bytes') return englishBytes(figure.median);
  return `${formatNumber(figure.median)} ${unit}`;
}

export function formatSpread(figure: Figure, unit?: string): string {
  if (unit === 'bytes') return `${englishBytes(figure.min)} to ${englishBytes(figure.max)}`;
  return `${formatNumber(figure.min)}–${formatNumber(figure.max)}`;
}

/**
 * Whether a figure was measured: finite and above zero. A median of 0 predictions/s, or none at all (NaN, a report
 * from before the metric existed), means the backend did not run, and a ratio over it would be Infinity or NaN.
 */
export function isMeasured(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value > 0;
}

/** `numerator / denominator` when both were measured (`isMeasured`), else undefined: never Infinity or NaN. */
export function ratioOf(numerator: number | undefined, denominator: number | undefined): number | undefined {
  return isMeasured(numerator) && isMeasured(denominator) ? numerator / denominator : undefined;
}

/** `value` with `digits` decimals for a Markdown table, '—' where it is missing or not finite. */
export function fixedCell(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

/** "2.58×" for a Markdown table, '—' for a ratio that could not be taken (`ratioOf` gave undefined). */
export function ratioCell(ratio: number | undefined): string {
  return ratio === undefined ? '—' : `${ratio.toFixed(2)}×`;
}

/** How many times better `a` is than `b` on their metric (>1: `a` wins). */
export function advantage(a: Measurement, b: Measurement): number {
  const better = METRICS[a.metric].better;
  return better === 'lower' ? b.figure.median / a.figure.median : a.figure.median / b.figure.median;
}

function describe(m: Measurement): string {
  return `${backendLabel(m.backend)}${m.dtype ? ` ${m.dtype}` : ''}`;
}

/** Below this ratio two figures are called a tie: repetitions on a shared machine differ by more. */
const TIE = 1.05;

/** One "N× faster" finding: `winner` beats `loser` by `ratio` on `metric` (a tie below 1.05×). */
export interface Comparison {
  metric: 'latency-p50-ms' | 'predictions-per-s';
  /** Backends compared at one dtype, or int8 against fp32 on one backend. */
  between: 'backends' | 'dtypes';
  winner: Measurement;
  loser: Measurement;
  ratio: number;
  tie: boolean;
}

function compared(a: Measurement, b: Measurement, metric: Comparison['metric'], between: Comparison['between']): Comparison {
  const [winner, loser] = advantage(a, b) >= 1 ? [a, b] : [b, a];
  const ratio = advantage(winner, loser);
  return { metric, between, winner, loser, ratio, tie: ratio < TIE };
}

/** Backends against each other at each dtype, then int8 against fp32 on each backend; a figure not measured (`isMeasured`) is left out. */
export function compare(report: Pick<BenchReport, 'measurements'>): Comparison[] {
  const found: Comparison[] = [];
  for (const metric of ['latency-p50-ms', 'predictions-per-s'] as const) {
    const rows = report.measurements.filter((m) => m.metric === metric && isMeasured(m.figure.median));
    const dtypes = [...new Set(rows.map((m) => m.dtype))];
    for (const dtype of dtypes) {
      const same = rows.filter((m) => m.dtype === dtype).sort((x, y) => advantage(x, y) >= 1 ? -1 : 1);
      const best = same[0];
      for (const other of same.slice(1)) if (best) found.push(compared(best, other, metric, 'backends'));
    }
    const backends = [...new Set(rows.map((m) => m.backend))];
    for (const backend of backends) {
      const fp32 = rows.find((m) => m.backend === backend && m.dtype === 'fp32');
      const int8 = rows.find((m) => m.backend === backend && m.dtype === 'int8');
      if (fp32 && int8) found.push(compared(int8, fp32, metric, 'dtypes'));
    }
  }
  return found;
}

const COMPARED_METRIC: Record<Comparison['metric'], string> = { 'latency-p50-ms': 'raw latency p50', 'predictions-per-s': 'doodle predictions/s' };

/** "N× faster than …" lines in English: backends against each other, int8 against fp32. */
export function comparisons(report: Pick<BenchReport, 'measurements'>): string[] {
  return compare(report).map((c) => {
    const what = `${COMPARED_METRIC[c.metric]}, ${c.between === 'dtypes' ? 'int8 vs fp32' : c.winner.dtype}`;
    if (c.tie) return `${describe(c.winner)} and ${describe(c.loser)} are about as fast (${what}).`;
    return `${describe(c.winner)} is ${c.ratio.toFixed(1)}× faster than ${describe(c.loser)} (${what}).`;
  });
}

export function markdownTable(report: BenchReport): string {
  const head = ['Measurement', 'Backend', 'dtype', 'Median', 'Min–max', 'IQR', 'n'];
  const rows = report.measurements.map((m) => {
    const info = METRICS[m.metric];
    return [
      info.title,
      backendLabel(m.backend) + (m.model || m.detail ? ` (${[m.model, m.detail].filter(Boolean).join(', ')})` : ''),
      m.dtype ?? '',
      formatFigure(m.figure, info.unit),
      formatSpread(m.figure, info.unit),
      formatSpread({ ...m.figure, min: m.figure.q1, max: m.figure.q3 }, info.unit),
      String(m.figure.n),
    ];
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** One model variant in the browser, beside onnxruntime-node on the same file where the report has it. */
export interface VariantRow {
  model: string;
  variant: ModelVariant;
  /** The browser backend, e.g. "wasm-1" or "webgpu". */
  backend: BackendId;
  /** Raw latency p50 (ms), median over repetitions. */
  p50: number;
  /** onnxruntime-node p50 (ms) at the same thread count (WASM rows only). */
  nativeP50?: number;
  /** Browser p50 over native p50 (>1: the browser is slower). */
  ratio?: number;
  /** The page's memory after loading and running the variant, and its growth over the page before any model loaded (bytes). */
  memoryBytes?: number;
  memoryDeltaBytes?: number;
}

/** "fp32", "fp16", "int8", "int4 (block 32)": the variant's name in tables (technical terms, the same in every language). */
export function variantLabel(variant: ModelVariant): string {
  return variant === 'int4' ? 'int4 (block 32)' : variant;
}

/** The model-variant rows of a report, in measured order: browser p50, native p50 and their ratio, memory. */
export function variantRows(report: Pick<BenchReport, 'measurements'>): VariantRow[] {
  const of = (metric: MetricId, backend: BackendId, model: string, variant: Measurement['dtype']) =>
    report.measurements.find((m) => m.metric === metric && m.backend === backend && m.model === model && m.dtype === variant)?.figure.median;
  return report.measurements
    .filter((m) => m.metric === 'model-p50-ms' && m.model !== undefined && !m.backend.startsWith('native-'))
    .map((m) => {
      const model = m.model!;
      const threads = /^wasm-(\d+)$/.exec(m.backend)?.[1];
      const nativeP50 = threads ? of('model-p50-ms', `native-${threads}`, model, m.dtype) : undefined;
      return {
        model,
        variant: m.dtype as ModelVariant,
        backend: m.backend,
        p50: m.figure.median,
        nativeP50,
        ratio: ratioOf(m.figure.median, nativeP50),
        memoryBytes: of('memory-bytes', m.backend, model, m.dtype),
        memoryDeltaBytes: of('memory-delta-bytes', m.backend, model, m.dtype),
      };
    });
}

/** The model variants as a Markdown table (English, for the CLI and the page's copy); empty without variant rows. */
export function variantMarkdown(report: Pick<BenchReport, 'measurements'>): string {
  const rows = variantRows(report);
  if (rows.length === 0) return '';
  const english = (bytes: number) => formatBytes(bytes, 'en');
  const memory = (bytes: number | undefined, signed: boolean) => {
    if (bytes === undefined) return MEMORY_NOT_REPORTED;
    return signed ? formatBytesDelta(bytes, english) : english(bytes);
  };
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const head = ['Model', 'Variant', 'Backend', 'p50 ms', 'onnxruntime-node p50 ms', 'Browser / native', 'Memory', 'Memory added'];
  return [
    line(head),
    line(head.map(() => '---')),
    ...rows.map((r) =>
      line([
        r.model,
        variantLabel(r.variant),
        backendLabel(r.backend),
        fixedCell(r.p50, 3),
        fixedCell(r.nativeP50, 3),
        ratioCell(r.ratio),
        memory(r.memoryBytes, false),
        memory(r.memoryDeltaBytes, true),
      ]),
    ),
  ].join('\n');
}

export function markdownReport(report: BenchReport): string {
  const env = report.environment;
  const variants = variantMarkdown(report);
  return [
    `Measured ${report.finishedAt.slice(0, 10)} (${report.setting}) · ${env.hardwareConcurrency} cores · ` +
      `cross-origin isolated: ${env.crossOriginIsolated ? 'yes' : 'no'} · WebGPU adapter: ${env.gpu ?? 'none'}`,
    '',
    ...(variants ? [`Model variants (memory: ${MEMORY_API}, the page and its workers):`, '', variants, ''] : []),
    markdownTable(report),
    '',
    ...comparisons(report).map((c) => `- ${c}`),
    ...report.notes.map((n) => `- ${noteText(n)}`),
  ].join('\n');
}

export const HEADLINE_KEYS = [
  'wasm_threads',
  'sketch_pps_wasm_fp32',
  'sketch_pps_wasm_int8',
  'sketch_raw_ms_wasm_fp32',
  'sketch_raw_ms_wasm_int8',
  'sketch_pps_wasm_fp32_max_threads',
  'sketch_pps_wasm_int8_max_threads',
  'sketch_raw_ms_native_fp32',
  'browser_native_ratio',
  'int8_fp32_speed_ratio_wasm',
  'int8_size_ratio',
  'cold_load_ms',
  'warm_load_ms',
  'runtime_start_ms',
  'extractive_ms_800w',
  'quantize_ms',
  'warm_load_network_requests',
  // The transformer (doodle-vit) in each variant: browser WASM p50 at the thread count the app uses for it,
  // onnxruntime-node p50 at the same count, their ratio, and the memory the variant added to the page.
  'vit_raw_ms_wasm_fp32',
  'vit_raw_ms_wasm_fp16',
  'vit_raw_ms_wasm_int8',
  'vit_raw_ms_wasm_int4',
  'vit_raw_ms_native_fp32',
  'vit_raw_ms_native_fp16',
  'vit_raw_ms_native_int8',
  'vit_raw_ms_native_int4',
  'vit_browser_native_ratio_fp32',
  'vit_browser_native_ratio_fp16',
  'vit_browser_native_ratio_int8',
  'vit_browser_native_ratio_int4',
  'vit_memory_delta_bytes_fp32',
  'vit_memory_delta_bytes_fp16',
  'vit_memory_delta_bytes_int8',
  'vit_memory_delta_bytes_int4',
  'sketch_memory_delta_bytes_fp32',
  'sketch_memory_delta_bytes_int8',
] as const;
export type HeadlineKey = (typeof HEADLINE_KEYS)[number];

export interface HeadlineInputs {
  /** fp32 over int8 file size. */
  int8SizeRatio: number;
  /** Requests for model files during the warm loads, counted outside the page (Playwright). */
  warmLoadNetworkRequests: number;
}

/**
 * The figures `npm run bench -- --json` prints, all from one run: WASM figures at the thread count the app uses for
 * the sketch model (`*_max_threads`: with every thread), the native reference at the same thread count.
 */
export function headlineFigures(report: BenchReport, inputs: HeadlineInputs): Record<HeadlineKey, number> {
  const widest = widestWasm(report) ?? 'wasm-1';
  const appThreads = `wasm-${report.environment.sketchWasmThreads}`;
  const wasm = report.measurements.some((m) => m.backend === appThreads) ? appThreads : widest;
  const threads = Number(wasm.slice('wasm-'.length));
  const native = `native-${threads}`;
  const median = (metric: MetricId, backend: BackendId, dtype?: Dtype) => find(report, metric, backend, dtype)?.figure.median ?? Number.NaN;
  const rawFp32 = median('latency-p50-ms', wasm, 'fp32');
  const rawInt8 = median('latency-p50-ms', wasm, 'int8');
  const nativeFp32 = median('latency-p50-ms', native, 'fp32');
  const variants = variantRows(report).filter((r) => r.backend.startsWith('wasm-'));
  const variant = (model: string, v: ModelVariant) => variants.find((r) => r.model === model && r.variant === v);
  const vit = (v: ModelVariant) => variant('doodle-vit', v);
  const nan = Number.NaN;
  return {
    wasm_threads: threads,
    sketch_pps_wasm_fp32: median('predictions-per-s', wasm, 'fp32'),
    sketch_pps_wasm_int8: median('predictions-per-s', wasm, 'int8'),
    sketch_raw_ms_wasm_fp32: rawFp32,
    sketch_raw_ms_wasm_int8: rawInt8,
    sketch_pps_wasm_fp32_max_threads: median('predictions-per-s', widest, 'fp32'),
    sketch_pps_wasm_int8_max_threads: median('predictions-per-s', widest, 'int8'),
    sketch_raw_ms_native_fp32: nativeFp32,
    browser_native_ratio: ratioOf(rawFp32, nativeFp32) ?? nan,
    int8_fp32_speed_ratio_wasm: ratioOf(rawFp32, rawInt8) ?? nan,
    int8_size_ratio: inputs.int8SizeRatio,
    cold_load_ms: median('cold-load-ms', wasm, 'fp32'),
    warm_load_ms: median('warm-load-ms', wasm, 'fp32'),
    runtime_start_ms: median('runtime-start-ms', wasm, 'fp32'),
    extractive_ms_800w: median('extractive-ms', 'summarize-worker'),
    quantize_ms: median('quantize-ms', 'static'),
    warm_load_network_requests: inputs.warmLoadNetworkRequests,
    vit_raw_ms_wasm_fp32: vit('fp32')?.p50 ?? nan,
    vit_raw_ms_wasm_fp16: vit('fp16')?.p50 ?? nan,
    vit_raw_ms_wasm_int8: vit('int8')?.p50 ?? nan,
    vit_raw_ms_wasm_int4: vit('int4')?.p50 ?? nan,
    vit_raw_ms_native_fp32: vit('fp32')?.nativeP50 ?? nan,
    vit_raw_ms_native_fp16: vit('fp16')?.nativeP50 ?? nan,
    vit_raw_ms_native_int8: vit('int8')?.nativeP50 ?? nan,
    vit_raw_ms_native_int4: vit('int4')?.nativeP50 ?? nan,
    vit_browser_native_ratio_fp32: vit('fp32')?.ratio ?? nan,
    vit_browser_native_ratio_fp16: vit('fp16')?.ratio ?? nan,
    vit_browser_native_ratio_int8: vit('int8')?.ratio ?? nan,
    vit_browser_native_ratio_int4: vit('int4')?.ratio ?? nan,
    vit_memory_delta_bytes_fp32: vit('fp32')?.memoryDeltaBytes ?? nan,
    vit_memory_delta_bytes_fp16: vit('fp16')?.memoryDeltaBytes ?? nan,
    vit_memory_delta_bytes_int8: vit('int8')?.memoryDeltaBytes ?? nan,
    vit_memory_delta_bytes_int4: vit('int4')?.memoryDeltaBytes ?? nan,
    sketch_memory_delta_bytes_fp32: variant(SKETCH_MODEL, 'fp32')?.memoryDeltaBytes ?? nan,
    sketch_memory_delta_bytes_int8: variant(SKETCH_MODEL, 'int8')?.memoryDeltaBytes ?? nan,
  };
}

/**
 * The headline figures as a Markdown table (CLI and latest.md): integers as they are, others to 3 decimals; a figure
 * that was not measured (NaN, e.g. a ratio over a backend that did not run) says so instead of "NaN" or "Infinity".
 */
export function headlineMarkdown(headline: Readonly<Record<string, number>>): string {
  const value = (v: number) => (!Number.isFinite(v) ? 'not measured' : Number.isInteger(v) ? String(v) : v.toFixed(3));
  return ['| Figure | Value |', '| --- | --- |', ...Object.entries(headline).map(([key, v]) => `| ${key} | ${value(v)} |`)].join('\n');
}
