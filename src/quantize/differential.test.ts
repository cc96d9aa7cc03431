import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { differentialRuns, type DifferentialRun } from './testing/differential';
import { listInitializersAsInputs, namedGraph, randomGraph, type RandomGraph } from './testing/random-graphs';
import { OnnxModelBuilder } from './testing/model-builder';

// Every generated or named graph is quantized in every mode, per channel and per tensor, run in onnxruntime-node
// with its default optimizations and with none, and must stay within the int8 error bound of the float model.

ort.env.logLevel = 'fatal';
ortWeb.env.logLevel = 'fatal';
ortWeb.env.wasm.numThreads = 1;

function failures(graph: RandomGraph, runs: DifferentialRun[]): string[] {
  return runs
    .filter((run) => run.failure)
    .map((run) => `${graph.name} — ${run.mode} ${run.perChannel ? 'per-channel' : 'per-tensor'} (${run.failure!.level}): ${run.failure!.message}`);
}

async function check(graph: RandomGraph, runtime: typeof ort | typeof ortWeb = ort): Promise<string[]> {
  return failures(graph, await differentialRuns(graph, runtime));
}

/** 240 graphs with a fixed seed, in batches so a failure names its batch. */
const FIRST_SEED = 1;
const GRAPHS = 240;
const BATCH = 40;

describe('random graphs (fixed seed) quantize within the int8 bound in every mode', () => {
  const batches = Array.from({ length: GRAPHS / BATCH }, (_, i) => FIRST_SEED + i * BATCH);
  it.each(batches)(`graphs from seed %i (${BATCH} graphs × 3 modes × 2 scale layouts)`, async (first) => {
    const found: string[] = [];
    for (let seed = first; seed < first + BATCH; seed++) found.push(...(await check(randomGraph(seed))));
    expect(found).toEqual([]);
  });
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
