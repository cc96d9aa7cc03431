import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { quantizeModel } from './quantize-model';
import { QuantizeError } from './errors';
import { ortModelRunner } from './ort-calibration';
import { describeSelfCheck, generatedSamples, selfCheck, unboundedOutputs } from './self-check';
import type { UnboundedOutput } from './types';
import { decodeModel, encodeModel } from './proto';
import { DataType, readFloatTensor, floatTensor, tensorDims } from './tensor';
import { buildMlp, buildSmallCnn, OnnxModelBuilder } from './testing/model-builder';

ort.env.logLevel = 'fatal';
const runner = ortModelRunner(ort);

async function refusal(promise: Promise<unknown>): Promise<QuantizeError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(QuantizeError);
  expect((error as QuantizeError).code).toBe('self-check-failed');
  return error as QuantizeError;
}

/** The quantized model with one weight scale multiplied by `factor`: a wrong model that still runs. */
function withScaledWeight(bytes: Uint8Array, scaleName: string, factor: number): Uint8Array {
  const model = decodeModel(bytes);
  const initializers = model.graph!.initializer!;
  const index = initializers.findIndex((t) => t.name === scaleName);
  const tensor = initializers[index];
  initializers[index] = floatTensor(scaleName, tensorDims(tensor), readFloatTensor(tensor).map((v) => v * factor));
  return encodeModel(model);
}

/** y = Sqrt(|x·w|): an output behind an operator the error bound has no rule for. */
function sqrtOfMatMul(): Uint8Array {
  return new OnnxModelBuilder(13, 7)
    .input('x', ['batch', 4])
    .output('y', ['batch', 3])
    .randomWeight('w', [4, 3], 4)
    .node('MatMul', ['x', 'w'], ['m'])
    .node('Abs', ['m'], ['a'])
    .node('Sqrt', ['a'], ['y'])
    .build();
}

