/**
 * The last step of every quantization: run the result beside the float model on a few inputs and refuse it
 * when it does not run or strays further than its int8 steps allow (`ErrorBound`). The runtime is injected
 * (`ModelRunner`), so the same check serves onnxruntime-node (CLI, tests) and onnxruntime-web (the worker).
 */
import type { TensorMap, TensorValue } from '../types/tensor';
import { ErrorBound, type TensorSample } from './error-bound';
import { QuantizeError } from './errors';
import { instrumentModel } from './calibration';
import { instrumentModelAsFloat } from './instrument-float';
import { modelInputs, type ModelInput } from './model-info';
import { decodeModel } from './proto';
import { DataType } from './tensor';
import { seededNormal } from '../util/prng';
import type { QuantizeReport, SelfCheckResult, UnboundedOutput } from './types';

/**
 * Runs `model` once per sample (batch as given) and returns the named outputs' values and shapes per sample.
 * Throws (any error) when the runtime cannot load or run the model; its message is shown to the user.
 */
export type ModelRunner = (
  model: Uint8Array,
  samples: readonly TensorMap[],
  outputNames: readonly string[],
) => Promise<Record<string, TensorSample>[]>;

export interface SelfCheckOptions {
  run: ModelRunner;
  /** Inputs to check on (e.g. the first calibration rows); default: `count` generated ones (`generatedSamples`). */
  samples?: readonly TensorMap[];
  /** How many samples to check (default 8). */
  count?: number;
  /** Named in messages, e.g. "onnxruntime-node". */
  runtime?: string;
}

export const DEFAULT_SELF_CHECK_SAMPLES = 8;

/** Integer and bool inputs are filled with ones: a valid token id in any vocabulary, an attention mask that attends. */
const TENSOR_TYPES: Partial<Record<number, (length: number) => TensorValue['data']>> = {
  [DataType.UINT8]: (n) => new Uint8Array(n).fill(1),
  [DataType.INT8]: (n) => new Int8Array(n).fill(1),
  [DataType.INT32]: (n) => new Int32Array(n).fill(1),
  7: (n) => new BigInt64Array(n).fill(1n),
  9: (n) => new Uint8Array(n).fill(1),
};
const TYPE_NAMES: Record<number, TensorValue['type']> = { [DataType.UINT8]: 'uint8', [DataType.INT8]: 'int8', [DataType.INT32]: 'int32', 7: 'int64', 9: 'bool' };

/**
 * Inputs for a check when the caller has none: float inputs get standard normal values (signed, as most models
 * see after normalisation), integer and bool inputs ones; symbolic dimensions are 1. Seeded, so reproducible.
 */
export function generatedSamples(inputs: readonly ModelInput[], count: number, seed = 1): TensorMap[] {
  const normal = seededNormal(seed);
  return Array.from({ length: count }, () => {
    const sample: TensorMap = {};
    for (const input of inputs) {
      const dims = input.dims.map((dim) => dim ?? 1);
      const size = dims.reduce((a, b) => a * b, 1);
      const integer = TENSOR_TYPES[input.elemType];
      sample[input.name] =
        input.elemType === DataType.FLOAT || !integer
          ? { type: 'float32', data: Float32Array.from({ length: size }, normal), dims }
          : { type: TYPE_NAMES[input.elemType], data: integer(size), dims };
    }
    return sample;
  });
}

/** Largest |actual − expected|; Infinity where actual is not a number but expected is. */
function maxAbsDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let error = 0;
  for (let i = 0; i < expected.length; i++) {
    const difference = Math.abs(actual[i] - expected[i]);
    if (Number.isNaN(difference) && !Number.isNaN(expected[i] - expected[i])) return Infinity;
    if (difference > error) error = difference;
  }
  return error;
}

function producerOf(floatBytes: Uint8Array, output: string): string {
  const node = decodeModel(floatBytes).graph!.node!.find((n) => n.output?.includes(output));
  return node ? ` (computed by ${node.opType} node "${node.name || output}")` : '';
}

/**
 * Runs `quantized` and `float` on the samples and compares every graph output with its bound.
 * Returns the worst output (largest error relative to its bound) and its figures.
 * Throws QuantizeError 'self-check-failed' when the quantized model does not run, gives non-finite values where the
 * float model does not, or differs by more than the bound.
 */
