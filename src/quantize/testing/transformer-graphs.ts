/**
 * Seeded random transformer-shaped ONNX graphs for differential testing (`differential.ts`), written as PyTorch's
 * exporter writes a pre-norm ViT: token embedding (MatMul + bias, sometimes position embeddings), 1–2 blocks of
 * LayerNormalization → Q/K/V MatMul + bias → Reshape/Transpose into heads → MatMul(Q, Kᵀ) → scale by a Constant
 * (Mul or Div) → Softmax → MatMul(·, V) → heads merged → projection → residual Add, then LayerNormalization → MLP with
 * GELU (Div by Constant √2 → Erf → Add 1 → Mul → Mul 0.5, or the Gelu operator at opset 21) → residual Add; a final
 * LayerNormalization, then mean pooling over the tokens (ReduceMean: axes attribute at opset 17, input at 21) → Gemm
 * head, or a per-token MatMul head. Half the graphs give two LayerNorm channels a 10× scale, as trained transformers'
 * outlier channels are. Every operator between the weights is one the error bound must propagate through.
 */
import { seededRandom } from '../../util/prng';
import { OnnxModelBuilder } from './model-builder';
import { namedGraph, type RandomGraph } from './random-graphs';
import { SeededDraws } from './seeded-draws';

/** One graph under construction: names, draws and the features it exercises (for its name). */
class Sketch extends SeededDraws {
  readonly features: string[] = [];

  constructor(
    readonly builder: OnnxModelBuilder,
    random: () => number,
  ) {
    super(random);
  }

  node(op: string, inputs: string[], attributes: Parameters<OnnxModelBuilder['node']>[3] = {}): string {
    const output = this.fresh(op.toLowerCase());
    this.builder.node(op, inputs, [output], attributes);
    return output;
  }

  scalar(value: number): string {
    const name = this.fresh('const');
    this.builder.constant(name, [], Float32Array.of(value));
    return name;
  }

  ints(values: readonly number[]): string {
    const name = this.fresh('shape');
    this.builder.constant(name, [values.length], BigInt64Array.from(values.map(BigInt)));
    return name;
  }

  /** x·W + b with a stored [from, to] weight, as torch.nn.Linear exports on 3-D inputs. */
  linear(x: string, from: number, to: number): string {
    const weight = this.fresh('W');
    const bias = this.fresh('b');
    this.builder.randomWeight(weight, [from, to], from).randomBias(bias, to);
    return this.node('Add', [bias, this.node('MatMul', [x, weight])]);
  }

  layerNorm(x: string, width: number, outliers: boolean): string {
    const gamma = this.fresh('gamma');
    const beta = this.fresh('beta');
    const scales = Float32Array.from({ length: width }, (_, j) => (outliers && (j === 1 || j === width - 2) ? 10 : 1) * (0.8 + 0.4 * this.random()));
    this.builder.initializer(gamma, [width], scales).randomBias(beta, width);
    return this.node('LayerNormalization', [x, gamma, beta], { axis: -1, epsilon: { float: 1e-5 } });
  }
}

function attention(s: Sketch, x: string, width: number, heads: number): string {
  const headWidth = width / heads;
  const split = s.ints([0, 0, heads, headWidth]);
  const q = s.node('Transpose', [s.node('Reshape', [s.linear(x, width, width), split])], { perm: [0, 2, 1, 3] });
  const kT = s.node('Transpose', [s.node('Reshape', [s.linear(x, width, width), split])], { perm: [0, 2, 3, 1] });
  const v = s.node('Transpose', [s.node('Reshape', [s.linear(x, width, width), split])], { perm: [0, 2, 1, 3] });
  const scores = s.node('MatMul', [q, kT]);
  const byDiv = s.chance(0.5);
  s.features.push(`${heads} head${heads > 1 ? 's' : ''} of ${headWidth}, scale by ${byDiv ? 'Div' : 'Mul'}`);
  const scaled = byDiv ? s.node('Div', [scores, s.scalar(Math.sqrt(headWidth))]) : s.node('Mul', [scores, s.scalar(1 / Math.sqrt(headWidth))]);
  const mixed = s.node('MatMul', [s.node('Softmax', [scaled], { axis: -1 }), v]);
  const merged = s.node('Reshape', [s.node('Transpose', [mixed], { perm: [0, 2, 1, 3] }), s.ints([0, 0, width])]);
  return s.linear(merged, width, width);
}

