/**
 * Runs the project's quantizer (src/quantize) off the main thread. Static-mode calibration runs the float model
 * in onnxruntime-web (WASM) here, on the samples the page sends, and every result is self-checked here too: run
 * beside the float model in onnxruntime-web and refused ('self-check-failed') when it does not run or strays beyond
 * its int8 error bound. Per-layer sensitivity and automatic mixed precision run here as well, comparing the models
 * in onnxruntime-web on the samples the page sends.
 */
import * as Comlink from 'comlink';
import * as ort from 'onnxruntime-web/webgpu';
import { ortRuntimeFiles } from './ort-runtime';
import {
  layerSensitivity,
  mixedPrecision,
  ortCalibration,
  ortModelRunner,
  quantizeModel,
  QuantizeError,
  type CalibrationFeeds,
  type QuantizeOptions,
  type QuantizeProgress,
  type SensitivityOptions,
  type SensitivityProgress,
} from '../src/quantize';
import type { QuantizeFailure, QuantizeOutcome, QuantizeWorkerApi, QuantizeWorkerOptions, SensitivityWorkerOptions } from '../src/quantize/worker-api';
import type { TensorMap } from '../src/runtime/protocol';

const RUNTIME = 'onnxruntime-web (WASM)';

function toFeeds(inputs: TensorMap): CalibrationFeeds {
  const feeds: CalibrationFeeds = {};
  for (const [name, value] of Object.entries(inputs)) feeds[name] = new ort.Tensor(value.type, value.data as never, value.dims);
  return feeds;
}

/** A buffer holding exactly the model, so it can be transferred without copying or leaking neighbours. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

/** The quantizer's options for a request, calibrating and self-checking in onnxruntime-web (WASM only). */
function quantizeOptions(options: QuantizeWorkerOptions): QuantizeOptions {
  ort.env.wasm.wasmPaths = ortRuntimeFiles('wasm');
  ort.env.wasm.numThreads = options.threads ?? 1;
  const calibration = options.calibrationInputs
    ? {
        run: ortCalibration(ort, options.calibrationInputs.map(toFeeds)),
        minSamples: options.minCalibrationSamples,
        method: options.calibrationMethod,
        percentile: options.percentile,
      }
    : undefined;
  return {
    mode: options.mode,
    perChannel: options.perChannel,
    blockSize: options.blockSize,
    symmetric: options.symmetric,
    bits: options.bits,
    paletteGroupSize: options.paletteGroupSize,
    calibration,
    smoothQuant: options.smoothQuant,
    nodes: options.excludeNodes ? { exclude: options.excludeNodes } : undefined,
    selfCheck: { run: ortModelRunner(ort), samples: options.selfCheckInputs ?? options.calibrationInputs, runtime: RUNTIME },
  };
}

function failure(error: unknown): QuantizeFailure {
  if (error instanceof QuantizeError) return { ok: false, code: error.code, message: error.message };
  return { ok: false, code: 'internal', message: `Quantization failed: ${(error as Error).message}` };
}

async function quantize(bytes: Uint8Array, options: QuantizeWorkerOptions, onProgress: (progress: QuantizeProgress) => void): Promise<QuantizeOutcome> {
  try {
    const result = await quantizeModel(bytes, quantizeOptions(options), onProgress);
    const output = ownBuffer(result.bytes);
    return Comlink.transfer({ ok: true, bytes: output, report: result.report }, [output.buffer as ArrayBuffer]);
  } catch (error) {
    return failure(error);
  }
}

function sensitivityOptions(options: SensitivityWorkerOptions, onProgress: (progress: SensitivityProgress) => void): SensitivityOptions {
  const samples = options.samples ?? options.calibrationInputs;
  if (!samples?.length) throw new QuantizeError('invalid-options', 'Per-layer sensitivity needs samples to compare the models on: send drawings (samples or calibrationInputs).');
  return { quantize: quantizeOptions(options), samples, run: ortModelRunner(ort), onProgress };
}

const api: QuantizeWorkerApi = {
  quantize,
  async sensitivity(bytes, options, onProgress) {
    try {
      return { ok: true, layers: await layerSensitivity(bytes, sensitivityOptions(options, onProgress)) };
    } catch (error) {
      return failure(error);
    }
  },
  async mixedPrecision(bytes, options, onProgress) {
    try {
      const result = await mixedPrecision(bytes, { ...sensitivityOptions(options, onProgress), targetAgreement: options.targetAgreement, sensitivity: options.sensitivity });
      const model = ownBuffer(result.model);
      return Comlink.transfer({ ok: true, result: { ...result, model } }, [model.buffer as ArrayBuffer]);
    } catch (error) {
      return failure(error);
    }
  },
};

Comlink.expose(api);
