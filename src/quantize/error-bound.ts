/**
 * A worst-case bound on how far a quantized model's outputs can be from the float model's, derived from the
 * int8 steps the quantizer chose (its report) and the float model's own activations on one input.
 *
 * Derivation. Write e(t) for the largest |quantized − float| over the elements of tensor t and M(t) for the
 * largest |float value|. Sources of error:
 * - a weight W stored as int8: e(W) = the report's `maxError` (≤ half its channel's scale; exact, from the values);
 * - an activation x quantized to uint8 (dynamic: before each integer operator, from the run-time range r of the
 *   input; static: after the operator that produces it, from the calibrated scale s): one full step, r/255 or s,
 *   since the rounded zero point can move an edge value by up to a step, plus in static mode the distance by which
 *   x leaves the calibrated range (it is clamped there).
 * Propagation, operator by operator in graph order:
 * - y = α·A·B (MatMul, Gemm; Conv as a sum over its receptive field): with Ã = A + ΔA, B̃ = B + ΔB,
 *   |ΔY| ≤ |α|·(S(A)·e(B) + S(B)·e(A) + K·e(A)·e(B)), where K is the reduction length and S(·) the largest
 *   absolute sum along the reduction (a row of A, a column of a stored weight), or K·M(·) where rows are not
 *   laid out for a cheap sum (Conv windows, transposed or computed B);
 * - Add/Sub: e(a) + e(b); Mul: M(a)·e(b) + M(b)·e(a) + e(a)·e(b); a bias or constant adds nothing;
 * - 1-Lipschitz operators (Relu, MaxPool, averages, Tanh, Softmax, reshaping and indexing, Concat…): the
 *   largest error of their data inputs; Sigmoid ¼ of it, BatchNormalization × max |γ/√(σ²+ε)|; Erf × 2/√π (its
 *   largest slope) and never more than 2 (its range); Gelu × 1.13 (max |Φ(x) + x·φ(x)| = 1.1289, at x = √2);
 * - Div by a constant (initializer or Constant node): e(a) / min |divisor|;
 * - LayerNormalization, y = γ·z/s + β with z = x − mean(x), s = √(mean(z²) + ε) over each normalized row of N
 *   values: a perturbation δ (|δᵢ| ≤ e) moves zᵢ by at most 2e, and s by at most e (s is √(‖z‖²/N + ε), whose
 *   gradient has norm ≤ 1/√N, and ‖centred δ‖ ≤ ‖δ‖ ≤ √N·e); so |Δyᵢ| = |γᵢ|·|Δzᵢ/s̃ + zᵢ(s − s̃)/(s·s̃)| ≤
 *   max|γ|·e·(2 + max|zᵢ|/s)/(s − e), from the float row's s and max|zᵢ| (Infinity where s ≤ e);
 * - Shape/Size and other outputs that are exact (integers) carry no error;
 * - any other operator fed by an erroneous tensor makes the bound unknown (`Infinity`, with the node named).
 * A product of an error with an unknown (Infinity) factor is 0 when the error is exactly 0 (the term it bounds,
 * e.g. Δa·Δb, vanishes), never NaN: a NaN would compare as "no error" and silently restart the bound at 0.
 * The bound is a worst case (every rounding aligned), so real errors are usually far below it; a wrong weight
 * layout, a mis-scaled output or a dropped operator typically exceeds it by orders of magnitude. Worst cases compound
 * layer after layer (each multiplies the incoming error by its largest column sum), so where the quantized model's
 * actual error at a Conv/Gemm/MatMul input or output is measured, the derivation checks it and restarts from it:
 * each layer is then held to one step of the rule above, and the outputs to the tail after the last measured tensor.
 * `tolerance` adds what float32 arithmetic itself may differ by (reordered sums in fused kernels).
 *
 * Weight formats. int4 blocks and palettes: e(W) is the report's `maxError` (the largest |stored − original|,
 * measured, since blocks and tables have no closed-form step), propagated as above; MatMulNBits is written with
 * accuracy level 0, so the activation stays float32 and gets no int8 term. fp16: every stored float initializer
 * (weights, biases) has its measured float16 error; the graph inputs are rounded to float16 (Cast), and every
 * tensor an operator writes may be rounded to float16: |x̃ − round16(x̃)| ≤ 2^-11·(M(x) + e(x)) + 2^-25 (unit
 * roundoff, plus half the subnormal spacing). Sums inside MatMul/Gemm/Conv are assumed to accumulate in float32,
 * as onnxruntime's CPU and WASM kernels do (they cast float16 to float32 on x86 and WASM); a runtime accumulating in
 * float16 (WebGPU) may exceed the bound, which is why the self-check runs on CPU/WASM only.
 */
