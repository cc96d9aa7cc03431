// The benchmark's words in the interface language: metric titles, backend names, settings, the run's status, notes
// and "N× faster" findings. src/bench keeps English for the CLI and the Markdown table; the page shows these.
import { msg, str } from '@lit/localize';
import { formatNumber } from '../../ui/format';
import type { ChartText } from '../../bench/chart-data';
import { MEMORY_API, variantLabel, type BackendId, type BenchNote, type BenchPart, type Comparison, type Measurement, type MetricId, type VariantRow } from '../../bench/results';
import { formatBytesDelta, formatSignedBytes } from '../../bench/memory';
import { modelName } from '../../ui/model-name';
import { formatBytes } from '../../util/format-bytes';
import type { BenchStatus } from '../../bench/runner';
import type { BackendChoice, BenchSetting } from '../../bench/settings';
import type { Figure } from '../../bench/stats';

export function metricTitle(metric: MetricId): string {
  switch (metric) {
    case 'runtime-start-ms':
      return msg('WASM runtime start (first load − warm load)', { id: 'bench.metric.runtime-start' });
    case 'cold-load-ms':
      return msg('Model load, cold (empty cache, runtime started)', { id: 'bench.metric.cold-load' });
    case 'warm-load-ms':
      return msg('Model load, warm (IndexedDB cache, runtime started)', { id: 'bench.metric.warm-load' });
    case 'warm-load-downloads':
      return msg('Files downloaded during the warm load', { id: 'bench.metric.warm-downloads' });
    case 'latency-p50-ms':
      return msg('Raw inference latency p50 (session run, timed in the worker)', { id: 'bench.metric.latency-p50' });
    case 'latency-p95-ms':
      return msg('Raw inference latency p95 (session run, timed in the worker)', { id: 'bench.metric.latency-p95' });
    case 'roundtrip-p50-ms':
      return msg('Inference round trip p50 (page → worker → page)', { id: 'bench.metric.roundtrip' });
    case 'predictions-per-s':
      return msg('Doodle predictions/s end to end (strokes → top-5 shown)', { id: 'bench.metric.pps' });
    case 'prediction-ms':
      return msg('Doodle prediction time (rasterise + model + top-5)', { id: 'bench.metric.prediction' });
    case 'rasterise-ms':
      return msg('Rasterise a drawing to 28×28 (main thread)', { id: 'bench.metric.rasterise' });
    case 'extractive-ms':
      return msg('Extractive summary of an 800-word article (worker round trip)', { id: 'bench.metric.extractive' });
    case 'quantize-ms':
      return msg('Quantize the fp32 sketch model (quantize worker)', { id: 'bench.metric.quantize' });
    case 'abstractive-words-per-s':
      return msg('Abstractive summary of a 300-word article, streamed words/s', { id: 'bench.metric.abstractive' });
    case 'model-p50-ms':
      return msg('Raw inference latency p50 of a model variant (fresh worker, timed in the worker)', { id: 'bench.metric.model-p50' });
    case 'memory-bytes':
      return msg('Memory after loading and running the variant (measureUserAgentSpecificMemory)', { id: 'bench.metric.memory' });
    case 'memory-delta-bytes':
      return msg('Memory added by the variant (over the page before any model loaded)', { id: 'bench.metric.memory-delta' });
  }
}

/** "WASM · 2 threads", "WebGPU", "summarize worker"… */
export function backendName(backend: BackendId): string {
  const wasm = /^wasm-(\d+)$/.exec(backend);
  if (wasm) return wasm[1] === '1' ? msg('WASM · 1 thread', { id: 'bench.backend.wasm-one' }) : msg(str`WASM · ${wasm[1]} threads`, { id: 'bench.backend.wasm-many' });
  const native = /^native-(\d+)$/.exec(backend);
  if (native) return msg(str`onnxruntime-node · ${native[1]} threads`, { id: 'bench.backend.native' });
  switch (backend) {
    case 'webgpu':
      return 'WebGPU';
    case 'main-thread':
      return msg('main thread', { id: 'bench.backend.main-thread' });
    case 'summarize-worker':
      return msg('summarize worker', { id: 'bench.backend.summarize-worker' });
    case 'summarize-engine':
      return msg('summarize engine', { id: 'bench.backend.summarize-engine' });
    case 'static':
      return msg('static', { id: 'bench.backend.static' });
    case 'weight-only':
      return msg('weight only', { id: 'bench.backend.weight-only' });
    default:
      return backend.replace(/-/g, ' ');
  }
}

