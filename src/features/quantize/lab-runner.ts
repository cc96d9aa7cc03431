/**
 * Runs a comparison: every variant in its own inference worker (one InferenceClient each) on the backend chosen in
 * the header, the fp32 reference against each candidate on the same drawings; and names that backend.
 */
import { msg, str } from '@lit/localize';
import { sketchInputShape } from '../../sketch';
import { probeCapabilities } from '../../runtime/capabilities';
import { findModel } from '../../runtime/catalog';
import { recommend } from '../../runtime/recommend';
import type { Settings } from '../../runtime/settings';
import type { FileProgress } from '../../runtime/protocol';
import { InferenceClient, type ModelInfo } from '../../runtime/worker-client';
import { comparisonClasses, type ComparisonClasses } from './class-names';
import { compareModels, type LogitsRunner } from './compare';
import type { VariantResult, LoadSource } from './comparison-table';
import { toModelSamples, type EvalDrawing } from './eval-samples';
import { checkSketchInput, type LabModel, type LabVariant } from './lab-variants';
import { perClassAccuracy, type Logits } from '../../quantize/metrics';
import { summarizeLatencies } from '../../util/percentile';

export interface LoadedVariant {
  variant: LabVariant;
  client: InferenceClient;
  info: ModelInfo;
  bytes: number;
  firstLoadMs: number;
  firstLoadSource: LoadSource;
  reloadMs: number;
  run: LogitsRunner;
}

/** Loads one variant twice in a fresh worker: a first (cold) load, then a reload from the cache. */
export async function loadVariant(model: LabModel, variant: LabVariant, onStatus: (text: string) => void): Promise<LoadedVariant> {
  const client = new InferenceClient(`quantize lab · ${variant.name}`);
  const files = new Map<string, FileProgress>();
  const options = {
    modelId: model.catalogModel ? model.id : (model.opened?.name ?? variant.name),
    dtype: variant.dtype,
    bytes: variant.stored?.bytes,
    onProgress: (p: FileProgress) => files.set(p.file, p),
  };
  try {
    onStatus(msg(str`Loading ${variant.name}…`, { id: 'quantize.status.loading' }));
    let started = performance.now();
    const info = await client.load(options);
    const firstLoadMs = performance.now() - started;
    checkSketchInput(info, `${model.title} (${variant.name})`);
    const onnxFiles = [...files.values()].filter((f) => f.file.endsWith('.onnx'));
    const firstLoadSource: LoadSource = variant.stored ? 'bytes' : onnxFiles.every((f) => f.fromCache) ? 'cache' : 'network';
    started = performance.now();
    await client.load({ ...options, onProgress: undefined });
    const reloadMs = performance.now() - started;
    const bytes = variant.bytes ?? onnxFiles.reduce((sum, f) => sum + f.total, 0);
    const inputName = info.inputNames[0]!;
    const outputName = info.outputNames[0]!;
    const run: LogitsRunner = async (input) => (await client.run({ [inputName]: { type: 'float32', data: input, dims: sketchInputShape(1) } }, { outputs: [outputName] }))[outputName]!.data as Float32Array;
    return { variant, client, info, bytes, firstLoadMs, firstLoadSource, reloadMs, run };
  } catch (error) {
    client.terminate();
    throw error;
  }
}

export interface ComparisonRun {
  results: VariantResult[];
  classNames: string[];
  /** Where the class names came from (config, assumed sketch classes, or numbered). */
  classSource: ComparisonClasses['source'];
  /** Labels of the drawings that the model has no class for (compared, not counted for accuracy). */
  unknownLabels: string[];
}

/**
 * Compares the reference with each candidate on `drawings`. Class names come from `comparisonClasses` (the model's
 * config, else `sketchClasses` when the output size matches, else numbered classes).
 */
