import { onnx, decodeModel, encodeModel } from './proto';
import { QuantizeError } from './errors';
import { floatValueInfo, graphOutputNames, initializerMap } from './graph';
import { WEIGHT_OPS } from './weights';
import { nodeId } from './exclusion';
import { HistogramCollector } from './histogram';
import { calibratedRange, CALIBRATION_METHODS, DEFAULT_PERCENTILE, type CalibrationMethod } from './calibration-methods';
import type { ActivationRanges, CalibrationOptions, TensorValues } from './types';

export const DEFAULT_MIN_CALIBRATION_SAMPLES = 16;

/**
 * Activations that static mode quantizes: the float inputs of Conv/Gemm/MatMul (what an int8 kernel
 * reads) and their outputs (what it writes), except graph outputs, which stay float for the caller, and
 * except around `excluded` nodes (ids as `nodeId`), which run in float.
 */
export function calibrationTensors(graph: onnx.IGraphProto, excluded: ReadonlySet<string> = new Set()): string[] {
  const initializers = initializerMap(graph);
  const outputs = graphOutputNames(graph);
  const names = new Set<string>();
  for (const node of graph.node ?? []) {
    if (!WEIGHT_OPS.has(node.opType ?? '') || excluded.has(nodeId(node))) continue;
    const activationInputs = node.opType === 'MatMul' ? node.input!.slice(0, 2) : node.input!.slice(0, 1);
    for (const name of activationInputs) if (!initializers.has(name)) names.add(name);
    for (const name of node.output ?? []) if (!outputs.has(name)) names.add(name);
  }
  return [...names];
}

/** The model with `tensorNames` added as graph outputs, so any runtime can report their values. */
export function instrumentModel(bytes: Uint8Array, tensorNames: readonly string[]): Uint8Array {
  const model = decodeModel(bytes);
  const graph = model.graph!;
  const existing = graphOutputNames(graph);
  for (const name of tensorNames) if (!existing.has(name)) (graph.output ??= []).push(onnx.ValueInfoProto.create(floatValueInfo(name)));
  return encodeModel(model);
}

/** Running min/max of named tensors over calibration samples. */
export class RangeCollector {
  private readonly ranges: ActivationRanges = {};
  private samples = 0;

  constructor(private readonly tensorNames: readonly string[]) {
    for (const name of tensorNames) this.ranges[name] = { min: Infinity, max: -Infinity };
  }

  add(values: TensorValues): void {
    for (const name of this.tensorNames) {
      const data = values[name];
      if (!data) {
        throw new QuantizeError('calibration-mismatch', `Calibration returned no values for tensor "${name}"; run the instrumented model and pass all its outputs.`);
      }
      const range = this.ranges[name];
      for (let i = 0; i < data.length; i++) {
        const v = data[i];
        if (v < range.min) range.min = v;
        if (v > range.max) range.max = v;
      }
    }
    this.samples++;
  }

  get sampleCount(): number {
    return this.samples;
  }

  result(): ActivationRanges {
    return structuredClone(this.ranges);
  }
}

export interface ResolvedRanges {
  ranges: ActivationRanges;
  sampleCount: number;
  method: CalibrationMethod | 'ranges';
  /** The extremes seen, where a clipping method chose `ranges` inside them. */
  observed?: ActivationRanges;
}

/**
 * Runs (or reads) calibration and checks there were enough samples and finite ranges for every tensor.
 * Methods other than 'minmax' collect a histogram per tensor (histogram.ts) and pick the range from it
 * (calibration-methods.ts). Throws QuantizeError 'invalid-options' for an unknown method or a percentile outside (0, 100].
 */
export async function resolveRanges(
  bytes: Uint8Array,
  tensorNames: readonly string[],
  calibration: CalibrationOptions | undefined,
  onSample: (count: number) => void,
): Promise<ResolvedRanges> {
  if (!calibration) {
    throw new QuantizeError('too-few-calibration-samples', 'Static quantization needs calibration samples: provide a few representative inputs.');
  }
  const minSamples = calibration.minSamples ?? DEFAULT_MIN_CALIBRATION_SAMPLES;
  let ranges: ActivationRanges;
  let sampleCount: number;
  let method: ResolvedRanges['method'] = 'ranges';
  let observed: ActivationRanges | undefined;
  if ('ranges' in calibration) {
    ranges = calibration.ranges;
    sampleCount = calibration.sampleCount;
  } else {
    method = calibration.method ?? 'minmax';
    const percentile = calibration.percentile ?? DEFAULT_PERCENTILE;
    if (!CALIBRATION_METHODS.includes(method)) {
      throw new QuantizeError('invalid-options', `Unknown calibration method "${method}"; use one of ${CALIBRATION_METHODS.join(', ')}.`);
    }
    if (!(percentile > 0 && percentile <= 100)) {
      throw new QuantizeError('invalid-options', `The calibration percentile must be above 0 and at most 100; got ${percentile}.`);
    }
    const collector = method === 'minmax' ? new RangeCollector(tensorNames) : new HistogramCollector(tensorNames);
    for await (const values of await calibration.run(instrumentModel(bytes, tensorNames), tensorNames)) {
      collector.add(values);
      onSample(collector.sampleCount);
    }
    sampleCount = collector.sampleCount;
    if (collector instanceof RangeCollector) {
      ranges = collector.result();
    } else {
      const histograms = tensorNames.map((name) => [name, collector.histogram(name)] as const);
      observed = Object.fromEntries(histograms.map(([name, histogram]) => [name, { min: histogram.min, max: histogram.max }]));
      ranges = Object.fromEntries(histograms.map(([name, histogram]) => [name, calibratedRange(histogram, method as CalibrationMethod, percentile)]));
    }
  }
  if (sampleCount < minSamples) {
    throw new QuantizeError(
      'too-few-calibration-samples',
      `Static quantization needs at least ${minSamples} calibration samples; got ${sampleCount}. Add more representative inputs.`,
    );
  }
  for (const name of tensorNames) {
    const range = ranges[name];
    if (!range || !Number.isFinite(range.min) || !Number.isFinite(range.max)) {
      throw new QuantizeError('calibration-mismatch', `Calibration has no finite range for tensor "${name}"; the ranges do not belong to this model.`);
    }
  }
  return { ranges, sampleCount, method, ...(observed ? { observed } : {}) };
}

/** `calibrationTensors` for model bytes: the tensor names precomputed `ranges` must cover. */
export function calibrationTensorNames(bytes: Uint8Array): string[] {
  return calibrationTensors(decodeModel(bytes).graph!);
}
