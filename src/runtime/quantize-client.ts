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
 * Runs one request in a fresh `workers/quantize.worker.ts`, ended when done (or when `signal` aborts: the worker is
 * terminated and the call rejects with the signal's reason, a DOMException 'AbortError' by default); a failure that
 * came back as data is re-thrown as QuantizeError with its code (or a plain Error for 'internal').
 */
async function inWorker<T extends { ok: true }>(
  bytes: Uint8Array,
  transfer: boolean | undefined,
  call: (api: Comlink.Remote<QuantizeWorkerApi>, payload: Uint8Array) => Promise<T | QuantizeFailure>,
  signal?: AbortSignal,
): Promise<T> {
  signal?.throwIfAborted();
  const worker = new Worker(new URL('../../workers/quantize.worker.ts', import.meta.url), { type: 'module', name: 'quantize' });
  let stop = () => {};
  const aborted = new Promise<never>((_, reject) => {
    stop = () => reject(signal!.reason);
    signal?.addEventListener('abort', stop, { once: true });
  });
  try {
    const payload = transfer ? Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]) : bytes;
    const outcome = await Promise.race([call(Comlink.wrap<QuantizeWorkerApi>(worker), payload), aborted]);
    if (!outcome.ok) {
      if (outcome.code === 'internal') throw new Error(outcome.message);
      throw new QuantizeError(outcome.code, outcome.message);
    }
    return outcome;
  } finally {
    signal?.removeEventListener('abort', stop);
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
  signal?: AbortSignal,
): Promise<LayerSensitivity[]> {
  return (await inWorker(bytes, false, (api, payload) => api.sensitivity(payload, options, Comlink.proxy(onProgress)), signal)).layers;
}

/**
 * Automatic mixed precision in the worker (`mixedPrecision`): the most sensitive layers kept in float until the
 * agreement with the float model on `samples` reaches `targetAgreement` (0.99). The chosen model is self-checked.
 */
export async function mixedPrecisionInWorker(
  bytes: Uint8Array,
  options: SensitivityWorkerOptions,
  onProgress: (progress: SensitivityProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<MixedPrecisionResult> {
  return (await inWorker(bytes, false, (api, payload) => api.mixedPrecision(payload, options, Comlink.proxy(onProgress)), signal)).result;
}