import { decodeModel, type onnx } from './proto';
import { foldWeightTransposes, WEIGHT_OPS } from './weights';
import { attributeFloat, attributeInt, attributeString, initializerMap } from './graph';
import { readFloatTensor, tensorDims, elementCount } from './tensor';
import { FLOAT16_SUBNORMAL_HALF_STEP, FLOAT16_UNIT_ROUNDOFF } from './float16';
import { tensorTypes } from './float16-graph';
import type { QuantizeReport } from './types';

/** A tensor's float values from one run of the float model. */
export interface TensorSample {
  data: ArrayLike<number>;
  dims: readonly number[];
}

/** A tensor whose measured error exceeded what its producer's int8 steps allow given its inputs' measured errors. */
export interface LayerViolation {
  tensor: string;
  /** The node that produced it: `<op> "<name>"`. */
  node: string;
  error: number;
  bound: number;
}

export interface OutputBound {
  /** Largest |quantized − float| the int8 steps allow for this output; Infinity when not derivable. */
  bound: number;
  /** The operator type (e.g. "LayerNormalization") past which no bound could be derived (when bound is Infinity). */
  blockedBy?: string;
}

const FLOAT = 1;

/** Allowance for float32 rounding differences between kernels: relative to the bound and to the output's size. */
const FLOAT_TOLERANCE = { relative: 1e-3, ofOutput: 1e-4 };

const LIPSCHITZ_ONE = new Set([
  'Relu', 'LeakyRelu', 'MaxPool', 'GlobalMaxPool', 'AveragePool', 'GlobalAveragePool', 'ReduceMean', 'ReduceMax',
  'ReduceMin', 'Flatten', 'Reshape', 'Transpose', 'Identity', 'Squeeze', 'Unsqueeze', 'Concat', 'Gather', 'Slice',
  'Split', 'Pad', 'Tanh', 'Softmax', 'Clip', 'Dropout', 'Expand', 'Tile', 'Neg', 'Abs', 'Max', 'Min', 'Cast',
  'DepthToSpace', 'SpaceToDepth', 'Resize', 'Upsample',
]);
/** Outputs that carry no rounding error (integer shape computations, comparisons). */
const EXACT_OUTPUT = new Set(['Shape', 'Size', 'Constant', 'ConstantOfShape', 'Range', 'Equal', 'Less', 'Greater', 'Not', 'ArgMax', 'ArgMin', 'NonZero']);

/** Largest |erf′| = 2/√π. */
const ERF_SLOPE = 2 / Math.sqrt(Math.PI);
/** Largest |gelu′(x)| = |Φ(x) + x·φ(x)|, 1.1289 at x = √2, rounded up. */
const GELU_SLOPE = 1.13;

/** x·y for error terms: 0 when either factor is exactly 0, even if the other is unknown (Infinity). */
function product(x: number, y: number): number {
  return x === 0 || y === 0 ? 0 : x * y;
}

/** A derived bound plus the float32 allowance, for a tensor whose float values reach `size` in magnitude. */
function withTolerance(bound: number, size: number): number {
  return bound * (1 + FLOAT_TOLERANCE.relative) + FLOAT_TOLERANCE.ofOutput * (1 + size);
}

function maxAbs(data: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) m = Math.max(m, Math.abs(data[i]));
  return m;
}

function range(data: ArrayLike<number>): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] < min) min = data[i];
    if (data[i] > max) max = data[i];
  }
  return { min, max };
}

