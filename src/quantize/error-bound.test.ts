import { describe, expect, it } from 'vitest';
import { ErrorBound, type TensorSample } from './error-bound';
import { OnnxModelBuilder } from './testing/model-builder';
import { seededNormal, seededRandom } from '../util/prng';
import type { QuantizeReport } from './types';

const WIDTH = 12;
const ROWS = 3;

/** What ErrorBound reads of a static int8 report: x calibrated to [min, max] in uint8 steps, W exact. */
function staticReport(scale: number): QuantizeReport {
  return {
    mode: 'static',
    weights: [{ name: 'W', ops: ['MatMul'], dims: [WIDTH, 4], axis: 1, maxError: 0 }],
    activations: [{ name: 'x', calibrated: { min: -1000, max: 1000, scale, zeroPoint: 128 } }],
  } as unknown as QuantizeReport;
}

/** LayerNormalization over the last axis, in float64: γ·(x − mean)/√(var + ε) + β. */
function layerNorm(x: Float64Array, gamma: Float32Array, beta: Float32Array, epsilon: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let start = 0; start < x.length; start += WIDTH) {
    const row = x.subarray(start, start + WIDTH);
    const mean = row.reduce((a, b) => a + b, 0) / WIDTH;
    const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / WIDTH;
    for (let i = 0; i < WIDTH; i++) out[start + i] = (gamma[i] * (row[i] - mean)) / Math.sqrt(variance + epsilon) + beta[i];
  }
  return out;
}

const sample = (data: ArrayLike<number>, dims: number[]): TensorSample => ({ data, dims });

describe('ErrorBound', () => {
  it.each(Array.from({ length: 12 }, (_, i) => i + 1))('holds for LayerNormalization under the worst input perturbations it is derived for (seed %i)', (seed) => {
    const random = seededRandom(seed);
    const normal = seededNormal(seed);
    // Rows with small and large spread, and a few outlier channels, as transformers' residual streams have.
    const spread = [0.05, 1, 6][seed % 3];
    const gamma = Float32Array.from({ length: WIDTH }, (_, i) => (i === 2 ? 8 : 1) * (0.5 + random()));
    const beta = Float32Array.from({ length: WIDTH }, () => 0.1 * normal());
    const x = Float64Array.from({ length: ROWS * WIDTH }, (_, i) => spread * normal() + (i % WIDTH === 5 ? 4 * spread : 0));
    const epsilon = 1e-5;
    const model = new OnnxModelBuilder(17, seed)
      .input('x', [ROWS, WIDTH])
      .output('y', [ROWS, 4])
      .initializer('gamma', [WIDTH], gamma)
      .initializer('beta', [WIDTH], beta)
      .randomWeight('W', [WIDTH, 4], WIDTH)
      .node('LayerNormalization', ['x', 'gamma', 'beta'], ['ln'], { axis: -1, epsilon: { float: epsilon } })
      .node('MatMul', ['ln', 'W'], ['y'])
      .build();
    // The input error e: one uint8 step, a share of the smallest row spread (the bound is Infinity past s ≤ e).
    const scale = spread * (0.02 + 0.2 * random());
    const bound = new ErrorBound(model, staticReport(scale));
    expect(bound.measuredTensors).toContain('x');
    const reference = layerNorm(x, gamma, beta, epsilon);
    const values = { x: sample(x, [ROWS, WIDTH]), ln: sample(reference, [ROWS, WIDTH]), y: sample(new Float64Array(ROWS * 4), [ROWS, 4]) };
    // The rule gives a finite bound here (a wrong LayerNormalization output is caught)…
    expect(bound.outputs(values, { ln: 100 }).violations.map((v) => v.tensor)).toEqual(['ln']);
    // …that every perturbation within the input's error stays under.
    for (let trial = 0; trial < 200; trial++) {
      // Corners of the error box (each element ±e), the perturbations that move mean and spread the most.
      const pattern = trial % 4;
      const perturbed = x.map((v, i) => {
        const sign = pattern === 0 ? (random() < 0.5 ? -1 : 1) : pattern === 1 ? Math.sign(v - x[i - (i % WIDTH)]) || 1 : pattern === 2 ? (i % WIDTH < WIDTH / 2 ? 1 : -1) : -Math.sign(v) || 1;
        return v + sign * scale;
      });
      const moved = layerNorm(perturbed, gamma, beta, epsilon);
      const error = moved.reduce((m, v, i) => Math.max(m, Math.abs(v - reference[i])), 0);
      const { violations } = bound.outputs(values, { ln: error });
      expect(violations, `trial ${trial}: error ${error}`).toEqual([]);
    }
  });

  it('never turns an unknown error into a finite bound further on (an unknown error times a zero-error factor was NaN, read as no error)', () => {
    // Div by an activation has no bound (Infinity); the Mul by a Constant and the LayerNormalization after it must
    // keep it unknown rather than restart from 0.
    const model = new OnnxModelBuilder(17, 3)
      .input('x', [2, 8])
      .output('y', [2, 4])
      .randomWeight('W', [8, 4], 8)
      .initializer('gamma', [8], new Float32Array(8).fill(1))
      .initializer('beta', [8], new Float32Array(8))
      .node('Sigmoid', ['x'], ['gate'])
      .node('Div', ['x', 'gate'], ['ratio'])
      .constant('half', [], Float32Array.of(0.5))
      .node('Mul', ['ratio', 'half'], ['halved'])
      .node('LayerNormalization', ['halved', 'gamma', 'beta'], ['ln'], { axis: -1 })
      .node('MatMul', ['ln', 'W'], ['y'])
      .build();
    const report = { mode: 'static', weights: [{ name: 'W', ops: ['MatMul'], dims: [8, 4], axis: 1, maxError: 0.01 }], activations: [{ name: 'x', calibrated: { min: -3, max: 3, scale: 6 / 255, zeroPoint: 128 } }] } as unknown as QuantizeReport;
    const bound = new ErrorBound(model, report);
    const normal = seededNormal(4);
    const values = Object.fromEntries(['x', 'gate', 'ratio', 'halved', 'ln', 'y'].map((name) => [name, sample(Float32Array.from({ length: 16 }, normal), [2, 8])]));
    const { outputs } = bound.outputs(values);
    expect(outputs.y.bound).toBe(Infinity);
    expect(outputs.y.blockedBy).toBe('Div');
  });
});
