/**
 * Runs the project's quantizer (src/quantize) off the main thread. Static-mode calibration runs the float model
 * in onnxruntime-web (WASM) here, on the samples the page sends, and every result is self-checked here too: run
 * beside the float model in onnxruntime-web and refused ('self-check-failed') when it does not run or strays beyond
 * its int8 error bound.
 */
import * as Comlink from 'comlink';
import * as ort from 'onnxruntime-web/webgpu';
import { ortRuntimeFiles } from './ort-runtime';
import { ortCalibration, ortModelRunner, quantizeModel, QuantizeError, type CalibrationFeeds, type QuantizeProgress } from '../src/quantize';
import type { QuantizeOutcome, QuantizeWorkerApi, QuantizeWorkerOptions } from '../src/quantize/worker-api';
import type { TensorMap } from '../src/runtime/protocol';

function toFeeds(inputs: TensorMap): CalibrationFeeds {
  const feeds: CalibrationFeeds = {};
  for (const [name, value] of Object.entries(inputs)) feeds[name] = new ort.Tensor(value.type, value.data as never, value.dims);
  return feeds;
}

/** A buffer holding exactly the model, so it can be transferred without copying or leaking neighbours. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

async function quantize(
  bytes: Uint8Array,
  options: QuantizeWorkerOptions,
  onProgress: (progress: QuantizeProgress) => void,
): Promise<QuantizeOutcome> {
  // Calibration runs on WASM only.
  ort.env.wasm.wasmPaths = ortRuntimeFiles('wasm');
  ort.env.wasm.numThreads = options.threads ?? 1;
  const calibration = options.calibrationInputs
    ? { run: ortCalibration(ort, options.calibrationInputs.map(toFeeds)), minSamples: options.minCalibrationSamples }
    : undefined;
  try {
    const selfCheck = {
      run: ortModelRunner(ort),
      samples: options.selfCheckInputs ?? options.calibrationInputs,
      runtime: 'onnxruntime-web (WASM)',
    };
    const result = await quantizeModel(bytes, { mode: options.mode, perChannel: options.perChannel, calibration, selfCheck }, onProgress);
    const output = ownBuffer(result.bytes);
    return Comlink.transfer({ ok: true, bytes: output, report: result.report }, [output.buffer as ArrayBuffer]);
  } catch (error) {
    if (error instanceof QuantizeError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'internal', message: `Quantization failed: ${(error as Error).message}` };
  }
}

const api: QuantizeWorkerApi = { quantize };

Comlink.expose(api);