/** Largest sum of |values| over consecutive runs of `length` (rows of a row-major matrix). */
function maxRowAbsSum(data: ArrayLike<number>, length: number): number {
  let best = 0;
  for (let start = 0; start + length <= data.length; start += length) {
    let sum = 0;
    for (let i = start; i < start + length; i++) sum += Math.abs(data[i]);
    best = Math.max(best, sum);
  }
  return best;
}

/** Largest sum of |values| along `axis` of a tensor laid out as `dims` (a column of a weight matrix). */
function maxAxisAbsSum(data: ArrayLike<number>, dims: readonly number[], axis: number): number {
  let inner = 1;
  for (let d = axis + 1; d < dims.length; d++) inner *= dims[d];
  const length = dims[axis];
  const outer = data.length / (length * inner);
  let best = 0;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let sum = 0;
      for (let k = 0; k < length; k++) sum += Math.abs(data[(o * length + k) * inner + i]);
      best = Math.max(best, sum);
    }
  }
  return best;
}

/** Bounds for the outputs of one quantized model, given its float original and the quantizer's report. */
export class ErrorBound {
  private readonly graph: onnx.IGraphProto;
  private readonly initializers: Map<string, onnx.ITensorProto>;
  /** Float values known without running the model: initializers and Constant nodes' values. */
  private readonly constants: Map<string, onnx.ITensorProto>;
  private readonly weightError = new Map<string, number>();
  private readonly calibrated = new Map<string, { min: number; max: number; scale: number }>();
  private readonly dynamicInputs = new Set<string>();
  /** Float tensors whose values the bound reads (inputs of integer or multiplying operators, quantized tensors). */
  readonly measuredTensors: string[];
  /**
   * Activations read or written by Conv/Gemm/MatMul (not graph inputs or outputs): where the quantized model's
   * actual error is measured, the bound restarts from it, so worst cases do not compound layer after layer.
   */
  readonly layerTensors: string[];

  private readonly mode: QuantizeReport['mode'];

  /** `floatModel`: the bytes the quantizer read; `report`: what it did to them. */
  constructor(floatModel: Uint8Array, report: QuantizeReport) {
    this.mode = report.mode;
    this.graph = decodeModel(floatModel).graph!;
    // The quantizer folds Transposes of stored weights before quantizing them; the bound must see the same graph.
    foldWeightTransposes(this.graph);
    this.initializers = initializerMap(this.graph);
    this.constants = constantMap(this.graph, this.initializers);
    for (const weight of report.weights) this.weightError.set(weight.name, Math.max(this.weightError.get(weight.name) ?? 0, weight.maxError));
    for (const activation of report.activations) {
      if (activation.calibrated) this.calibrated.set(activation.name, activation.calibrated);
      else this.dynamicInputs.add(activation.name);
    }
    // Tensors that may carry rounding error; only those make a Mul/Div read its inputs' values (which, in shape
    // computations, are integers that must not be fetched as float).
    const erroneous = new Set([...this.weightError.keys(), ...this.calibrated.keys(), ...this.dynamicInputs]);
    // fp16 rounds every float graph input and every tensor written: the bound reads all their magnitudes.
    const floatInputs = this.mode === 'fp16' ? floatGraphInputs(this.graph, this.initializers) : [];
    // Only float tensors can be fetched as float (a Cast to int64 is reached by rounding error too).
    const floatTypes = this.mode === 'fp16' ? tensorTypes(this.graph) : null;
    for (const name of floatInputs) erroneous.add(name);
    const measured = new Set<string>();
    for (const node of this.graph.node ?? []) {
      const inputs = (node.input ?? []).filter((name) => name && !this.constants.has(name));
      const reached = (node.input ?? []).some((name) => erroneous.has(name));
      if (WEIGHT_OPS.has(node.opType ?? '') || ((node.opType === 'Mul' || node.opType === 'Div') && reached)) {
        for (const name of inputs) measured.add(name);
      }
      // LayerNormalization's bound reads each row's spread.
      if (node.opType === 'LayerNormalization' && reached && inputs.includes(node.input![0])) measured.add(node.input![0]);
      if (reached && !EXACT_OUTPUT.has(node.opType ?? '')) for (const name of node.output ?? []) erroneous.add(name);
      if (floatTypes && reached && !EXACT_OUTPUT.has(node.opType ?? '')) for (const name of node.output ?? []) if (floatTypes.get(name) === FLOAT) measured.add(name);
    }
    for (const name of floatInputs) measured.add(name);
    for (const name of this.calibrated.keys()) measured.add(name);
    const outputs = new Set((this.graph.output ?? []).map((o) => o.name ?? ''));
    const graphInputs = new Set((this.graph.input ?? []).map((i) => i.name ?? ''));
    const layer = new Set<string>();
    for (const node of this.graph.node ?? []) {
      if (!WEIGHT_OPS.has(node.opType ?? '')) continue;
      for (const name of [...(node.input ?? []).slice(0, 2), ...(node.output ?? [])]) {
        if (name && !this.initializers.has(name) && !graphInputs.has(name) && !outputs.has(name)) layer.add(name);
      }
    }
    this.layerTensors = [...layer];
    this.measuredTensors = [...new Set([...measured, ...layer])].filter((name) => !outputs.has(name));
  }