export async function selfCheck(
  floatBytes: Uint8Array,
  quantizedBytes: Uint8Array,
  report: QuantizeReport,
  options: SelfCheckOptions,
): Promise<SelfCheckResult> {
  const count = options.count ?? DEFAULT_SELF_CHECK_SAMPLES;
  const samples = (options.samples ?? generatedSamples(modelInputs(floatBytes), count)).slice(0, count);
  const where = options.runtime ? ` in ${options.runtime}` : '';
  const floatModel = decodeModel(floatBytes);
  const outputs = (floatModel.graph!.output ?? []).map((o) => o.name ?? '');
  const bounds = new ErrorBound(floatBytes, report);
  const measured = bounds.measuredTensors;
  const reference = await options.run(measured.length ? instrumentModel(floatBytes, measured) : floatBytes, samples, [...outputs, ...measured]).catch((error: Error) => {
    const inputs = options.samples ? 'the check inputs given' : 'generated inputs (normal values, symbolic dimensions 1)';
    throw new QuantizeError('self-check-failed', `The self-check could not run the float model${where} on ${inputs}: ${error.message}`);
  });
  let candidate: Record<string, TensorSample>[];
  try {
    candidate = await options.run(quantizedBytes, samples, outputs);
  } catch (error) {
    throw new QuantizeError('self-check-failed', `The quantized model does not run${where}: ${(error as Error).message}. It was not kept.`);
  }
  // A second run fetches the layers' tensors too. That can change what the runtime fuses, so the plain run above is
  // held to the end-to-end bound; this one to the layer-by-layer bound, which restarts from each layer's own error.
  const layers = bounds.layerTensors;
  const layered = layers.length
    ? await options.run(instrumentModelAsFloat(quantizedBytes, layers), samples, [...outputs, ...layers]).catch(() => null)
    : null;

  const steps = STEPS[report.mode];
  const fail = (what: string, error: number, bound: number, s: number, given: string): never => {
    throw new QuantizeError(
      'self-check-failed',
      `Self-check failed${where}: ${what} of the quantized model differs from the float model by ${error.toPrecision(3)} on check input ` +
        `${s + 1} of ${samples.length}, more than the ${bound.toPrecision(3)} its ${steps} allow${given}. The quantized model is wrong, so it was not kept.`,
    );
  };
  const nonFinite = (name: string, s: number): never => {
    throw new QuantizeError(
      'self-check-failed',
      `The quantized model's output "${name}" has values that are not numbers (NaN or ±Infinity) where the float model's are finite, on check input ${s + 1} of ${samples.length}${where}. It was not kept.`,
    );
  };
  // Outputs held to a finite bound (end to end or layered) on some input; the others → the operator past which no bound exists.
  const held = new Set<string>();
  const unbounded = new Map<string, string | undefined>();
  let worst: SelfCheckResult | null = null;
  let worstRatio = -1;
  for (let s = 0; s < samples.length; s++) {
    const endToEnd = bounds.outputs(reference[s]).outputs;
    const stepwise = layered ? bounds.outputs(reference[s], measuredErrors(layers, layered[s], reference[s])) : null;
    const violation = stepwise?.violations[0];
    if (violation) fail(`tensor "${violation.tensor}" (computed by ${violation.node})`, violation.error, violation.bound, s, ' given the errors of its inputs');
    for (const name of outputs) {
      const expected = reference[s][name].data;
      const actual = candidate[s][name]?.data;
      if (!actual || actual.length !== expected.length) {
        throw new QuantizeError('self-check-failed', `The quantized model's output "${name}" has ${actual?.length ?? 0} values where the float model has ${expected.length}${where}. It was not kept.`);
      }
      const error = maxAbsDifference(actual, expected);
      // Refused whatever the bound: an output no bound covers (Infinity > Infinity is false) must still be finite.
      if (error === Infinity) nonFinite(name, s);
      const { bound, blockedBy } = endToEnd[name];
      if (error > bound) fail(`output "${name}"${producerOf(floatBytes, name)}`, error, bound, s, '');
      let layeredFigures: SelfCheckResult['layered'];
      if (layered && stepwise) {
        const layeredError = maxAbsDifference(layered[s][name].data, expected);
        if (layeredError === Infinity) nonFinite(name, s);
        const layeredBound = stepwise.outputs[name].bound;
        if (layeredError > layeredBound) fail(`output "${name}"${producerOf(floatBytes, name)}`, layeredError, layeredBound, s, ' given the errors of the layers before it');
        layeredFigures = { maxAbsError: layeredError, bound: layeredBound };
      }
      if (Number.isFinite(bound) || (layeredFigures && Number.isFinite(layeredFigures.bound))) held.add(name);
      else unbounded.set(name, stepwise ? stepwise.outputs[name].blockedBy : blockedBy);
      const ratio = Math.max(
        Number.isFinite(bound) && bound > 0 ? error / bound : 0,
        layeredFigures && layeredFigures.bound > 0 ? layeredFigures.maxAbsError / layeredFigures.bound : 0,
      );
      if (ratio > worstRatio) {
        worstRatio = ratio;
        worst = { samples: samples.length, maxAbsError: error, bound, output: name, unbounded: [], format: FORMATS[report.mode], ...(layeredFigures ? { layered: layeredFigures } : {}) };
      }
    }
  }
  const never = [...unbounded].filter(([output]) => !held.has(output));
  return { ...worst!, unbounded: never.map(([output, op]) => (op ? { output, op } : { output })) };
}

