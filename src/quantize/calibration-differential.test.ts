import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { quantizeModel } from './quantize-model';
import { smoothModel } from './smooth-quant';
import { QuantizeError } from './errors';
import { ortCalibration, ortModelRunner } from './ort-calibration';
import { selfCheck } from './self-check';
import { randomGraph, namedGraph, type RandomGraph } from './testing/random-graphs';
import { outlierModel, type OutlierShape } from './testing/outlier-model';
import type { CalibrationMethod } from './calibration-methods';
import type { QuantizeOptions } from './types';
import type { TensorMap } from '../types/tensor';

// The clipping calibration methods and SmoothQuant in the differential suite: each result runs in onnxruntime-node
// at its default optimizations and with none, within the int8 bound (which counts how far a value leaves its
// calibrated range, so clipping is bounded too).

ort.env.logLevel = 'fatal';

const LEVELS = [{}, { graphOptimizationLevel: 'disabled' }] as const;
const feeds = (samples: TensorMap[]) => samples.map((s) => Object.fromEntries(Object.entries(s).map(([n, v]) => [n, new ort.Tensor(v.type, v.data, v.dims)])));

/** Quantizes and self-checks at both levels; returns the failure message or null (refusals other than these count). */
async function failure(graph: RandomGraph, options: Omit<QuantizeOptions, 'mode' | 'calibration'>, calibration: Partial<{ method: CalibrationMethod }>): Promise<string | null> {
  const samples = graph.samples(16);
  try {
    const { bytes, report } = await quantizeModel(graph.bytes, { mode: 'static', calibration: { run: ortCalibration(ort, feeds(samples)), ...calibration }, ...options });
    // With SmoothQuant the bound is derived against the smoothed float model the quantizer started from.
    const floatBytes = options.smoothQuant ? (await smoothModel(graph.bytes, { mode: 'static', calibration: { run: ortCalibration(ort, feeds(samples)) }, smoothQuant: options.smoothQuant })).bytes : graph.bytes;
    for (const level of LEVELS) await selfCheck(floatBytes, bytes, report, { run: ortModelRunner(ort, level), samples: samples.slice(0, 3) });
    return null;
  } catch (error) {
    if (error instanceof QuantizeError && error.code === 'smoothquant-not-applicable') return 'not applicable';
    return `${graph.name} — ${calibration.method ?? 'minmax'}${options.smoothQuant ? ' + SmoothQuant' : ''}: ${(error as Error).message}`;
  }
}

describe('random graphs quantize within the int8 bound with every calibration method', () => {
  it.each([1, 16, 31, 46])('graphs from seed %i (15 graphs × percentile, entropy, MSE)', async (first) => {
    const found: string[] = [];
    for (let seed = first; seed < first + 15; seed++) {
      for (const method of ['percentile', 'entropy', 'mse'] as const) {
        const message = await failure(randomGraph(seed), {}, { method });
        if (message) found.push(message);
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});

describe('SmoothQuant in the differential suite', () => {
  it('random graphs where it applies, and the outlier models, stay within the bound', async () => {
    const named = (['mul-add', 'layernorm', 'matmul-bias', 'gemm-relu', 'shared-input'] as OutlierShape[]).map((shape) =>
      namedGraph(`outlier model (${shape})`, 17, outlierModel(shape), [4, 16]),
    );
    const graphs = [...named, ...Array.from({ length: 60 }, (_, i) => randomGraph(i + 1))];
    const found: string[] = [];
    let applied = 0;
    for (const graph of graphs) {
      const message = await failure(graph, { smoothQuant: { alpha: 0.5 } }, {});
      if (message === null) applied++;
      else if (message !== 'not applicable') found.push(message);
    }
    expect(found).toEqual([]);
    // 14 of these 60 random graphs have a MatMul/Gemm input it can fold (Relu, Add, MatMul, Gemm chains).
    expect(applied).toBeGreaterThanOrEqual(named.length + 10);
  }, 120_000);
});