  /**
   * The bound for every graph output on one input, from the float model's values of `measuredTensors` and of the
   * outputs on that input (`values[name]`). `measuredErrors` (optional) holds the quantized model's actual
   * max |error| at some of `layerTensors`: each is checked against its derived bound (a violation names the node)
   * and then replaces it, so the bound downstream starts from the real error.
   */
  outputs(values: Record<string, TensorSample>, measuredErrors: Record<string, number> = {}): { outputs: Record<string, OutputBound>; violations: LayerViolation[] } {
    const violations: LayerViolation[] = [];
    const error = new Map<string, number>();
    const blocked = new Map<string, string>();
    const e = (name: string): number => (name ? (error.get(name) ?? this.weightError.get(name) ?? 0) : 0);
    const magnitude = (name: string): number => {
      const tensor = this.constants.get(name);
      if (tensor) return maxAbs(readFloatTensor(tensor));
      const sample = values[name];
      return sample ? maxAbs(sample.data) : Infinity;
    };
    /** Error of a tensor once quantized to uint8 (static QDQ after its producer, or dynamic before an integer op). */
    const quantizationError = (name: string, upstream: number): number => {
      const sample = values[name];
      const calibrated = this.calibrated.get(name);
      if (calibrated) {
        if (!sample) return Infinity;
        const { min, max } = range(sample.data);
        const low = Math.min(calibrated.min, 0);
        const high = Math.max(calibrated.max, 0);
        return calibrated.scale + Math.max(0, max + upstream - high, low - (min - upstream));
      }
      if (!sample) return Infinity;
      const { min, max } = range(sample.data);
      return (max - min + 2 * upstream) / 255;
    };
    const rounding = (name: string, upstream: number): number =>
      this.mode === 'fp16' ? FLOAT16_UNIT_ROUNDOFF * (magnitude(name) + upstream) + FLOAT16_SUBNORMAL_HALF_STEP : 0;
    for (const input of this.graph.input ?? []) {
      const name = input.name ?? '';
      if (this.calibrated.has(name)) error.set(name, quantizationError(name, 0));
      else if (this.mode === 'fp16' && values[name] && !this.initializers.has(name)) error.set(name, rounding(name, 0));
    }

    for (const node of this.graph.node ?? []) {
      const op = node.opType ?? '';
      const inputs = node.input ?? [];
      const inputErrors = inputs.map(e);
      const blocker = inputs.map((name) => blocked.get(name)).find((b) => b !== undefined);
      let out: number;
      if (EXACT_OUTPUT.has(op)) out = 0;
      else if (WEIGHT_OPS.has(op)) out = this.productError(node, inputErrors, values, magnitude, quantizationError);
      else if (op === 'Add' || op === 'Sub') out = inputErrors[0] + inputErrors[1];
      else if (op === 'Mul') {
        const [a, b] = inputs;
        out = product(magnitude(a), inputErrors[1]) + product(magnitude(b), inputErrors[0]) + product(inputErrors[0], inputErrors[1]);
      } else if (op === 'Div' && inputErrors[1] === 0 && this.constants.has(inputs[1])) {
        out = product(inputErrors[0], 1 / Math.min(...Array.from(readFloatTensor(this.constants.get(inputs[1])!), Math.abs)));
      } else if (op === 'Sigmoid') out = inputErrors[0] / 4;
      else if (op === 'Erf') out = Math.min(2, ERF_SLOPE * inputErrors[0]);
      else if (op === 'Gelu' && attributeString(node, 'approximate', 'none') === 'none') out = GELU_SLOPE * inputErrors[0];
      else if (op === 'LayerNormalization') out = inputErrors[1] || inputErrors[2] ? Infinity : this.layerNormError(node, inputErrors[0], values);
      else if (op === 'BatchNormalization') out = inputErrors[0] * this.batchNormGain(node);
      else if (LIPSCHITZ_ONE.has(op)) out = Math.max(...(op === 'Concat' || op === 'Max' || op === 'Min' ? inputErrors : [inputErrors[0]]));
      else out = inputErrors.some((v) => v !== 0) ? Infinity : 0;
      if (Number.isNaN(out)) out = Infinity;
      if (out === Infinity && !blocker) for (const name of node.output ?? []) blocked.set(name, op);
      if (blocker) for (const name of node.output ?? []) blocked.set(name, blocker);
      for (const name of node.output ?? []) {
        let produced = out + (out === Infinity || EXACT_OUTPUT.has(op) || !values[name] ? 0 : rounding(name, out));
        const measuredError = measuredErrors[name];
        if (measuredError !== undefined) {
          const allowed = withTolerance(produced, values[name] ? maxAbs(values[name].data) : 0);
          if (measuredError > allowed) violations.push({ tensor: name, node: `${op} "${node.name || name}"`, error: measuredError, bound: allowed });
          produced = measuredError;
          blocked.delete(name);
        }
        error.set(name, this.calibrated.has(name) ? produced + quantizationError(name, produced) : produced);
      }
    }

    const result: Record<string, OutputBound> = {};
    for (const output of this.graph.output ?? []) {
      const name = output.name ?? '';
      const bound = e(name);
      result[name] = Number.isFinite(bound)
        ? { bound: withTolerance(bound, values[name] ? maxAbs(values[name].data) : 0) }
        : { bound: Infinity, blockedBy: blocked.get(name) };
    }
    return { outputs: result, violations };
  }

