/** The one message protocol between the page and `workers/inference.worker.ts` (used through comlink). */
import type { SummarizeEvent, SummarizeOptions } from '../summarize/events';
import type { TensorMap } from '../types/tensor';
import type { NoticeCode } from './notices';

/** Our dtype names; `transformersDtype()` in catalog.ts maps them to transformers.js names. */
export type Dtype = 'fp32' | 'int8' | 'fp16' | 'q4';
export type Device = 'webgpu' | 'wasm';
/** 'local': opened from a folder on the user's disk; its files live only in the IndexedDB model cache. */
export type ModelSource = 'bundled' | 'hub' | 'local';

export type { TensorData, TensorMap, TensorType, TensorValue } from '../types/tensor';

/** What the worker needs to load one model; the client fills it from the catalog and the settings. */
export interface LoadSpec {
  modelId: string;
  source: ModelSource;
  device: Device;
  dtype: Dtype;
  /** Hub host (e.g. https://huggingface.co) for `source: 'hub'`. */
  hubHost: string;
  /** WASM threads to use (1 when the page is not cross-origin isolated). */
  threads: number;
  /** Load a transformers.js pipeline of this task instead of a raw session. */
  pipeline?: 'summarization' | 'image-classification';
  /** sha256 per file path (relative to the model folder) from the catalog, checked against the cache. */
  expectedSha256: Record<string, string>;
  /**
   * ONNX bytes to run instead of downloading (e.g. the quantizer's output): `modelId` then only names the model,
   * `dtype` only labels it, and nothing is fetched or cached.
   */
  bytes?: Uint8Array;
}

/** Per-file progress, forwarded from transformers.js and the cache. */
export interface FileProgress {
  file: string;
  status: 'initiate' | 'download' | 'progress' | 'done';
  /** Bytes received so far (equals `total` when done). */
  loaded: number;
  /** Total bytes when known, else 0. */
  total: number;
  /** True when the file came from the IndexedDB cache (no network). */
  fromCache: boolean;
}

/**
 * Events the worker sends about a load: file progress, a short message for the user, or (after a WebGPU load) that
 * the GPU device the model runs on was lost.
 */
export type LoadEvent =
  | { kind: 'file'; progress: FileProgress }
  | { kind: 'notice'; message: string; about?: NoticeCode }
  | { kind: 'device-lost' };

export interface InputInfo {
  name: string;
  /** e.g. 'float32'; 'unknown' when onnxruntime does not say. */
  type: string;
  /** Numbers, or names for free dimensions (e.g. 'batch'). */
  dims: (number | string)[];
}

export interface LoadedInfo {
  modelId: string;
  device: Device;
  dtype: Dtype;
  inputNames: string[];
  inputs: InputInfo[];
  outputNames: string[];
  /** The model's config.json (e.g. `id2label`). */
  config: Record<string, unknown>;
  loadMs: number;
}

export type { SummarizeEvent, SummarizeOptions, SummarizeProgress } from '../summarize/events';

/** Pixels for `classifyImage()`: row-major, `channels` values per pixel (1 grey, 3 RGB, 4 RGBA). */
export interface ImagePixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
}

export interface ImageLabelScore {
  label: string;
  /** Softmax probability, 0..1. */
  score: number;
}

/** What `workers/inference.worker.ts` exposes. */
export interface InferenceWorkerApi {
  load(spec: LoadSpec, onEvent: (event: LoadEvent) => void): Promise<LoadedInfo>;
  run(inputs: TensorMap, outputNames?: string[]): Promise<TensorMap>;
  /** Milliseconds of each of `runs` back-to-back runs timed inside the worker (no message round trip): benchmarks. */
  timeRuns(inputs: TensorMap, runs: number): Promise<number[]>;
  dispose(): Promise<void>;
  /**
   * Summarizes with the pipeline loaded by `load({ pipeline: 'summarization' })`: streams generated text and
   * map-reduce stages to `onEvent` (one callback, so they arrive in order), resolves with the whole summary
   * (src/summarize/abstractive.ts).
   */
  summarize(text: string, options: SummarizeOptions, onEvent: (event: SummarizeEvent) => void): Promise<string>;
  /** Stops a running `summarize()` after its current token; it then resolves with the text so far. */
  cancel(): void;
  /**
   * Classifies an image with the pipeline loaded by `load({ pipeline: 'image-classification' })`; resizing and
   * normalising follow the model's preprocessor_config.json. Best `topk` labels first.
   */
  classifyImage(image: ImagePixels, topk: number): Promise<ImageLabelScore[]>;
}
