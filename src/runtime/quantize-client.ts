import * as Comlink from 'comlink';
import { QuantizeError } from '../quantize/errors';
import type { QuantizeProgress, QuantizeResult } from '../quantize/types';
import type { LayerSensitivity, MixedPrecisionResult, SensitivityProgress } from '../quantize/sensitivity';
import type { QuantizeFailure, QuantizeWorkerApi, QuantizeWorkerOptions, SensitivityWorkerOptions } from '../quantize/worker-api';

export interface QuantizeInWorkerOptions extends QuantizeWorkerOptions {
  /** Hand `bytes` to the worker instead of copying them (the caller's array becomes empty). */
  transfer?: boolean;
}

/**
 * Runs one request in a fresh `workers/quantize.worker.ts`, ended when done; a failure that came back as data is
 * re-thrown as QuantizeError with its code (or a plain Error for 'internal').
 */
async function inWorker<T extends { ok: true }>(
  bytes: Uint8Array,
  transfer: boolean | undefined,
  call: (api: Comlink.Remote<QuantizeWorkerApi>, payload: Uint8Array) => Promise<T | QuantizeFailure>,
): Promise<T> {
  const worker = new Worker(new URL('../../workers/quantize.worker.ts', import.meta.url), { type: 'module', name: 'quantize' });
  try {
    const payload = transfer ? Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]) : bytes;
    const outcome = await call(Comlink.wrap<QuantizeWorkerApi>(worker), payload);
    if (!outcome.ok) {
      if (outcome.code === 'internal') throw new Error(outcome.message);
      throw new QuantizeError(outcome.code, outcome.message);
    }
    return outcome;
  } finally {
    worker.terminate();
  }
}

/**
 * Quantizes model bytes in a fresh `workers/quantize.worker.ts`, ended when done. The worker self-checks the result
 * in onnxruntime-web (`report.selfCheck`). Throws QuantizeError (with its code) for models the quantizer refuses,
 * including 'self-check-failed' for a result that does not run or strays beyond its int8 error bound.
 */
export async function quantizeInWorker(
  bytes: Uint8Array,
  options: QuantizeInWorkerOptions,
  onProgress: (progress: QuantizeProgress) => void = () => {},
): Promise<QuantizeResult> {
  const { transfer, ...workerOptions } = options;
  const { bytes: output, report } = await inWorker(bytes, transfer, (api, payload) => api.quantize(payload, workerOptions, Comlink.proxy(onProgress)));
  return { bytes: output, report };
}

/**
 * Per-layer sensitivity in the worker (`layerSensitivity`): each Conv/Gemm/MatMul quantized alone and compared with
 * the float model in onnxruntime-web on `samples` (default `calibrationInputs`). Most sensitive first.
 */
export async function layerSensitivityInWorker(
  bytes: Uint8Array,
  options: SensitivityWorkerOptions,
  onProgress: (progress: SensitivityProgress) => void = () => {},
): Promise<LayerSensitivity[]> {
  return (await inWorker(bytes, false, (api, payload) => api.sensitivity(payload, options, Comlink.proxy(onProgress)))).layers;
}

/**
 * Automatic mixed precision in the worker (`mixedPrecision`): the most sensitive layers kept in float until the
 * agreement with the float model on `samples` reaches `targetAgreement` (0.99). The chosen model is self-checked.
 */
export async function mixedPrecisionInWorker(
  bytes: Uint8Array,
  options: SensitivityWorkerOptions,
  onProgress: (progress: SensitivityProgress) => void = () => {},
): Promise<MixedPrecisionResult> {
  return (await inWorker(bytes, false, (api, payload) => api.mixedPrecision(payload, options, Comlink.proxy(onProgress)))).result;
}
