import { describe, expect, it } from 'vitest';
import { checkSketchInput, deletionWords, downloadName, labModels, labVariants } from './lab-variants';
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

  it('names downloads after the model, the format and its settings', () => {
    expect(downloadName('doodle-cnn', stored({ mode: 'static' }))).toBe('doodle-cnn-static-int8.onnx');
    expect(downloadName('doodle-cnn', stored({ mode: 'static', options: { calibrationMethod: 'minmax' } }))).toBe('doodle-cnn-static-int8.onnx');
    expect(downloadName('my model.onnx', stored({ mode: 'dynamic' }))).toBe('my-model-dynamic-int8.onnx');
    expect(downloadName('doodle-cnn', stored({ mode: 'int4', options: { blockSize: 32, symmetric: true } }))).toBe('doodle-cnn-int4-b32-sym.onnx');
    expect(downloadName('doodle-cnn', stored({ mode: 'int4', options: { blockSize: 128, symmetric: false } }))).toBe('doodle-cnn-int4-b128-asym.onnx');
    expect(downloadName('doodle-cnn', stored({ mode: 'fp16', options: {} }))).toBe('doodle-cnn-fp16.onnx');
    expect(downloadName('doodle-cnn', stored({ mode: 'palette', options: { bits: 6 } }))).toBe('doodle-cnn-palette-6bit.onnx');
    expect(downloadName('doodle-cnn', stored({ mode: 'static', options: { calibrationMethod: 'entropy', smoothQuantAlpha: 0.5 } }))).toBe('doodle-cnn-static-int8-entropy-sq0.5.onnx');
    expect(downloadName('doodle-cnn', stored({ mode: 'static', options: { calibrationMethod: 'percentile', percentile: 99.9 } }))).toBe('doodle-cnn-static-int8-p99.9.onnx');
    expect(downloadName('doodle-cnn', stored({ mode: 'int4', options: { blockSize: 32, symmetric: true }, keptInFloat: ['conv1', 'fc2'] }))).toBe('doodle-cnn-int4-b32-sym-2fp32.onnx');
  });

  it('names variants made here by their format and settings, and loads each with the dtype of its format', () => {
    const [model] = labModels([]);
    const made = labVariants(model!, [
      stored({ id: 'i4', mode: 'int4', options: { blockSize: 32, symmetric: true } }),
      stored({ id: 'p4', mode: 'palette', options: { bits: 4 } }),
      stored({ id: 'sq', mode: 'static', options: { calibrationMethod: 'entropy', smoothQuantAlpha: 0.5 } }),
      stored({ id: 'pc', mode: 'static', options: { calibrationMethod: 'percentile', percentile: 99.99 } }),
      stored({ id: 'h', mode: 'fp16', options: {} }),
      stored({ id: 'w', mode: 'weight-only' }),
      stored({ id: 'mx', mode: 'int4', options: { blockSize: 64, symmetric: false }, keptInFloat: ['fc1'] }),
    ]).filter((v) => v.stored);
    expect(made.map((v) => [v.name, v.dtype])).toEqual([
      ['int4 block 32, symmetric (made here)', 'q4'],
      ['palette 4-bit (made here)', 'fp32'],
      ['static int8, entropy, SmoothQuant α 0.5 (made here)', 'int8'],
      ['static int8, percentile 99.99 (made here)', 'int8'],
      ['fp16 (made here)', 'fp16'],
      ['weight-only int8 (made here)', 'int8'],
      ['int4 block 64, asymmetric, 1 layer fp32 (made here)', 'q4'],
    ]);
  });

  it('numbers variants made with the same settings, and the deletion question names the one in the list', () => {
    const [model] = labModels([]);
    const twins = [stored({ id: 'w1', mode: 'weight-only' }), stored({ id: 'i4', mode: 'int4', options: { blockSize: 32, symmetric: true } }), stored({ id: 'w2', mode: 'weight-only' }), stored({ id: 'w3', mode: 'weight-only' })];
    const made = labVariants(model!, twins).filter((v) => v.stored);
    expect(made.map((v) => v.name)).toEqual([
      'weight-only int8 (made here)',
      'int4 block 32, symmetric (made here)',
      'weight-only int8 (made here) (2)',
      'weight-only int8 (made here) (3)',
    ]);
    expect(deletionWords(twins[2]!, 0, made[2]!.name)).toBe('weight-only int8 (made here) (2) of doodle-cnn');
  });

  it('accepts models that take one [batch, 1, 28, 28] sketch and explains why others cannot be compared', () => {
    expect(() => checkSketchInput({ inputs: [{ name: 'input', type: 'float32', dims: ['batch', 1, 28, 28] }] }, 'doodle')).not.toThrow();
    expect(() => checkSketchInput({ inputs: [{ name: 'pixel_values', type: 'float32', dims: ['batch', 1, 64, 64] }] }, 'mobilevit')).toThrow(
      'mobilevit takes pixel_values [batch, 1, 64, 64]; the lab compares models that take one 28×28 sketch [batch, 1, 28, 28].',
    );
    expect(() => checkSketchInput({ inputs: [] }, 'empty')).toThrow(/empty takes no inputs/);
  });
});