/** What the bound comes from, in messages: "its int8 steps allow". */
const STEPS: Record<QuantizeReport['mode'], string> = {
  'weight-only': 'int8 steps',
  dynamic: 'int8 steps',
  static: 'int8 steps',
  fp16: 'float16 rounding steps',
  int4: 'int4 steps',
  palette: 'palette errors',
};
const FORMATS: Record<QuantizeReport['mode'], NonNullable<SelfCheckResult['format']>> = {
  'weight-only': 'int8',
  dynamic: 'int8',
  static: 'int8',
  fp16: 'fp16',
  int4: 'int4',
  palette: 'palette',
};

/** max |quantized − float| at each layer tensor, from the quantized run that fetched them. */
function measuredErrors(layers: readonly string[], quantized: Record<string, TensorSample>, reference: Record<string, TensorSample>): Record<string, number> {
  return Object.fromEntries(layers.map((name) => [name, maxAbsDifference(quantized[name].data, reference[name].data)]));
}

/**
 * The bound a person should see: the tighter finite one of the layer-by-layer and the end-to-end one (the end-to-end
 * bound compounds through deep nets, 2e9 on the sketch CNN, and tells a person nothing). Undefined when neither is finite.
 */
export function tightestBound(result: SelfCheckResult): { bound: number; how: 'layered' | 'end-to-end' } | undefined {
  const candidates = [
    result.layered ? { bound: result.layered.bound, how: 'layered' as const } : null,
    { bound: result.bound, how: 'end-to-end' as const },
  ].filter((c) => c !== null && Number.isFinite(c.bound));
  return candidates.sort((a, b) => a!.bound - b!.bound)[0] ?? undefined;
}

/**
 * `result.unbounded` as values. Variants stored before this shape hold "name (past node (Op))" strings and may list
 * the reported output although the layered bound held it (only the end-to-end bound was missing): those are read as
 * they are reported now.
 */
export function unboundedOutputs(result: SelfCheckResult): UnboundedOutput[] {
  const held = tightestBound(result) !== undefined;
  return (result.unbounded as readonly (UnboundedOutput | string)[]).flatMap((entry): UnboundedOutput[] => {
    if (typeof entry !== 'string') return [entry];
    const [, output, op] = /^(.*?) \(past .*\((\w+)\)\)$/.exec(entry) ?? [entry, entry];
    if (held && output === result.output) return [];
    return [op ? { output, op } : { output }];
  });
}

/** The outputs of `unbounded` grouped by the operator past which no bound exists ('' when unknown), in order. */
export function unboundedByOperator(unbounded: readonly UnboundedOutput[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { output, op = '' } of unbounded) groups.set(op, [...(groups.get(op) ?? []), output]);
  return groups;
}

/**
 * One line for people (English, for the command-line tools):
 * `8 inputs: largest error 0.0750 on "logits" (int8 bound 1.85 layer by layer)`, then per operator past
 * which no bound exists `; no bound past Sqrt, so "y" was only checked to run`.
 */
export function describeSelfCheck(result: SelfCheckResult): string {
  const tightest = tightestBound(result);
  const how = tightest?.how === 'layered' ? 'layer by layer' : 'end to end';
  const unbounded = [...unboundedByOperator(unboundedOutputs(result))].map(
    ([op, outputs]) => `; no bound ${op ? `past ${op}` : 'derivable'}, so ${outputs.map((o) => `"${o}"`).join(', ')} only checked to run`,
  );
  return (
    `${result.samples} inputs: largest error ${result.maxAbsError.toPrecision(3)} on "${result.output}"` +
    (tightest ? ` (${result.format ?? 'int8'} bound ${tightest.bound.toPrecision(3)} ${how})` : '') +
    unbounded.join('')
  );
}
