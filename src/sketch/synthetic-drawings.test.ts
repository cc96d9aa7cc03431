import { existsSync, readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/prng';
import { strokesToInput } from './model-input';
import { labelsFromConfig } from './predictions';
import { argmax } from '../quantize/metrics';
import { SYNTHETIC_LABELS, syntheticDrawings } from './synthetic-drawings';

const MODEL = 'models/doodle-cnn/onnx/model.onnx';

describe('synthetic drawings', () => {
  it('draws every shape class, the same for the same seed and differently for another', () => {
    const a = syntheticDrawings(3, seededRandom(1));
    expect(a).toHaveLength(3 * SYNTHETIC_LABELS.length);
    expect(new Set(a.map((d) => d.label))).toEqual(new Set(SYNTHETIC_LABELS));
    expect(syntheticDrawings(3, seededRandom(1))).toEqual(a);
    expect(syntheticDrawings(3, seededRandom(2))).not.toEqual(a);
    for (const d of a) expect(strokesToInput(d.strokes)).not.toBeNull();
  });

  it('uses only classes of the bundled model', () => {
    const labels = labelsFromConfig(JSON.parse(readFileSync('models/doodle-cnn/config.json', 'utf8')));
    for (const label of SYNTHETIC_LABELS) expect(labels).toContain(label);
  });

  it.skipIf(!existsSync(MODEL))('looks to the bundled model like the class it is labelled with', async () => {
    const labels = labelsFromConfig(JSON.parse(readFileSync('models/doodle-cnn/config.json', 'utf8')));
    const session = await ort.InferenceSession.create(MODEL);
    const drawings = syntheticDrawings(8, seededRandom(99));
    let correct = 0;
    for (const d of drawings) {
      const out = await session.run({ input: new ort.Tensor('float32', strokesToInput(d.strokes)!, [1, 1, 28, 28]) });
      if (labels[argmax(out.logits!.data as Float32Array)] === d.label) correct++;
    }
    expect(correct / drawings.length).toBeGreaterThanOrEqual(0.8);
  });
});
