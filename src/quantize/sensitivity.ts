/**
 * Per-layer sensitivity and automatic mixed precision. Quantizing one layer at a time (every other Conv/Gemm/MatMul
 * kept fp32 through `nodes.exclude`) and comparing the outputs with the float model's shows which layers int8 hurts;
 * mixed precision then keeps the most sensitive ones in float, greedily in that order, until the quantized model
 * agrees with the float one on a target share of the samples. Pure TypeScript with an injected `ModelRunner`, so it
 * runs in Node and in the quantize worker.
 *
 * Calibration (and SmoothQuant) run once, up front: every variant is quantized from the same activation ranges.
 */
import { quantizeModel } from './quantize-model';
import { calibrationTensorNames, resolveRanges } from './calibration';
import { smoothModel } from './smooth-quant';
import { decodeModel } from './proto';
import { foldWeightTransposes, findWeightCandidates } from './weights';
import { excludedNodes, nodeId } from './exclusion';
import { meanKlDivergence, top1Agreement } from './metrics';
import { QuantizeError } from './errors';
import type { ModelRunner } from './self-check';
import type { TensorSample } from './error-bound';
import type { TensorMap } from '../types/tensor';
import type { QuantizeOptions, QuantizeReport } from './types';

export interface SensitivityOptions {
  /**
   * The quantization to measure (mode, perChannel, calibration, smoothQuant…). Nodes in `nodes.exclude` stay float
   * in every variant and are not measured; the self-check, when given, runs on the mixed-precision result only.
   */
  quantize: QuantizeOptions;
  /** Inputs the variants are compared on (e.g. the calibration drawings). */
  samples: readonly TensorMap[];
  run: ModelRunner;
  /** The output compared (logits); default the model's first output. */
  output?: string;
  onProgress?: (progress: SensitivityProgress) => void;
}

export interface SensitivityProgress {
  stage: 'calibrating' | 'reference' | 'layers' | 'mixed';
  /** Steps done / total in this stage (total 0 when unknown). */
  done: number;
  total: number;
  /** The layer just measured. */
  layer?: string;
}

/** What quantizing one layer alone does to the model's output, against the float model. */
export interface LayerSensitivity {
  /** The node (name, or first output when unnamed), as `nodes.exclude` takes it. */
  layer: string;
  op: string;
  weight: string;
  /** Share of samples (rows of the output) with the same top-1 class as the float model. */
  agreement: number;
  /** Mean KL(fp32 ‖ quantized) of the softmax outputs, nats. */
  klDivergence: number;
  /** Signal-to-quantization-noise ratio of the output: 10·log10(Σ y² / Σ (y − ŷ)²), dB (Infinity when equal). */
  sqnrDb: number;
}

export interface MixedPrecisionOptions extends SensitivityOptions {
  /** Agreement to reach, in (0, 1]; default 0.99. */
  targetAgreement?: number;
  /** A `layerSensitivity` result for the same model and options, to skip measuring it again. */
  sensitivity?: readonly LayerSensitivity[];
  /**
   * Stop only when the target is reached with this one-sided confidence (0.9, 0.95 or 0.99): the Wilson score lower
   * bound of the agreement over the compared rows must reach it, so that drawings not in `samples` agree as often.
   * Default: the agreement measured on `samples` itself must reach it (right for a handful of drawings, where no
   * bound could reach 0.99).
   */
  confidence?: WilsonConfidence;
}

/** One-sided normal quantiles z for the confidence levels `wilsonLowerBound` takes. */
const ONE_SIDED_Z = { 0.9: 1.2816, 0.95: 1.6449, 0.99: 2.3263 } as const;
export type WilsonConfidence = keyof typeof ONE_SIDED_Z;

/**
 * Lower end of the Wilson score interval for a proportion `p` measured on `n` trials, one-sided at `confidence`
 * (Wilson 1927, "Probable inference, the law of succession, and statistical inference", JASA 22). 0 when n is 0.
 */
export function wilsonLowerBound(p: number, n: number, confidence: WilsonConfidence): number {
  if (n <= 0) return 0;
  const z = ONE_SIDED_Z[confidence];
  const z2n = (z * z) / n;
  return (p + z2n / 2 - z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n);
}