export async function runComparison(
  model: LabModel,
  reference: LabVariant,
  candidates: readonly LabVariant[],
  drawings: readonly EvalDrawing[],
  samplesDescription: string,
  sketchClasses: readonly string[],
  onStatus: (text: string) => void,
): Promise<ComparisonRun> {
  if (candidates.length === 0) throw new Error(msg('Tick at least one int8 variant to compare with fp32.', { id: 'quantize.error.noCandidate' }));
  if (drawings.length === 0) throw new Error(msg('There are no drawings to compare on: choose another sample set or add drawings.', { id: 'quantize.error.noDrawings' }));
  const loaded: LoadedVariant[] = [];
  try {
    const ref = await loadVariant(model, reference, onStatus);
    loaded.push(ref);
    const probe = await ref.run(toModelSamples(drawings.slice(0, 1), []).samples[0]!.input);
    const classes = comparisonClasses(ref.info.config, probe.length, sketchClasses);
    const classNames = classes.names;
    const referenceOutputs: Logits[] = [];
    const referenceTimes: number[] = [];
    const results: VariantResult[] = [];
    let unknownLabels: string[] = [];
    await warmUp(ref, drawings);
    for (const candidate of candidates) {
      const cand = await loadVariant(model, candidate, onStatus);
      loaded.push(cand);
      await warmUp(cand, drawings);
      const prepared = toModelSamples(drawings, classNames);
      unknownLabels = prepared.unknownLabels;
      const comparison = await compareModels(ref.run, cand.run, prepared.samples, (done, total) => {
        if (done % 8 === 0 || done === total) onStatus(msg(str`Comparing ${candidate.name} with fp32: ${done} / ${total} drawings`, { id: 'quantize.status.comparing' }));
      });
      const labelled = prepared.samples.flatMap((s, i) => (s.label === undefined ? [] : [{ i, label: s.label }]));
      const perClass = (outputs: Logits[]) =>
        labelled.length === 0 ? null : perClassAccuracy(labelled.map(({ i }) => outputs[i]!), labelled.map(({ label }) => label), classNames.length);
      if (referenceOutputs.length === 0) referenceOutputs.push(...comparison.referenceOutputs);
      referenceTimes.push(...comparison.referenceTimesMs);
      results.push({
        ...measured(cand, ref.bytes, samplesDescription),
        latency: comparison.candidateLatency,
        timesMs: comparison.candidateTimesMs,
        agreement: comparison.top1Agreement,
        klDivergence: comparison.meanKlDivergence,
        accuracy: comparison.candidateAccuracy,
        perClass: perClass(comparison.candidateOutputs),
      });
      // One candidate worker at a time: idle sessions would still hold memory and WASM threads.
      cand.client.terminate();
      if (results.length === 1) {
        results.unshift({
          ...measured(ref, ref.bytes, samplesDescription),
          latency: summarizeLatencies(referenceTimes),
          timesMs: referenceTimes,
          agreement: null,
          klDivergence: null,
          accuracy: comparison.referenceAccuracy,
          perClass: perClass(referenceOutputs),
        });
      }
    }
    // The reference ran once per candidate: its latency summary covers every run.
    results[0] = { ...results[0]!, latency: summarizeLatencies(referenceTimes), timesMs: referenceTimes };
    return { results, classNames, classSource: classes.source, unknownLabels };
  } finally {
    for (const l of loaded) l.client.terminate();
  }
}

/** The first runs of a fresh session pay one-off costs (allocation, JIT); they are run but not timed. */
export const WARM_UP_RUNS = 3;

async function warmUp(loaded: LoadedVariant, drawings: readonly EvalDrawing[]): Promise<void> {
  const { samples } = toModelSamples(drawings.slice(0, WARM_UP_RUNS), []);
  for (const sample of samples) await loaded.run(sample.input);
}

function measured(loaded: LoadedVariant, referenceBytes: number, samples: string) {
  return {
    variantId: loaded.variant.id,
    name: loaded.variant.name,
    device: loaded.info.device,
    isReference: loaded.variant.isReference,
    bytes: loaded.bytes,
    referenceBytes,
    firstLoadMs: loaded.firstLoadMs,
    firstLoadSource: loaded.firstLoadSource,
    reloadMs: loaded.reloadMs,
    samples,
  };
}

/** The backend the lab's workers will use: the header's choice, with Auto resolved the way the workers resolve it. */
export async function describeDevice(settings: Settings): Promise<string> {
  const model = findModel('doodle-cnn');
  const device = settings.device === 'auto' && model ? recommend(model, await probeCapabilities(), { device: 'auto', dtype: 'auto' }).device : settings.device;
  const name = device === 'webgpu' ? 'WebGPU' : 'WASM';
  return settings.device === 'auto' ? msg(str`${name} (Auto)`, { id: 'quantize.device.auto' }) : name;
}
