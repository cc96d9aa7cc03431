import { describe, expect, it } from 'vitest';
import { checkSketchInput, downloadName, labModels, labVariants } from './lab-variants';
import type { StoredVariant } from '../../runtime/variant-store';

const stored = (over: Partial<StoredVariant>): StoredVariant => ({ id: 'id', modelId: 'doodle-cnn', name: 'doodle-cnn', mode: 'static', bytes: new Uint8Array(10), createdAt: 1, ...over });

describe('lab models and variants', () => {
  it('offers the catalog’s sketch models and the float models the user opened', () => {
    const models = labModels([stored({ id: 'f1', modelId: 'file', name: 'mine.onnx', mode: 'opened' }), stored({})]);
    expect(models[0]!.id).toBe('doodle-cnn');
    expect(models.some((m) => m.catalogModel?.task === 'summarization')).toBe(false);
    expect(models.at(-1)).toMatchObject({ id: 'file:f1', title: 'mine.onnx · your file' });
  });

  it('lists fp32 first as the reference, then the shipped int8, then variants made here for this model only', () => {
    const [model] = labModels([]);
    const variants = labVariants(model!, [stored({ id: 'a', mode: 'weight-only' }), stored({ id: 'b', modelId: 'other' })]);
    expect(variants.map((v) => [v.name, v.isReference])).toEqual([
      ['fp32', true],
      ['int8 (shipped)', false],
      ['weight-only int8 (made here)', false],
    ]);
    expect(variants[0]!.bytes).toBeGreaterThan(100_000);
    expect(variants[2]).toMatchObject({ bytes: 10, dtype: 'int8' });
  });

  it('names downloads after the model and the mode', () => {
    expect(downloadName('doodle-cnn', stored({ mode: 'static' }))).toBe('doodle-cnn-static-int8.onnx');
    expect(downloadName('my model.onnx', stored({ mode: 'dynamic' }))).toBe('my-model-dynamic-int8.onnx');
  });

  it('accepts models that take one [batch, 1, 28, 28] sketch and explains why others cannot be compared', () => {
    expect(() => checkSketchInput({ inputs: [{ name: 'input', type: 'float32', dims: ['batch', 1, 28, 28] }] }, 'doodle')).not.toThrow();
    expect(() => checkSketchInput({ inputs: [{ name: 'pixel_values', type: 'float32', dims: ['batch', 1, 64, 64] }] }, 'mobilevit')).toThrow(
      'mobilevit takes pixel_values [batch, 1, 64, 64]; the lab compares models that take one 28×28 sketch [batch, 1, 28, 28].',
    );
    expect(() => checkSketchInput({ inputs: [] }, 'empty')).toThrow(/empty takes no inputs/);
  });
});