export function settingTitle(setting: BenchSetting): string {
  return setting.name === 'quick'
    ? msg(str`Quick (${setting.repetitions} repetitions, short runs)`, { id: 'bench.setting.quick' })
    : msg(str`Standard (${setting.repetitions} repetitions)`, { id: 'bench.setting.standard' });
}

export function backendChoiceTitle(choice: BackendChoice): string {
  switch (choice) {
    case 'all':
      return msg('Every backend available here', { id: 'bench.choice.all' });
    case 'wasm':
      return msg('WASM only', { id: 'bench.choice.wasm' });
    case 'webgpu':
      return msg('WebGPU only', { id: 'bench.choice.webgpu' });
  }
}

export function statusText(status: BenchStatus): string {
  switch (status.step) {
    case 'loading':
      return msg(str`Loading the sketch model on ${backendName(status.backend)} (repetition ${status.repetition} of ${status.repetitions})…`, { id: 'bench.status.loading' });
    case 'timing':
      return msg(str`Timing raw inference of ${status.dtype} on ${backendName(status.backend)}…`, { id: 'bench.status.timing' });
    case 'drawing':
      return msg(str`Drawing with a synthetic pen: live predictions of ${status.dtype} on ${backendName(status.backend)}…`, { id: 'bench.status.drawing' });
    case 'variant':
      return msg(str`Timing ${modelName(status.modelId)} ${variantLabel(status.variant)} on ${backendName(status.backend)} in a fresh worker…`, { id: 'bench.status.variant' });
    case 'memory-baseline':
      return msg('Measuring the page’s memory before loading any model (the browser may take up to 20 s)…', { id: 'bench.status.memory-baseline' });
    case 'variant-memory':
      return msg(str`Measuring memory after ${modelName(status.modelId)} ${variantLabel(status.variant)} (the browser may take up to 20 s)…`, { id: 'bench.status.variant-memory' });
    case 'extractive':
      return msg(str`Summarizing a ${status.words}-word article (extractive)…`, { id: 'bench.status.extractive' });
    case 'quantizing':
      return msg('Quantizing the fp32 sketch model in the quantize worker…', { id: 'bench.status.quantizing' });
    case 'abstractive':
      return msg(str`Summarizing with ${modelName(status.modelId)} (${status.dtype}, from the cache)…`, { id: 'bench.status.abstractive' });
    case 'done':
      return msg('Done.', { id: 'bench.status.done' });
  }
}

function partName(part: BenchPart): string {
  switch (part) {
    case 'sketch':
      return msg('The sketch model', { id: 'bench.part.sketch' });
    case 'variants':
      return msg('The model variants', { id: 'bench.part.variants' });
    case 'extractive':
      return msg('Extractive summarization', { id: 'bench.part.extractive' });
    case 'quantizer':
      return msg('The quantizer', { id: 'bench.part.quantizer' });
    case 'abstractive':
      return msg('Abstractive summarization', { id: 'bench.part.abstractive' });
  }
}

