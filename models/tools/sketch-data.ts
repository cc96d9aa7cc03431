import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseNpyUint8 } from '../../src/sketch/npy';
import { SKETCH_INPUT_SPEC } from '../../src/sketch/input-spec';
import { bitmapToInput, sketchInputShape } from '../../src/sketch/model-input';
import type { TensorMap } from '../../src/types/tensor';

/** Labelled drawings ready to score: `bitmaps` holds `truth.length` bitmaps of size×size back to back. */
export interface LabelledBitmaps {
  readonly bitmaps: Uint8Array;
  /** Index into the model's labels for each drawing. */
  readonly truth: number[];
  /** Classes found in the folder that the model does not know: reported, not scored. */
  readonly skipped: string[];
}

/**
 * Reads `<class>.npy` files (uint8 [N, size²], Quick, Draw! numpy_bitmap) for every class the model knows,
 * taking rows `fromRow` up to (not including) `toRow` of each file.
 */
export async function loadBitmapFolder(dir: string, labels: readonly string[], fromRow = 0, toRow = Infinity): Promise<LabelledBitmaps> {
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new Error(`The data folder ${dir} does not exist.`);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.npy')).sort();
  if (files.length === 0) throw new Error(`The data folder ${dir} holds no <class>.npy files.`);

  const pixels = SKETCH_INPUT_SPEC.size * SKETCH_INPUT_SPEC.size;
  const parts: Uint8Array[] = [];
  const truth: number[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const label = file.slice(0, -'.npy'.length);
    const labelIndex = labels.indexOf(label);
    if (labelIndex < 0) {
      skipped.push(label);
      continue;
    }
    const path = join(dir, file);
    const { shape, data } = parseNpyUint8(new Uint8Array(await readFile(path)), path);
    if (shape.length !== 2 || shape[1] !== pixels) {
      throw new Error(`${path} has shape (${shape.join(', ')}); drawings need shape (N, ${pixels}).`);
    }
    const rows = data.subarray(Math.min(fromRow, shape[0]) * pixels, Math.min(toRow, shape[0]) * pixels);
    parts.push(rows);
    for (let i = 0; i < rows.length / pixels; i++) truth.push(labelIndex);
  }
  if (truth.length === 0) {
    throw new Error(
      skipped.length === files.length
        ? `None of the classes in ${dir} (${skipped.join(', ')}) is one the model knows.`
        : `No drawings at rows ≥ ${fromRow}${toRow < Infinity ? ` and < ${toRow}` : ''} in ${dir}.`,
    );
  }
  const bitmaps = new Uint8Array(truth.length * pixels);
  let offset = 0;
  for (const part of parts) {
    bitmaps.set(part, offset);
    offset += part.length;
  }
  return { bitmaps, truth, skipped };
}

/** Each drawing as one model input ({ input: [1, 1, size, size] }), e.g. for calibration or the self-check. */
export function bitmapSamples(data: LabelledBitmaps): TensorMap[] {
  const pixels = SKETCH_INPUT_SPEC.size * SKETCH_INPUT_SPEC.size;
  return data.truth.map((_, i) => ({
    input: { type: 'float32', data: bitmapToInput(data.bitmaps.subarray(i * pixels, (i + 1) * pixels)), dims: sketchInputShape(1) },
  }));
}
