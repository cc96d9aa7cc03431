import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { quantizeModel } from '../quantize';
import { MODEL_VARIANTS, VARIANT_MODELS } from './settings';
import { sameFilesNotes, shippedPath, variantBytes, variantRecipe, type VariantSource } from './model-variants';
import type { VariantFile } from './results';

/** A source that records what it was asked: files are their path's bytes, quantizing appends the mode. */
function fakeSource() {
  const asked: string[] = [];
  const source: VariantSource = {
    async read(path) {
      asked.push(`read ${path}`);
      return new TextEncoder().encode(path);
    },
    async quantize(fp32, options) {
      asked.push(`quantize ${new TextDecoder().decode(fp32)} ${JSON.stringify(options)}`);
      return new TextEncoder().encode(`${options.mode}`);
    },
  };
  return { source, asked };
}

describe('variantBytes', () => {
  it('reads the shipped fp32 and int8 files and makes fp16 and int4 (block 32, symmetric) from the fp32 file', async () => {
    for (const model of VARIANT_MODELS) {
      const fp32Path = shippedPath(model, 'fp32');
      for (const variant of MODEL_VARIANTS) {
        const { source, asked } = fakeSource();
        await variantBytes(model, variant, source);
        const recipe = variantRecipe(variant);
        if ('shipped' in recipe) expect(asked).toEqual([`read ${shippedPath(model, recipe.shipped)}`]);
        else expect(asked).toEqual([`read ${fp32Path}`, `quantize ${fp32Path} ${JSON.stringify(recipe.quantize)}`]);
      }
    }
    expect(variantRecipe('int4')).toEqual({ quantize: { mode: 'int4', blockSize: 32, symmetric: true } });
    expect(shippedPath('doodle-vit', 'int8')).toBe('onnx/model_quantized.onnx');
  });

  it('makes byte-identical files on every call, so the page and onnxruntime-node time the same model', async () => {
    const source: VariantSource = {
      read: async (path) => new Uint8Array(await readFile(`models/doodle-vit/${path}`)),
      quantize: async (fp32, options) => (await quantizeModel(fp32, options)).bytes,
    };
    const fp32 = await variantBytes('doodle-vit', 'fp32', source);
    for (const variant of ['fp16', 'int4'] as const) {
      const [a, b] = [await variantBytes('doodle-vit', variant, source), await variantBytes('doodle-vit', variant, source)];
      expect(createHash('sha256').update(a).digest('hex'), variant).toBe(createHash('sha256').update(b).digest('hex'));
      expect(a.byteLength, variant).toBeLessThan(fp32.byteLength);
    }
  }, 60_000);
});

describe('sameFilesNotes', () => {
  const file = (variant: VariantFile['variant'], sha256: string): VariantFile => ({ model: 'doodle-vit', variant, bytes: 1, sha256 });

  it('confirms matching files and names each file that differs or that native lacks', () => {
    expect(sameFilesNotes([file('fp32', 'a'), file('int4', 'b')], [file('int4', 'b'), file('fp32', 'a')])).toEqual([
      'The page and onnxruntime-node timed byte-identical variant files (SHA-256 compared).',
    ]);
    const notes = sameFilesNotes([file('fp32', 'a'), file('int4', 'b'), file('fp16', 'c')], [file('fp32', 'a'), file('int4', 'x')]);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^doodle-vit int4: /);
    expect(notes[1]).toMatch(/^doodle-vit fp16: /);
    expect(sameFilesNotes([], [file('fp32', 'a')])).toEqual([]);
  });
});
