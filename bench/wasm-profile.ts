// Child of bench/operators.ts: runs one model file `runs` times in onnxruntime-web (WASM, 1 thread) with its
// profiler on. The WASM module prints the trace events straight to file descriptor 1 (not through process.stdout),
// so the parent reads them from this process's output.
//   node --import tsx bench/wasm-profile.ts <model.onnx> <runs>
import { readFile } from 'node:fs/promises';
import * as ortWeb from 'onnxruntime-web';
import { bitmapToInput, rasteriseStrokes, sketchInputShape } from '../src/sketch';
import { toQuickDrawStrokes } from '../src/sketch/sketchpad';
import { fullPenDrawing } from '../src/bench/synthetic-pen';

const [path, runs] = process.argv.slice(2);
ortWeb.env.wasm.numThreads = 1;
ortWeb.env.logLevel = 'fatal';
const session = await ortWeb.InferenceSession.create(new Uint8Array(await readFile(path!)), { enableProfiling: true });
const input = bitmapToInput(rasteriseStrokes(toQuickDrawStrokes(fullPenDrawing().strokes))!);
const feeds = { [session.inputNames[0]!]: new ortWeb.Tensor('float32', input, sketchInputShape()) };
for (let i = 0; i < Number(runs); i++) await session.run(feeds);
session.endProfiling();
await session.release();
// onnxruntime-web can keep the event loop alive after the last session (seen with the int8 ViT): exit explicitly.
process.exit(0);
