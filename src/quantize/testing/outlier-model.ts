/**
 * Generated models whose hidden activation has outlier channels (40× the others), as transformers' LayerNorm
 * outputs do, with the fold target SmoothQuant would use named by `shape`. Input x [batch, 16], output logits
 * [batch, 10].
 */
import { OnnxModelBuilder } from './model-builder';
import { seededNormal } from '../../util/prng';
import type { TensorMap } from '../../types/tensor';

export const FEATURES = 16;
const HIDDEN = 32;
export const CLASSES = 10;
/** Channels of the hidden activation scaled up 40×, as transformers' outlier channels are. */
const OUTLIERS = [3, 17, 29];

function gamma(seed: number): Float32Array {
  const normal = seededNormal(seed);
  return Float32Array.from({ length: HIDDEN }, (_, j) => (OUTLIERS.includes(j) ? 40 : 1) * (1 + 0.1 * normal()));
}

/**
 * The reading weight [HIDDEN, CLASSES] (or its transpose) with the outlier channels' rows 40× smaller, so the
 * output depends on every channel alike: the signal is in the small channels, which one uint8 scale per tensor
 * sized for the outliers rounds away.
 */
function readingWeight(seed: number, transposed: boolean): Float32Array {
  const normal = seededNormal(seed + 3);
  const std = Math.sqrt(2 / HIDDEN);
  return Float32Array.from({ length: HIDDEN * CLASSES }, (_, i) => {
    const channel = transposed ? i % HIDDEN : Math.floor(i / CLASSES);
    return (normal() * std) / (OUTLIERS.includes(channel) ? 40 : 1);
  });
}

export type OutlierShape = 'mul-add' | 'layernorm' | 'matmul-bias' | 'gemm-relu' | 'shared-input';

/** x [batch, 16] → hidden (outlier channels) → MatMul/Gemm → logits [batch, 10], with the fold target `shape` names. */
export function outlierModel(shape: OutlierShape, seed = 1): Uint8Array {
  const b = new OnnxModelBuilder(shape === 'layernorm' || shape === 'shared-input' ? 17 : 13, seed).input('x', ['batch', FEATURES]).output('logits', ['batch', CLASSES]);
  b.randomWeight('w1', [FEATURES, HIDDEN], FEATURES).initializer('w2', [HIDDEN, CLASSES], readingWeight(seed, false));
  b.initializer('gamma', [HIDDEN], gamma(seed)).randomBias('beta', HIDDEN);
  switch (shape) {
    case 'mul-add':
      b.node('MatMul', ['x', 'w1'], ['h']).node('Tanh', ['h'], ['t']).node('Mul', ['t', 'gamma'], ['scaled']).node('Add', ['scaled', 'beta'], ['hidden']);
      b.node('MatMul', ['hidden', 'w2'], ['logits']);
      break;
    case 'layernorm':
      b.node('MatMul', ['x', 'w1'], ['h']).node('LayerNormalization', ['h', 'gamma', 'beta'], ['hidden'], { axis: -1 });
      b.node('MatMul', ['hidden', 'w2'], ['logits']);
      break;
    case 'matmul-bias': {
      // The outliers come from w1's columns; the fold goes through the bias Add into them.
      const w = gamma(seed);
      const normal = seededNormal(seed + 1);
      b.randomBias('b1', HIDDEN).initializer('w1o', [FEATURES, HIDDEN], Float32Array.from({ length: FEATURES * HIDDEN }, (_, i) => w[i % HIDDEN] * normal() * 0.3));
      b.node('MatMul', ['x', 'w1o'], ['h']).node('Add', ['h', 'b1'], ['hidden']).node('MatMul', ['hidden', 'w2'], ['logits']);
      break;
    }
    case 'gemm-relu': {
      const w = gamma(seed);
      const normal = seededNormal(seed + 2);
      // Gemm with transB: weight [HIDDEN, FEATURES], rows are output channels.
      b.randomBias('b1', HIDDEN).initializer('w1t', [HIDDEN, FEATURES], Float32Array.from({ length: FEATURES * HIDDEN }, (_, i) => w[Math.floor(i / FEATURES)] * normal() * 0.3));
      b.initializer('w2t', [CLASSES, HIDDEN], readingWeight(seed, true)).randomBias('b2', CLASSES);
      b.node('Gemm', ['x', 'w1t', 'b1'], ['h'], { transB: 1 }).node('Relu', ['h'], ['hidden']).node('Gemm', ['hidden', 'w2t', 'b2'], ['logits'], { transB: 1 });
      break;
    }
    case 'shared-input':
      // One normalised tensor read by three projections, as attention's Q, K and V read it.
      b.randomWeight('wq', [HIDDEN, CLASSES], HIDDEN).randomWeight('wk', [HIDDEN, CLASSES], HIDDEN);
      b.node('MatMul', ['x', 'w1'], ['h']).node('LayerNormalization', ['h', 'gamma', 'beta'], ['hidden'], { axis: -1 });
      b.node('MatMul', ['hidden', 'wq'], ['q']).node('MatMul', ['hidden', 'wk'], ['k']).node('MatMul', ['hidden', 'w2'], ['v']);
      b.node('Add', ['q', 'k'], ['qk']).node('Add', ['qk', 'v'], ['logits']);
      break;
  }
  return b.build();
}


/** `count` inputs of 4 rows each, standard normal (seeded). */
export function outlierSamples(count: number, seed: number): TensorMap[] {
  const normal = seededNormal(seed);
  return Array.from({ length: count }, () => ({ x: { type: 'float32', data: Float32Array.from({ length: 4 * FEATURES }, normal), dims: [4, FEATURES] } }));
}