  /** The LayerNormalization rule above, over every normalized row of the float input; `e`: the input's error. */
  private layerNormError(node: onnx.INodeProto, e: number, values: Record<string, TensorSample>): number {
    if (e === 0) return 0;
    const [x, scaleName] = node.input ?? [];
    const sample = values[x];
    const scale = this.constants.get(scaleName);
    if (!sample || !scale || !Number.isFinite(e)) return Infinity;
    const rank = sample.dims.length;
    const axis = attributeInt(node, 'axis', -1);
    const rowLength = elementCount(sample.dims.slice(axis < 0 ? axis + rank : axis));
    const epsilon = attributeFloat(node, 'epsilon', 1e-5);
    const gain = maxAbs(readFloatTensor(scale));
    let worst = 0;
    for (let start = 0; start + rowLength <= sample.data.length; start += rowLength) {
      let mean = 0;
      for (let i = start; i < start + rowLength; i++) mean += sample.data[i];
      mean /= rowLength;
      let squares = 0;
      let largest = 0;
      for (let i = start; i < start + rowLength; i++) {
        const z = sample.data[i] - mean;
        squares += z * z;
        largest = Math.max(largest, Math.abs(z));
      }
      const s = Math.sqrt(squares / rowLength + epsilon);
      if (s <= e) return Infinity;
      worst = Math.max(worst, (e * (2 + largest / s)) / (s - e));
    }
    return gain * worst;
  }

  private batchNormGain(node: onnx.INodeProto): number {
    const [, scaleName, , , varianceName] = node.input ?? [];
    const scale = this.initializers.get(scaleName);
    const variance = this.initializers.get(varianceName);
    if (!scale || !variance) return Infinity;
    const epsilon = attributeFloat(node, 'epsilon', 1e-5);
    const gamma = readFloatTensor(scale);
    const sigma2 = readFloatTensor(variance);
    let gain = 0;
    for (let i = 0; i < gamma.length; i++) gain = Math.max(gain, Math.abs(gamma[i]) / Math.sqrt(sigma2[i] + epsilon));
    return gain;
  }