export interface MixedPrecisionResult {
  /** Layers kept in float, most sensitive first. */
  keptInFloat: string[];
  agreement: number;
  klDivergence: number;
  sqnrDb: number;
  /** Size of the chosen model file. */
  bytes: number;
  /** The chosen model (the float model itself when every layer had to stay float). */
  model: Uint8Array;
  /** Its quantization report (null for the float model). */
  report: QuantizeReport | null;
  /** Whether the target was reached with at least one layer quantized. */
  reached: boolean;
  targetAgreement: number;
  /** Each model tried: how many layers were kept in float, and what it reached. */
  steps: { keptInFloat: number; agreement: number; bytes: number }[];
  sensitivity: LayerSensitivity[];
}

export const DEFAULT_TARGET_AGREEMENT = 0.99;

interface Prepared {
  /** The float model every variant is quantized from (smoothed when SmoothQuant was asked for). */
  bytes: Uint8Array;
  options: QuantizeOptions;
  /** Nodes the caller keeps in float in every variant (`quantize.nodes.exclude`); not measured. */
  excluded: readonly string[];
  layers: { layer: string; op: string; weight: string }[];
  output: string;
  reference: ArrayLike<number>[];
}

/** Rows of an output's last axis (one per sample and batch item): the vectors top-1 and softmax apply to. */
function rowsOf(samples: readonly Record<string, TensorSample>[], output: string): ArrayLike<number>[] {
  const rows: ArrayLike<number>[] = [];
  for (const sample of samples) {
    const { data, dims } = sample[output];
    const width = dims.length ? dims[dims.length - 1] : data.length;
    for (let start = 0; start < data.length; start += width) rows.push(Array.prototype.slice.call(data, start, start + width) as number[]);
  }
  return rows;
}

function sqnrDb(reference: readonly ArrayLike<number>[], candidate: readonly ArrayLike<number>[]): number {
  let signal = 0;
  let noise = 0;
  reference.forEach((row, r) => {
    for (let i = 0; i < row.length; i++) {
      signal += row[i] ** 2;
      noise += (row[i] - candidate[r][i]) ** 2;
    }
  });
  return noise === 0 ? Infinity : 10 * Math.log10(signal / noise);
}

async function prepare(bytes: Uint8Array, options: SensitivityOptions): Promise<Prepared> {
  if (options.samples.length === 0) throw new QuantizeError('invalid-options', 'Sensitivity needs at least one sample to compare the models on.');
  const progress = options.onProgress ?? (() => {});
  const onSample = (done: number) => progress({ stage: 'calibrating', done, total: 0 });
  let quantize: QuantizeOptions = { ...options.quantize, selfCheck: undefined, nodes: undefined };
  const excluded = options.quantize.nodes?.exclude ?? [];
  let floatBytes = bytes;
  if (quantize.smoothQuant) {
    floatBytes = (await smoothModel(bytes, quantize, onSample)).bytes;
    quantize = { ...quantize, smoothQuant: undefined };
  }
  if (quantize.mode === 'static' && quantize.calibration && 'run' in quantize.calibration) {
    const { ranges, sampleCount } = await resolveRanges(floatBytes, calibrationTensorNames(floatBytes), quantize.calibration, onSample);
    quantize = { ...quantize, calibration: { ranges, sampleCount, minSamples: quantize.calibration.minSamples } };
  }
  const graph = decodeModel(floatBytes).graph!;
  const kept = excludedNodes(graph, excluded);
  foldWeightTransposes(graph);
  const layers = findWeightCandidates(graph)
    .candidates.flatMap((candidate) => candidate.consumers.map((node) => ({ layer: nodeId(node), op: node.opType ?? '', weight: candidate.name })))
    .filter(({ layer }) => !kept.has(layer));
  if (layers.length === 0) throw new QuantizeError('no-float-weights', 'This model has no Conv, Gemm or MatMul with a stored float weight, so there are no layers to compare.');
  const output = options.output ?? graph.output?.[0]?.name ?? '';
  progress({ stage: 'reference', done: 0, total: 1 });
  const reference = rowsOf(await options.run(bytes, options.samples, [output]), output);
  progress({ stage: 'reference', done: 1, total: 1 });
  return { bytes: floatBytes, options: quantize, excluded, layers, output, reference };
}

/** Quantizes with `keptInFloat` excluded and measures the result against the float outputs. */
async function measure(prepared: Prepared, options: SensitivityOptions, keptInFloat: readonly string[], selfCheck = false) {
  const result = await quantizeModel(prepared.bytes, {
    ...prepared.options,
    nodes: { exclude: [...prepared.excluded, ...keptInFloat] },
    ...(selfCheck ? { selfCheck: options.quantize.selfCheck } : {}),
  });
  const candidate = rowsOf(await options.run(result.bytes, options.samples, [prepared.output]), prepared.output);
  return {
    result,
    agreement: top1Agreement(prepared.reference, candidate),
    klDivergence: meanKlDivergence(prepared.reference, candidate),
    sqnrDb: sqnrDb(prepared.reference, candidate),
  };
}

