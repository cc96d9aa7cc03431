/** What the header badge shows: the backend and dtype of the latest model load, and why. */
import type { Device, Dtype } from './protocol';
import type { Explanation } from './recommend';

export interface BackendStatus {
  modelId: string;
  device: Device;
  dtype: Dtype;
  reason: string;
  /** The reason as data, so the badge can say it in the interface language. */
  explanation: Explanation;
  /** Set when WebGPU failed (at load, or the GPU stopped working later) and the model runs on WASM instead: why, in short. */
  fellBackFrom?: string;
}

const listeners = new Set<(status: BackendStatus) => void>();
let latest: BackendStatus | undefined;

export function reportBackend(status: BackendStatus): void {
  latest = status;
  for (const listener of listeners) listener(status);
}

export function latestBackend(): BackendStatus | undefined {
  return latest;
}

/** Returns the unsubscribe function. */
export function onBackendChange(listener: (status: BackendStatus) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