  /** MatMul / Gemm / Conv: |α|·(S(A)·e(B) + S(B)·e(A) + K·e(A)·e(B)). */
  private productError(
    node: onnx.INodeProto,
    inputErrors: number[],
    values: Record<string, TensorSample>,
    magnitude: (name: string) => number,
    quantizationError: (name: string, upstream: number) => number,
  ): number {
    const op = node.opType;
    const [a, b] = node.input ?? [];
    const weight = this.initializers.get(b);
    const weightDims = weight ? tensorDims(weight) : null;
    let eA = inputErrors[0];
    let eB = inputErrors[1];
    // Dynamic mode quantizes the activation right before the integer operator (only there).
    if (this.dynamicInputs.has(a) && this.weightError.has(b)) eA += quantizationError(a, eA);
    // onnxruntime turns DequantizeLinear → MatMul/Gemm on a 2-D weight into MatMulNBits, which (accuracy level 4)
    // rounds the activation to int8 per block: at most one step of max|A|/127.
    if (this.mode === 'weight-only' && op !== 'Conv' && weightDims?.length === 2 && this.weightError.has(b)) eA += magnitude(a) / 127;
    const transA = op === 'Gemm' && attributeInt(node, 'transA', 0) === 1;
    const transB = op === 'Gemm' && attributeInt(node, 'transB', 0) === 1;
    const aSample = values[a];
    let K: number;
    if (op === 'Conv') {
      K = weightDims ? elementCount(weightDims.slice(1)) : Infinity;
    } else if (aSample && aSample.dims.length > 0) {
      K = transA ? aSample.dims[0] : aSample.dims[aSample.dims.length - 1];
    } else if (weightDims) {
      K = transB ? weightDims[weightDims.length - 1] : weightDims[weightDims.length - 2];
    } else return Infinity;
    const aStored = this.initializers.get(a);
    const sumA =
      op !== 'Conv' && !transA && (aSample || aStored)
        ? maxRowAbsSum(aSample ? aSample.data : readFloatTensor(aStored!), K)
        : K * magnitude(a);
    let sumB: number;
    if (weight && weightDims) {
      const stored = readFloatTensor(weight);
      if (op === 'Conv') sumB = maxRowAbsSum(stored, elementCount(weightDims.slice(1)));
      else if (transB) sumB = maxRowAbsSum(stored, weightDims[weightDims.length - 1]);
      else sumB = maxAxisAbsSum(stored, weightDims, weightDims.length - 2);
    } else sumB = K * magnitude(b);
    const alpha = op === 'Gemm' ? Math.abs(attributeFloat(node, 'alpha', 1)) : 1;
    const terms = product(sumA, eB) + product(sumB, eA) + product(K, product(eA, eB));
    // A stored bias (Conv's B, Gemm's C × beta) adds its own error (fp16 stores biases rounded too).
    const bias = node.input?.[2] ? product(inputErrors[2], op === 'Gemm' ? Math.abs(attributeFloat(node, 'beta', 1)) : 1) : 0;
    return product(alpha, terms) + bias;
  }
}

/** Float graph inputs that are not initializers (what the caller feeds). */
function floatGraphInputs(graph: onnx.IGraphProto, initializers: Map<string, onnx.ITensorProto>): string[] {
  return (graph.input ?? [])
    .filter((input) => !initializers.has(input.name ?? '') && (input.type?.tensorType?.elemType ?? FLOAT) === FLOAT)
    .map((input) => input.name ?? '');
}

/** Initializers plus the float tensors Constant nodes hold (`value` attribute), by output name. */
function constantMap(graph: onnx.IGraphProto, initializers: Map<string, onnx.ITensorProto>): Map<string, onnx.ITensorProto> {
  const constants = new Map(initializers);
  for (const node of graph.node ?? []) {
    if (node.opType !== 'Constant') continue;
    const value = node.attribute?.find((a) => a.name === 'value')?.t;
    if (value && (value.dataType ?? FLOAT) === FLOAT && node.output?.[0]) constants.set(node.output[0], value);
  }
  return constants;
}
