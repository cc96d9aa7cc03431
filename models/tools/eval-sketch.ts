/**
 * Evaluates the bundled sketch classifier (fp32 and int8 ONNX) on Quick, Draw! bitmaps.
 *
 *   npm run eval:sketch -- --data <dir> [--from-row K] [--strokes <dir>] [--timing RUNS] [--write-metrics] [--json]
 *
 * <dir> holds <class>.npy files (uint8 [N, 784], ink high). Every class the model knows is scored; others are
 * reported and skipped. --from-row K scores only rows ≥ K of each file (our held-out split is --from-row 2250 of
 * the shared training files). --strokes scores rasterised stroke drawings (<class>.ndjson) too. --json ends the output
 * with one JSON line. --write-metrics stores the results in <model>/metrics.json (for the game and the model card)
 * and the top-1/top-5 per dtype in models/catalog.json.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bitmapToInput } from '../../src/sketch/model-input';
import { labelsFromConfig } from '../../src/sketch/predictions';
import { rasteriseStrokes } from '../../src/sketch/rasterise';
import { parseQuickDrawNdjson } from '../../src/sketch/quickdraw-ndjson';
import { SKETCH_INPUT_SPEC } from '../../src/sketch/input-spec';
import { parseCatalog } from '../../src/runtime/catalog';
import { loadBitmapFolder } from './sketch-data';
import { classifyBatch, loadSketchModel, medianSingleInferenceMs, type LoadedSketchModel } from './sketch-onnx';
import { scoreLogits, type SketchScores } from './sketch-scores';
import { top1Agreement } from '../../src/quantize/metrics';

const PIXELS = SKETCH_INPUT_SPEC.size * SKETCH_INPUT_SPEC.size;

interface DtypeResult {
  readonly file: string;
  readonly bytes: number;
  readonly scores: SketchScores;
  readonly logits: Float32Array[];
  readonly strokes?: SketchScores;
  readonly inferenceMs?: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      model: { type: 'string', default: 'models/doodle-cnn' },
      'from-row': { type: 'string', default: '0' },
      strokes: { type: 'string' },
      timing: { type: 'string', default: '0' },
      'write-metrics': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.data) throw new Error('Missing --data <dir>: a folder of <class>.npy files (uint8 [N, 784]).');
  const fromRow = Number(values['from-row']);
  const timingRuns = Number(values.timing);
  if (!Number.isInteger(fromRow) || fromRow < 0) throw new Error(`--from-row must be a whole number ≥ 0, got "${values['from-row']}".`);
  if (!Number.isInteger(timingRuns) || timingRuns < 0) throw new Error(`--timing must be a whole number ≥ 0, got "${values.timing}".`);

  const modelDir = resolve(values.model);
  const labels = await readLabels(join(modelDir, 'config.json'));
  const data = await loadBitmapFolder(resolve(values.data), labels, fromRow);
  const inputs = new Float32Array(data.truth.length * PIXELS);
  for (let i = 0; i < data.truth.length; i++) {
    bitmapToInput(data.bitmaps.subarray(i * PIXELS, (i + 1) * PIXELS), SKETCH_INPUT_SPEC, inputs, i * PIXELS);
  }
  const strokeSet = values.strokes ? await loadStrokeInputs(resolve(values.strokes), labels) : undefined;

  const evaluate = async (file: string): Promise<DtypeResult> => {
    const model = await loadSketchModel(join(modelDir, file));
    const logits = await classifyBatch(model, inputs, data.truth.length);
    return {
      file,
      bytes: model.bytes,
      logits,
      scores: scoreLogits(logits, data.truth, labels),
      strokes: strokeSet && scoreLogits(await classifyBatch(model, strokeSet.inputs, strokeSet.truth.length), strokeSet.truth, labels),
      inferenceMs: timingRuns > 0 ? await timeOne(model, inputs, timingRuns) : undefined,
    };
  };
  const fp32 = await evaluate('onnx/model.onnx');
  const int8File = 'onnx/model_quantized.onnx';
  const int8 = existsSync(join(modelDir, int8File)) ? await evaluate(int8File) : undefined;
  const agreement = int8 ? top1Agreement(fp32.logits, int8.logits) : undefined;

  printReport(labels, data.skipped, fromRow, fp32, int8, agreement);
  if (values['write-metrics']) {
    const metricsPath = join(modelDir, 'metrics.json');
    await writeFile(metricsPath, `${JSON.stringify(metricsJson(values.data, fromRow, fp32, int8, agreement), null, 2)}\n`);
    console.log(`Wrote ${metricsPath}`);
    await recordCatalogQuality(modelDir, fp32, int8, agreement);
  }
  if (values.json) {
    const summary = (r: DtypeResult | undefined) => r && { top1: round(r.scores.top1), top5: round(r.scores.top5), bytes: r.bytes };
    console.log(JSON.stringify({ n: fp32.scores.n, classes: Object.keys(fp32.scores.perClass).length, fp32: summary(fp32), int8: summary(int8) ?? null, agreement: agreement === undefined ? null : round(agreement) }));
  }
}

async function readLabels(configPath: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch {
    throw new Error(`Cannot read ${configPath}: train the model first (npm run train:sketch).`);
  }
  try {
    return labelsFromConfig(JSON.parse(text) as { id2label?: Record<string, string> });
  } catch (error) {
    throw new Error(`${configPath}: ${(error as Error).message}`);
  }
}

async function loadStrokeInputs(dir: string, labels: readonly string[]): Promise<{ inputs: Float32Array; truth: number[] }> {
  const files = (await readdir(dir).catch(() => { throw new Error(`The strokes folder ${dir} does not exist.`); })).filter((f) => f.endsWith('.ndjson'));
  const bitmaps: Uint8Array[] = [];
  const truth: number[] = [];
  for (const file of files) {
    const label = labels.indexOf(file.slice(0, -'.ndjson'.length));
    if (label < 0) continue;
    const path = join(dir, file);
    for (const drawing of parseQuickDrawNdjson(await readFile(path, 'utf8'), path)) {
      const bitmap = rasteriseStrokes(drawing.strokes);
      if (bitmap) {
        bitmaps.push(bitmap);
        truth.push(label);
      }
    }
  }
  if (truth.length === 0) throw new Error(`The strokes folder ${dir} holds no drawings of classes the model knows.`);
  const inputs = new Float32Array(truth.length * PIXELS);
  bitmaps.forEach((bitmap, i) => bitmapToInput(bitmap, SKETCH_INPUT_SPEC, inputs, i * PIXELS));
  return { inputs, truth };
}

function timeOne(model: LoadedSketchModel, inputs: Float32Array, runs: number): Promise<number> {
  return medianSingleInferenceMs(model, inputs.slice(0, PIXELS), runs);
}

function printReport(labels: readonly string[], skipped: readonly string[], fromRow: number, fp32: DtypeResult, int8: DtypeResult | undefined, agreement: number | undefined): void {
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`.padStart(7);
  console.log(`Sketch classifier: ${fp32.scores.n} drawings${fromRow ? ` (rows ≥ ${fromRow} of each file)` : ''}, ${Object.keys(fp32.scores.perClass).length} of ${labels.length} classes`);
  if (skipped.length) console.log(`Skipped (unknown to the model): ${skipped.join(', ')}`);
  if (!int8) console.log('int8: onnx/model_quantized.onnx not found (npm run quantize:sketch makes it) — fp32 only.');
  console.log(`\n${'class'.padEnd(16)}${'n'.padStart(6)}${'fp32'.padStart(8)}${int8 ? 'int8'.padStart(8) : ''}`);
  for (const [label, score] of Object.entries(fp32.scores.perClass)) {
    console.log(`${label.padEnd(16)}${String(score.n).padStart(6)} ${pct(score.top1)}${int8 ? ` ${pct(int8.scores.perClass[label].top1)}` : ''}`);
  }
  console.log('');
  for (const r of [fp32, int8]) {
    if (!r) continue;
    const name = r === fp32 ? 'fp32' : 'int8';
    console.log(`${name}: top-1 ${pct(r.scores.top1)}  top-5 ${pct(r.scores.top5)}  ${r.bytes.toLocaleString('en')} bytes (${r.file})` +
      (r.strokes ? `  strokes→rasteriser top-1 ${pct(r.strokes.top1)} (n=${r.strokes.n})` : '') +
      (r.inferenceMs !== undefined ? `  single inference ${r.inferenceMs.toFixed(3)} ms median (onnxruntime-node, 1 thread)` : ''));
  }
  if (int8 && agreement !== undefined) {
    console.log(`fp32↔int8 top-1 agreement ${pct(agreement)}; int8 is ${(fp32.bytes / int8.bytes).toFixed(2)}× smaller`);
  }
  console.log('\nMost confused (actual → predicted by fp32):');
  for (const pair of fp32.scores.confusedPairs) console.log(`  ${pair.actual} → ${pair.predicted}: ${pair.count}`);
}

function metricsJson(dataDir: string, fromRow: number, fp32: DtypeResult, int8: DtypeResult | undefined, agreement: number | undefined) {
  const perClass = (s: SketchScores) => Object.fromEntries(Object.entries(s.perClass).map(([label, v]) => [label, round(v.top1)]));
  const dtype = (r: DtypeResult) => ({
    file: r.file,
    bytes: r.bytes,
    top1: round(r.scores.top1),
    top5: round(r.scores.top5),
    perClassTop1: perClass(r.scores),
    ...(r.strokes && { strokes: { n: r.strokes.n, top1: round(r.strokes.top1), top5: round(r.strokes.top5) } }),
    ...(r.inferenceMs !== undefined && { inferenceMsMedian: round(r.inferenceMs) }),
  });
  return {
    evaluatedOn: `${dataDir}, rows ≥ ${fromRow} of each class`,
    n: fp32.scores.n,
    top1: round(fp32.scores.top1),
    top5: round(fp32.scores.top5),
    perClassTop1: perClass(fp32.scores),
    confusedPairs: fp32.scores.confusedPairs,
    dtypes: { fp32: dtype(fp32), ...(int8 && { int8: dtype(int8) }) },
    ...(agreement !== undefined && { agreement: round(agreement) }),
  };
}

/** Measured quality per dtype goes into the model's catalog entry, where the runtime picks dtypes from. */
async function recordCatalogQuality(modelDir: string, fp32: DtypeResult, int8: DtypeResult | undefined, agreement: number | undefined): Promise<void> {
  const catalogPath = join(modelDir, '..', 'catalog.json');
  const id = basename(modelDir);
  const catalog = parseCatalog(JSON.parse(await readFile(catalogPath, 'utf8')));
  const entry = catalog.models.find((model) => model.id === id);
  if (!entry) {
    console.warn(`${catalogPath} has no model "${id}": quality not recorded there.`);
    return;
  }
  const quality = (r: DtypeResult) => ({ top1: round(r.scores.top1), top5: round(r.scores.top5), ...(r.strokes && { strokesTop1: round(r.strokes.top1) }) });
  if (entry.dtypes.fp32) entry.dtypes.fp32.quality = quality(fp32);
  if (entry.dtypes.int8 && int8) entry.dtypes.int8.quality = { ...quality(int8), ...(agreement !== undefined && { agreementWithFp32: round(agreement) }) };
  await writeFile(catalogPath, `${JSON.stringify(catalog, null, 2)}\n`);
  console.log(`Recorded quality in ${catalogPath} (run npm run catalog after changing model files).`);
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

main().catch((error: Error) => {
  console.error(`eval:sketch: ${error.message}`);
  process.exitCode = 1;
});