function gelu(s: Sketch, x: string, opset: number): string {
  if (opset >= 20 && s.chance(0.5)) {
    s.features.push('Gelu');
    return s.node('Gelu', [x]);
  }
  s.features.push('GELU via Erf');
  const erf = s.node('Erf', [s.node('Div', [x, s.scalar(Math.SQRT2)])]);
  return s.node('Mul', [s.node('Mul', [x, s.node('Add', [erf, s.scalar(1)])]), s.scalar(0.5)]);
}

/** The transformer graph for `seed`: same seed, same graph; input x [batch, tokens, features], signed normal. */
export function randomTransformerGraph(seed: number): RandomGraph {
  const random = seededRandom(seed ^ 0x7f4a7c15);
  const opset = random() < 0.65 ? 17 : 21;
  const builder = new OnnxModelBuilder(opset, seed);
  const s = new Sketch(builder, random);
  const batch = s.chance(0.5) ? 'batch' : s.int(1, 2);
  const feedBatch = typeof batch === 'number' ? batch : s.int(1, 2);
  const tokens = s.chance(0.3) ? 'tokens' : s.int(2, 7);
  const feedTokens = typeof tokens === 'number' ? tokens : 4;
  const features = s.int(3, 8);
  const width = s.chance(0.25) ? 64 : s.pick([8, 16]);
  const heads = s.pick([1, 2, 4].filter((h) => width / h >= 2));
  const outliers = s.chance(0.5);
  const blocks = s.int(1, 2);
  s.features.push(`width ${width}`, `${blocks} block${blocks > 1 ? 's' : ''}`);
  if (outliers) s.features.push('LayerNorm outlier channels');

  let residual = s.linear('x', features, width);
  if (typeof tokens === 'number' && s.chance(0.5)) {
    builder.randomBias('pos_embed', tokens * width);
    residual = s.node('Add', [residual, s.node('Reshape', ['pos_embed', s.ints([tokens, width])])]);
    s.features.push('position embeddings');
  }
  for (let block = 0; block < blocks; block++) {
    residual = s.node('Add', [residual, attention(s, s.layerNorm(residual, width, outliers), width, heads)]);
    const hidden = 2 * width;
    residual = s.node('Add', [residual, s.linear(gelu(s, s.linear(s.layerNorm(residual, width, outliers), width, hidden), opset), hidden, width)]);
  }
  const normed = s.layerNorm(residual, width, outliers);
  const classes = s.int(3, 6);
  let output: string;
  let outputDims: (number | string)[];
  if (s.chance(0.75)) {
    const pooled = opset >= 18 ? s.node('ReduceMean', [normed, s.ints([1])], { keepdims: 0 }) : s.node('ReduceMean', [normed], { axes: [1], keepdims: 0 });
    builder.randomWeight('head.weight', [classes, width], width).randomBias('head.bias', classes);
    output = s.node('Gemm', [pooled, 'head.weight', 'head.bias'], { transB: 1 });
    outputDims = [batch, classes];
    s.features.push('mean pooling → Gemm head');
  } else {
    output = s.linear(normed, width, classes);
    outputDims = [batch, tokens, classes];
    s.features.push('per-token head');
  }
  builder.input('x', [batch, tokens, features]).output(output, outputDims);
  return namedGraph(
    `transformer seed ${seed}: opset ${opset}, x [${batch},${tokens},${features}]; ${s.features.join('; ')}`,
    opset,
    builder.build(),
    [feedBatch, feedTokens, features],
    true,
    seed,
  );
}
