// Which onnxruntime-web build a worker starts. The asyncify build carries the WebGPU backend; the plain SIMD build is
// half its size and faster on WASM alone (`npm run bench`, both builds in one session: runtime start 1.15 s → 0.59 s,
// sketch runs 5–20 % faster on one thread and 2.5–4.5× on two, static quantization 1.3 s → 0.3 s). onnxruntime
// starts once per worker, so a worker keeps the build of its first load.
import asyncifyMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import asyncifyWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import plainMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import plainWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import type { Device } from '../src/runtime/protocol';

/** The runtime files for `device`, as absolute URLs for onnxruntime's `env.wasm.wasmPaths`. */
export function ortRuntimeFiles(device: Device): { wasm: string; mjs: string } {
  const [wasm, mjs] = device === 'webgpu' ? [asyncifyWasmUrl, asyncifyMjsUrl] : [plainWasmUrl, plainMjsUrl];
  return { wasm: new URL(wasm, self.location.href).href, mjs: new URL(mjs, self.location.href).href };
}
