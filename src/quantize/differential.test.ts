import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { differentialRuns, type DifferentialRun } from './testing/differential';
import { listInitializersAsInputs, namedGraph, randomGraph, type RandomGraph } from './testing/random-graphs';
import { OnnxModelBuilder } from './testing/model-builder';
import { randomTransformerGraph } from './testing/transformer-graphs';

// Every generated or named graph is quantized in every mode (int8 per channel and per tensor; fp16, int4 blocks and
// palettes with options varied by seed), run in onnxruntime-node with its default optimizations and with none, and
// must stay within its error bound of the float model.

ort.env.logLevel = 'fatal';
ortWeb.env.logLevel = 'fatal';
ortWeb.env.wasm.numThreads = 1;

function failures(graph: RandomGraph, runs: DifferentialRun[]): string[] {
  return runs
    .filter((run) => run.failure)
    .map((run) => `${graph.name} — ${run.label} (${run.failure!.level}): ${run.failure!.message}`);
}

async function check(graph: RandomGraph, runtime: typeof ort | typeof ortWeb = ort): Promise<string[]> {
  return failures(graph, await differentialRuns(graph, runtime));
}

/**
 * 240 graphs and 40 transformer-shaped ones with fixed seeds, in batches so a failure names its batch. A quicker
 * local run: DIFFERENTIAL_GRAPHS=20 DIFFERENTIAL_TRANSFORMERS=20 (whole batches of 20).
 */
const FIRST_SEED = 1;
const GRAPHS = Number(process.env.DIFFERENTIAL_GRAPHS ?? 240);
const TRANSFORMERS = Number(process.env.DIFFERENTIAL_TRANSFORMERS ?? 40);
const BATCH = 20;
/** A batch quantizes and runs 20 × 9 models twice; allow for a loaded machine (speed is measured elsewhere). */
const BATCH_TIMEOUT_MS = 240_000;

describe('random graphs (fixed seed) quantize within their error bound in every mode', () => {
  const batches = Array.from({ length: GRAPHS / BATCH }, (_, i) => FIRST_SEED + i * BATCH);
  it.each(batches)(`graphs from seed %i (${BATCH} graphs × 9 variants: 3 int8 modes × 2 scale layouts, fp16, int4, palette)`, async (first) => {
    const found: string[] = [];
    for (let seed = first; seed < first + BATCH; seed++) found.push(...(await check(randomGraph(seed))));
    expect(found).toEqual([]);
  }, BATCH_TIMEOUT_MS);
});

// LayerNormalization → Q/K/V → MatMul → Softmax → MatMul, residual Adds, GELU (Erf with Constant nodes, or Gelu),
// mean pooling and a Gemm head: every operator the bound propagates through between a transformer's weights. The
// bound once restarted at 0 after LayerNormalization (a NaN read as "no error") and refused correct models.
describe('random transformer-shaped graphs (fixed seed) quantize within their error bound in every mode', () => {
  const batches = Array.from({ length: TRANSFORMERS / BATCH }, (_, i) => FIRST_SEED + i * BATCH);
  it.each(batches)(`transformers from seed %i (${BATCH} graphs × 9 variants)`, async (first) => {
    const found: string[] = [];
    for (let seed = first; seed < first + BATCH; seed++) found.push(...(await check(randomTransformerGraph(seed))));
    expect(found).toEqual([]);
  }, BATCH_TIMEOUT_MS);
});

const square = (opset: number) => new OnnxModelBuilder(opset, 31).input('x', ['batch', 16]).randomWeight('W', [16, 16], 16);

