import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { sketchInputShape } from '../../src/sketch/model-input';

/** An ONNX sketch classifier loaded in onnxruntime-node (CPU), with its file size for reports. */
export interface LoadedSketchModel {
  readonly path: string;
  readonly bytes: number;
  readonly session: ort.InferenceSession;
}

export async function loadSketchModel(path: string): Promise<LoadedSketchModel> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new Error(`Cannot read the model ${path}: ${(error as Error).message}`);
  }
  return sketchModelFromBytes(bytes, path);
}

/** A sketch classifier from model bytes (`path` names it in messages and reports). */
export async function sketchModelFromBytes(bytes: Uint8Array, path: string): Promise<LoadedSketchModel> {
  try {
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    if (!session.inputNames.includes('input') || !session.outputNames.includes('logits')) {
      throw new Error(`expected input "input" and output "logits", found ${session.inputNames} → ${session.outputNames}`);
    }
    return { path, bytes: bytes.length, session };
  } catch (error) {
    throw new Error(`${path} is not a usable ONNX sketch model: ${(error as Error).message}`);
  }
}

/** Logits for `count` drawings laid out back to back in `inputs` (each size×size floats), in batches. */
export async function classifyBatch(model: LoadedSketchModel, inputs: Float32Array, count: number, batch = 256): Promise<Float32Array[]> {
  const [, , height, width] = sketchInputShape();
  const pixels = height * width;
  const results: Float32Array[] = [];
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start);
    const tensor = new ort.Tensor('float32', inputs.subarray(start * pixels, (start + n) * pixels), sketchInputShape(n));
    const output = await model.session.run({ input: tensor });
    const logits = output.logits.data as Float32Array;
    const classes = logits.length / n;
    for (let i = 0; i < n; i++) results.push(logits.slice(i * classes, (i + 1) * classes));
  }
  return results;
}

/** Median wall time in ms of one single-drawing inference, after a warm-up. */
export async function medianSingleInferenceMs(model: LoadedSketchModel, input: Float32Array, runs: number): Promise<number> {
  const tensor = new ort.Tensor('float32', input, sketchInputShape(1));
  for (let i = 0; i < 20; i++) await model.session.run({ input: tensor });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await model.session.run({ input: tensor });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
