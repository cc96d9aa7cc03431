/** Sketch classifiers run in onnxruntime-web's WASM backend (the browser's runtime) from Node, for the model tests. */
import * as ortWeb from 'onnxruntime-web';
import { sketchInputShape } from '../../../src/sketch/model-input';

/**
 * Logits of `count` drawings laid out back to back in `inputs` (each size×size floats), one Float32Array per drawing,
 * from the ONNX file `bytes` in onnxruntime-web WASM with one thread, batches of 100.
 */
export async function classifyInWasm(bytes: Uint8Array, inputs: Float32Array, count: number): Promise<Float32Array[]> {
  const [, , height, width] = sketchInputShape();
  const pixels = height * width;
  ortWeb.env.wasm.numThreads = 1;
  const session = await ortWeb.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  const results: Float32Array[] = [];
  for (let start = 0; start < count; start += 100) {
    const n = Math.min(100, count - start);
    const batch = new ortWeb.Tensor('float32', inputs.subarray(start * pixels, (start + n) * pixels), sketchInputShape(n));
    const logits = (await session.run({ input: batch })).logits.data as Float32Array;
    const classes = logits.length / n;
    for (let i = 0; i < n; i++) results.push(logits.slice(i * classes, (i + 1) * classes));
  }
  await session.release();
  return results;
}
