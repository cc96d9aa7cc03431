import * as Comlink from 'comlink';
import { QuantizeError } from '../quantize/errors';
import type { QuantizeProgress, QuantizeResult } from '../quantize/types';
import type { QuantizeWorkerApi, QuantizeWorkerOptions } from '../quantize/worker-api';

export interface QuantizeInWorkerOptions extends QuantizeWorkerOptions {
  /** Hand `bytes` to the worker instead of copying them (the caller's array becomes empty). */
  transfer?: boolean;
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
  const worker = new Worker(new URL('../../workers/quantize.worker.ts', import.meta.url), { type: 'module', name: 'quantize' });
  try {
    const api = Comlink.wrap<QuantizeWorkerApi>(worker);
    const { transfer, ...workerOptions } = options;
    const payload = transfer ? Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]) : bytes;
    const outcome = await api.quantize(payload, workerOptions, Comlink.proxy(onProgress));
    if (!outcome.ok) {
      if (outcome.code === 'internal') throw new Error(outcome.message);
      throw new QuantizeError(outcome.code, outcome.message);
    }
    return { bytes: outcome.bytes, report: outcome.report };
  } finally {
    worker.terminate();
  }
}