function bySensitivity(a: LayerSensitivity, b: LayerSensitivity): number {
  return a.agreement - b.agreement || b.klDivergence - a.klDivergence || a.sqnrDb - b.sqnrDb;
}

async function measureLayers(prepared: Prepared, options: SensitivityOptions): Promise<LayerSensitivity[]> {
  const results: LayerSensitivity[] = [];
  const all = prepared.layers.map((l) => l.layer);
  for (const [index, layer] of prepared.layers.entries()) {
    const { agreement, klDivergence, sqnrDb } = await measure(prepared, options, all.filter((name) => name !== layer.layer));
    results.push({ ...layer, agreement, klDivergence, sqnrDb });
    options.onProgress?.({ stage: 'layers', done: index + 1, total: prepared.layers.length, layer: layer.layer });
  }
  return results.sort(bySensitivity);
}

/**
 * Quantizes each Conv/Gemm/MatMul layer alone and measures agreement, KL and SQNR of the output against the float
 * model on `samples`. Returns the layers most sensitive first (lowest agreement, then highest KL, then lowest SQNR).
 * Throws QuantizeError as `quantizeModel` does, and 'invalid-options' for no samples.
 */
export async function layerSensitivity(bytes: Uint8Array, options: SensitivityOptions): Promise<LayerSensitivity[]> {
  return measureLayers(await prepare(bytes, options), options);
}

/**
 * Automatic mixed precision: starting from every layer quantized, keeps the most sensitive layers (per
 * `layerSensitivity`) in float one more at a time until the top-1 agreement with the float model on `samples`
 * reaches `targetAgreement` (with `confidence`: its Wilson lower bound does). Not reached, with the float model
 * returned, when every layer would have to stay float or the model that reaches it is no smaller than the float one.
 * The chosen model is self-checked when `quantize.selfCheck` is given.
 */
export async function mixedPrecision(bytes: Uint8Array, options: MixedPrecisionOptions): Promise<MixedPrecisionResult> {
  const targetAgreement = options.targetAgreement ?? DEFAULT_TARGET_AGREEMENT;
  if (!(targetAgreement > 0 && targetAgreement <= 1)) {
    throw new QuantizeError('invalid-options', `The target agreement must be above 0 and at most 1; got ${targetAgreement}.`);
  }
  const prepared = await prepare(bytes, options);
  const sensitivity = options.sensitivity ? [...options.sensitivity] : await measureLayers(prepared, options);
  const order = sensitivity.map((s) => s.layer);
  const steps: MixedPrecisionResult['steps'] = [];
  for (let kept = 0; kept < order.length; kept++) {
    const keptInFloat = order.slice(0, kept);
    let step = await measure(prepared, options, keptInFloat);
    options.onProgress?.({ stage: 'mixed', done: kept + 1, total: order.length, layer: order[kept - 1] });
    steps.push({ keptInFloat: kept, agreement: step.agreement, bytes: step.result.bytes.byteLength });
    // A model no smaller than the float one is no gain: the float model (agreement 1) is the answer then.
    if (step.result.bytes.byteLength >= bytes.byteLength) break;
    const agreementBound = options.confidence ? wilsonLowerBound(step.agreement, prepared.reference.length, options.confidence) : step.agreement;
    if (agreementBound >= targetAgreement) {
      // Self-checked only once chosen (quantizing is deterministic: the same model again).
      if (options.quantize.selfCheck) step = await measure(prepared, options, keptInFloat, true);
      return {
        keptInFloat,
        agreement: step.agreement,
        klDivergence: step.klDivergence,
        sqnrDb: step.sqnrDb,
        bytes: step.result.bytes.byteLength,
        model: step.result.bytes,
        report: step.result.report,
        reached: true,
        targetAgreement,
        steps,
        sensitivity,
      };
    }
  }
  return {
    keptInFloat: order,
    agreement: 1,
    klDivergence: 0,
    sqnrDb: Infinity,
    bytes: bytes.byteLength,
    model: bytes,
    report: null,
    reached: false,
    targetAgreement,
    steps,
    sensitivity,
  };
}
