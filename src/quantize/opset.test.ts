import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { ensureOpset } from './opset';
import { decodeModel, encodeModel } from './proto';
import { OnnxModelBuilder } from './testing/model-builder';
import { inspectModel } from './testing/inspect';

ort.env.logLevel = 'fatal';

/** x [2, 3, 4] → LayerNormalization → ReduceMean over axis 1 (attribute form of opset 17) → y [2, 4]. */
function meanPooled(): Uint8Array {
  return new OnnxModelBuilder(17, 5)
    .input('x', [2, 3, 4])
    .output('y', [2, 4])
    .initializer('gamma', [4], Float32Array.of(1, 2, 0.5, 1))
    .initializer('beta', [4], Float32Array.of(0, 0.1, 0, -0.1))
    .node('LayerNormalization', ['x', 'gamma', 'beta'], ['ln'], { axis: -1 })
    .node('ReduceMean', ['ln'], ['y'], { axes: [1], keepdims: 0 })
    .build();
}

async function run(bytes: Uint8Array, x: Float32Array): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes);
  const result = await session.run({ x: new ort.Tensor('float32', x, [2, 3, 4]) });
  await session.release();
  return result.y.data as Float32Array;
}

describe('ensureOpset', () => {
  it('raises a LayerNormalization + ReduceMean model from 17 to 21, moving the axes attribute into an input, and it computes the same', async () => {
    const before = meanPooled();
    const model = decodeModel(before);
    expect(ensureOpset(model, 21)).toMatchObject({ ok: true, raisedFrom: 17 });
    const after = encodeModel(model);
    const reduce = inspectModel(after).graph.node.find((n) => n.opType === 'ReduceMean')!;
    expect(reduce.attribute.map((a) => a.name)).toEqual(['keepdims']);
    expect(reduce.input).toHaveLength(2);
    const x = Float32Array.from({ length: 24 }, (_, i) => Math.sin(i * 1.7) * 3);
    expect(Array.from(await run(after, x))).toEqual(Array.from(await run(before, x)));
  });
});