export function noteLine(note: BenchNote): string {
  switch (note.code) {
    case 'not-loaded':
      if (note.model) return msg(str`${backendName(note.backend)} could not load ${modelName(note.model)} ${note.dtype} (${note.why}), so it was not measured.`, { id: 'bench.note.not-loaded-model' });
      return msg(str`${backendName(note.backend)} could not load the sketch model ${note.dtype} (${note.why}), so it was not measured.`, { id: 'bench.note.not-loaded' });
    case 'no-webgpu':
      return msg('This browser offers no WebGPU adapter, so WebGPU was not measured.', { id: 'bench.note.no-webgpu' });
    case 'not-isolated':
      return msg('The page is not cross-origin isolated, so WASM runs on one thread only.', { id: 'bench.note.not-isolated' });
    case 'part-failed': {
      const what = note.backend ? msg(str`${partName(note.part)} on ${backendName(note.backend)}`, { id: 'bench.part.on' }) : partName(note.part);
      return msg(str`${what} could not be measured: ${note.message}`, { id: 'bench.note.part-failed' });
    }
    case 'no-summarizer':
      return msg('No summarization model is cached in this browser, so abstractive speed was not measured.', { id: 'bench.note.no-summarizer' });
    case 'variants-not-on-software-gpu':
      return msg('WebGPU runs on a software adapter here (tens of ms or more per run), so the model variants were not timed on WebGPU.', { id: 'bench.note.variants-software-gpu' });
    case 'no-memory':
      return msg(str`This browser does not report memory (${MEMORY_API} needs a cross-origin isolated Chromium page), so memory was not measured.`, { id: 'bench.note.no-memory' });
    case 'text':
      return note.text;
  }
}

function measured(m: Measurement): string {
  return m.dtype ? `${backendName(m.backend)} ${m.dtype}` : backendName(m.backend);
}

export function comparisonLine(c: Comparison): string {
  const metric = c.metric === 'latency-p50-ms' ? msg('raw latency p50', { id: 'bench.compare.latency' }) : msg('doodle predictions/s', { id: 'bench.compare.pps' });
  const scope = c.between === 'dtypes' ? msg('int8 vs fp32', { id: 'bench.compare.dtypes' }) : (c.winner.dtype ?? '');
  const [winner, loser] = [measured(c.winner), measured(c.loser)];
  if (c.tie) return msg(str`${winner} and ${loser} are about as fast (${metric}, ${scope}).`, { id: 'bench.compare.tie' });
  return msg(str`${winner} is ${formatNumber(c.ratio, 1)}× faster than ${loser} (${metric}, ${scope}).`, { id: 'bench.compare.faster' });
}

/** Three significant-ish digits, as the Markdown table has them, in the interface locale. */
function value(v: number): string {
  const abs = Math.abs(v);
  return formatNumber(v, abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

export function unitText(unit: string): string {
  return unit === 'files' ? msg('files', { id: 'bench.unit.files' }) : unit;
}

export function figureText(figure: Figure, unit: string): string {
  if (unit === 'bytes') return formatSignedBytes(figure.median, formatBytes);
  return `${value(figure.median)} ${unitText(unit)}`;
}

export function spreadText(figure: Figure, unit?: string): string {
  if (unit === 'bytes') return msg(str`${formatSignedBytes(figure.min, formatBytes)} to ${formatSignedBytes(figure.max, formatBytes)}`, { id: 'bench.bytes-range' });
  return `${value(figure.min)}–${value(figure.max)}`;
}

/** A variant row's cells in the interface language: latencies in ms, the ratio, memory (or that it is not reported). */
export function variantCells(row: VariantRow): { p50: string; nativeP50: string; ratio: string; memory: string; memoryAdded: string } {
  const ms = (v: number | undefined) => (v === undefined ? '—' : `${formatNumber(v, 3)} ms`);
  const notReported = () => msg('not reported by this browser', { id: 'bench.memory.not-reported' });
  return {
    p50: ms(row.p50),
    nativeP50: ms(row.nativeP50),
    ratio: row.ratio === undefined ? '—' : `${formatNumber(row.ratio, 2)}×`,
    memory: row.memoryBytes === undefined ? notReported() : formatBytes(row.memoryBytes),
    memoryAdded: row.memoryDeltaBytes === undefined ? notReported() : formatBytesDelta(row.memoryDeltaBytes, formatBytes),
  };
}

export function chartText(): ChartText {
  return {
    backend: backendName,
    spread: (figure, unit) => msg(str`spread ${spreadText(figure)} ${unitText(unit)}, n = ${figure.n}`, { id: 'bench.chart.spread' }),
  };
}