/** Faults found once, kept as named cases (each failed on the quantizer before its fix). */
const NAMED: RandomGraph[] = [
  namedGraph(
    'issue 13 item 1: a square weight read by MatMul(x, W) and Gemm(h, W, transB=1) (dynamic int8 read one layout for both)',
    13,
    square(13)
      .output('y', ['batch', 16])
      .node('MatMul', ['x', 'W'], ['h'])
      .node('Gemm', ['h', 'W'], ['y'], { transB: 1 })
      .build(),
    [2, 16],
  ),
  namedGraph(
    'issue 13 item 2: a batched MatMul weight [2, 8, 4] (static per-channel: onnxruntime refuses "b zero point is not valid")',
    13,
    new OnnxModelBuilder(13, 32).input('x', [2, 3, 8]).output('y', [2, 3, 4]).randomWeight('W', [2, 8, 4], 8).node('MatMul', ['x', 'W'], ['y']).build(),
    [2, 3, 8],
  ),
  namedGraph(
    'a broadcast 4-D MatMul weight [2, 1, 7, 7] (dynamic per-channel: DynamicQuantizeMatMul computed wrong values)',
    17,
    new OnnxModelBuilder(17, 33).input('x', ['batch', 3, 7]).output('y', [2, 'batch', 3, 7]).randomWeight('W', [2, 1, 7, 7], 7).node('MatMul', ['x', 'W'], ['y']).build(),
    [1, 3, 7],
  ),
  namedGraph(
    'opset 10 with a Conv bias and a quantized output (static: onnxruntime wrote Round, an opset-11 operator, and could not load the model)',
    10,
    new OnnxModelBuilder(10, 34)
      .input('x', [1, 2, 6, 6])
      .output('y', [1, 3, 6, 6])
      .randomWeight('W', [3, 2, 3, 3])
      .randomBias('b', 3)
      .node('Conv', ['x', 'W', 'b'], ['c'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1] })
      .node('Relu', ['c'], ['y'])
      .build(),
    [1, 2, 6, 6],
  ),
  namedGraph(
    'opset 10 with a Gemm bias (static: the same Round)',
    10,
    new OnnxModelBuilder(10, 35)
      .input('x', [2, 6])
      .output('y', [2, 4])
      .randomWeight('W', [4, 6], 6)
      .randomBias('b', 4)
      .node('Gemm', ['x', 'W', 'b'], ['g'], { transB: 1 })
      .node('Relu', ['g'], ['y'])
      .build(),
    [2, 6],
  ),
  namedGraph(
    'weights also listed as graph inputs (refused as "no float32 weights")',
    13,
    listInitializersAsInputs(
      new OnnxModelBuilder(13, 36).input('x', ['batch', 5]).output('y', ['batch', 3]).randomWeight('W', [5, 3], 5).randomBias('b', 3).node('Gemm', ['x', 'W', 'b'], ['y']).build(),
    ),
    [2, 5],
  ),
  namedGraph(
    'a weight reaching MatMul through Transpose (refused as "no float32 weights")',
    13,
    new OnnxModelBuilder(13, 37)
      .input('x', ['batch', 6])
      .output('y', ['batch', 4])
      .randomWeight('W', [4, 6], 6)
      .node('Transpose', ['W'], ['Wt'], { perm: [1, 0] })
      .node('MatMul', ['x', 'Wt'], ['y'])
      .build(),
    [2, 6],
  ),
  namedGraph(
    'weight-only MatMul on a 2-D weight (onnxruntime runs it as MatMulNBits with int8 activations)',
    13,
    new OnnxModelBuilder(13, 38).input('x', ['batch', 2]).output('y', ['batch', 9]).randomWeight('W', [2, 9], 2).node('MatMul', ['x', 'W'], ['y']).build(),
    [2, 2],
    false,
  ),
  namedGraph(
    'int4: Gemm with transA, alpha, beta and C over K = 70 (MatMulNBits + Transpose + Mul + Add, a partial last block)',
    13,
    new OnnxModelBuilder(13, 39)
      .input('x', [70, 3])
      .output('y', [3, 5])
      .randomWeight('W', [5, 70], 70)
      .randomBias('C', 5)
      .node('Gemm', ['x', 'W', 'C'], ['y'], { transA: 1, transB: 1, alpha: { float: -1.5 }, beta: { float: 0.5 } })
      .build(),
    [70, 3],
    true,
    2,
  ),
  namedGraph(
    'int4: a square weight read by MatMul and by Gemm(transB) over K = 40 (two MatMulNBits packings of one weight)',
    13,
    new OnnxModelBuilder(13, 40).input('x', ['batch', 40]).output('y', ['batch', 40]).randomWeight('W', [40, 40], 40).node('MatMul', ['x', 'W'], ['h']).node('Gemm', ['h', 'W'], ['y'], { transB: 1 }).build(),
    [2, 40],
    true,
    3,
  ),
  namedGraph(
    'int4: Conv over 40 input channels (int4 DequantizeLinear blocked along them, opset 17 raised to 21)',
    17,
    new OnnxModelBuilder(17, 41)
      .input('x', [1, 40, 6, 6])
      .output('y', [1, 4, 6, 6])
      .randomWeight('K', [4, 40, 3, 3])
      .randomBias('b', 4)
      .node('Conv', ['x', 'K', 'b'], ['y'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1] })
      .build(),
    [1, 40, 6, 6],
    true,
    4,
  ),
  namedGraph(
    'int4: a batched MatMul weight [2, 70, 3] (int4 DequantizeLinear blocked along K)',
    21,
    new OnnxModelBuilder(21, 43).input('x', [2, 'tokens', 70]).output('y', [2, 'tokens', 3]).randomWeight('W', [2, 70, 3], 70).node('MatMul', ['x', 'W'], ['y']).build(),
    [2, 3, 70],
    true,
    5,
  ),
  namedGraph(
    'fp16: a graph output also read further on, and the input read by a float16 MatMul and a float32 ReduceMean',
    17,
    new OnnxModelBuilder(17, 42)
      .input('x', ['batch', 8])
      .output('h', ['batch', 8])
      .output('y', ['batch', 8])
      .randomWeight('W', [8, 8], 8)
      .node('MatMul', ['x', 'W'], ['h'])
      .node('ReduceMean', ['x'], ['m'], { axes: [1] })
      .node('Add', ['h', 'm'], ['y'])
      .build(),
    [2, 8],
    true,
    6,
  ),
  ...[6, 7].map((seed) =>
    namedGraph(
      `int4 / palette: a learned [1, 49, 64] Add operand (position embeddings, stored like a weight) and a 64×64 MatMul (float16 block scales), seed ${seed}`,
      17,
      new OnnxModelBuilder(17, 44 + seed)
        .input('x', ['batch', 49, 64])
        .output('y', ['batch', 49, 64])
        .randomWeight('P', [1, 49, 64], 400)
        .randomWeight('W', [64, 64], 64)
        .randomBias('b', 64)
        .node('Add', ['x', 'P'], ['h'])
        .node('MatMul', ['h', 'W'], ['m'])
        .node('Add', ['m', 'b'], ['y'])
        .build(),
      [2, 49, 64],
      true,
      seed,
    ),
  ),
];

describe('named cases', () => {
  it.each(NAMED.map((graph) => [graph.name, graph] as const))('%s', async (_, graph) => {
    expect(await check(graph)).toEqual([]);
  });
});

// The browser's runtime (onnxruntime-web's WASM kernels, here in Node) must take the same models.
describe('named cases in onnxruntime-web (WASM)', () => {
  it.each(NAMED.map((graph) => [graph.name, graph] as const))('%s', async (_, graph) => {
    expect(await check(graph, ortWeb)).toEqual([]);
  });
});