describe('self-check', () => {
  it.each(['weight-only', 'dynamic'] as const)('passes a correct %s model and records its error against the bound', async (mode) => {
    const { report } = await quantizeModel(buildSmallCnn(), { mode, selfCheck: { run: runner, runtime: 'onnxruntime-node' } });
    expect(report.selfCheck).toMatchObject({ samples: 8, output: 'logits', unbounded: [] });
    expect(report.selfCheck!.maxAbsError).toBeGreaterThan(0);
    expect(report.selfCheck!.maxAbsError).toBeLessThanOrEqual(report.selfCheck!.bound);
    // Layer by layer the bound restarts from measured errors, so it is far tighter than the end-to-end worst case.
    expect(report.selfCheck!.layered!.maxAbsError).toBeLessThanOrEqual(report.selfCheck!.layered!.bound);
    expect(report.selfCheck!.layered!.bound).toBeLessThan(report.selfCheck!.bound);
  });

  it('refuses a model that runs but computes something else, naming the tensor, the node and the error', async () => {
    const model = buildMlp({ sizes: [8, 16, 4] });
    const { bytes, report } = await quantizeModel(model, { mode: 'weight-only' });
    const wrong = withScaledWeight(bytes, 'fc1.weight_scale', 1.5);
    const error = await refusal(selfCheck(model, wrong, report, { run: runner, runtime: 'onnxruntime-node' }));
    expect(error.message).toMatch(
      /Self-check failed in onnxruntime-node: tensor "fc1.matmul" \(computed by MatMul "MatMul_3"\) of the quantized model differs from the float model by [\d.]+ on check input \d of 8, more than the [\d.]+ its int8 steps allow given the errors of its inputs/,
    );
  });

  it('refuses a model the runtime cannot run, with the runtime\'s reason', async () => {
    const model = buildMlp({ sizes: [8, 16, 4] });
    const { bytes, report } = await quantizeModel(model, { mode: 'dynamic' });
    const decoded = decodeModel(bytes);
    decoded.graph!.node!.find((n) => n.opType === 'MatMulInteger')!.opType = 'MatMulIntegr';
    const error = await refusal(selfCheck(model, encodeModel(decoded), report, { run: runner, runtime: 'onnxruntime-node' }));
    expect(error.message).toMatch(/The quantized model does not run in onnxruntime-node: .*MatMulIntegr/);
  });

  it('checks outputs behind operators it has no bound for only for running, and says which', async () => {
    const model = sqrtOfMatMul();
    const { report } = await quantizeModel(model, { mode: 'dynamic', selfCheck: { run: runner } });
    expect(report.selfCheck).toMatchObject({ bound: Infinity, unbounded: [{ output: 'y', op: 'Sqrt' }] });
  });

  it('refuses an output that is not a number where the float model is finite, even where no bound covers it', async () => {
    const model = sqrtOfMatMul();
    const { bytes, report } = await quantizeModel(model, { mode: 'dynamic' });
    for (const broken of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const runsBroken: typeof runner = async (candidate, samples, names) => {
        const results = await runner(candidate, samples, names);
        if (candidate !== bytes) return results;
        return results.map((sample) => ({ ...sample, y: { ...sample.y!, data: Float32Array.from(sample.y!.data, (v, i) => (i === 1 ? broken : v)) } }));
      };
      const error = await refusal(selfCheck(model, bytes, report, { run: runsBroken, runtime: 'onnxruntime-node' }));
      expect(error.message).toMatch(/output "y" has values that are not numbers \(NaN or ±Infinity\) where the float model's are finite, on check input 1 of 8 in onnxruntime-node/);
    }
  });

  it('does not list an output as unbounded when the layer-by-layer bound held it (only the end-to-end one stops)', async () => {
    // As in the ViT past its first LayerNorm: the end-to-end bound stops at Sqrt, the measured error after it restarts it.
    const model = new OnnxModelBuilder(13, 7)
      .input('x', ['batch', 4])
      .output('y', ['batch', 3])
      .randomWeight('w', [4, 4], 4)
      .randomWeight('v', [4, 3], 5)
      .node('MatMul', ['x', 'w'], ['m'])
      .node('Abs', ['m'], ['a'])
      .node('Sqrt', ['a'], ['r'])
      .node('MatMul', ['r', 'v'], ['y'])
      .build();
    const { report } = await quantizeModel(model, { mode: 'dynamic', selfCheck: { run: runner } });
    const result = report.selfCheck!;
    expect(result.bound).toBe(Infinity);
    expect(Number.isFinite(result.layered!.bound)).toBe(true);
    expect(result.unbounded).toEqual([]);
    expect(describeSelfCheck(result)).not.toMatch(/only checked to run/);
  });

  it('generates signed inputs shaped like the model\'s, symbolic dimensions as 1, integers as ones', () => {
    const [sample] = generatedSamples(
      [
        { name: 'x', dims: [null, 3], elemType: DataType.FLOAT },
        { name: 'ids', dims: [null, 2], elemType: 7 },
      ],
      1,
    );
    expect(sample.x.dims).toEqual([1, 3]);
    expect(Array.from(sample.x.data as Float32Array).some((v) => v < 0)).toBe(true);
    expect(sample.ids).toEqual({ type: 'int64', data: BigInt64Array.of(1n, 1n), dims: [1, 2] });
  });
});

describe('describeSelfCheck', () => {
  const base = { samples: 8, maxAbsError: 0.075, output: 'logits', unbounded: [] };
  it('states the tighter bound only, since a compounded end-to-end bound tells a person nothing', () => {
    expect(describeSelfCheck({ ...base, bound: 2.1e9, layered: { maxAbsError: 0.075, bound: 1.85 } })).toBe(
      '8 inputs: largest error 0.0750 on "logits" (int8 bound 1.85 layer by layer)',
    );
    expect(describeSelfCheck({ ...base, bound: 0.5, layered: { maxAbsError: 0.075, bound: 0.9 } })).toBe(
      '8 inputs: largest error 0.0750 on "logits" (int8 bound 0.500 end to end)',
    );
  });

  it('names the operator past which no bound exists, never a node path', () => {
    expect(describeSelfCheck({ ...base, bound: Infinity, layered: { maxAbsError: 0.075, bound: Infinity }, unbounded: [{ output: 'logits', op: 'LayerNormalization' }] })).toBe(
      '8 inputs: largest error 0.0750 on "logits"; no bound past LayerNormalization, so "logits" only checked to run',
    );
  });

  it('reads results stored before: the node path dropped, an output the layered bound held not listed', () => {
    const stored = ['logits (past /blocks/blocks.0/norm1/LayerNormalization (LayerNormalization))'] as unknown as UnboundedOutput[];
    expect(describeSelfCheck({ ...base, bound: Infinity, layered: { maxAbsError: 0.153, bound: 1.67 }, format: 'int4', unbounded: stored })).toBe(
      '8 inputs: largest error 0.0750 on "logits" (int4 bound 1.67 layer by layer)',
    );
    expect(unboundedOutputs({ ...base, bound: Infinity, unbounded: stored })).toEqual([{ output: 'logits', op: 'LayerNormalization' }]);
  });
});
