// How much a benchmark run measures: "quick" checks that everything runs (tests use it), "standard" is the
// setting whose figures we publish.

import type { Dtype } from '../runtime/protocol';

/** The model every sketch figure is about: the bundled classifier, in each dtype it ships. */
export const SKETCH_MODEL = 'doodle-cnn';
export const SKETCH_DTYPES: readonly Dtype[] = ['fp32', 'int8'];

/** The bundled models timed in every variant we make of them: the CNN and the transformer. */
export const VARIANT_MODELS = ['doodle-cnn', 'doodle-vit'] as const;
/** fp32 and int8 are the shipped files; fp16 and int4 (block 32, symmetric) come from our quantizer (model-variants.ts). */
export const MODEL_VARIANTS = ['fp32', 'fp16', 'int8', 'int4'] as const;
export type ModelVariant = (typeof MODEL_VARIANTS)[number];

export interface BenchSetting {
  name: 'quick' | 'standard';
  /** Repetitions behind each figure (its median and spread). */
  repetitions: number;
  /** Inference runs per repetition for the p50/p95 latency, after `warmupRuns` unmeasured ones. */
  latencyRuns: number;
  warmupRuns: number;
  /** How long the synthetic pen draws per repetition of the predictions/s measurement. */
  liveMs: number;
}

export const BENCH_SETTINGS: Record<BenchSetting['name'], BenchSetting> = {
  quick: { name: 'quick', repetitions: 3, latencyRuns: 20, warmupRuns: 5, liveMs: 300 },
  standard: { name: 'standard', repetitions: 5, latencyRuns: 200, warmupRuns: 30, liveMs: 1500 },
};

export type BackendChoice = 'all' | 'wasm' | 'webgpu';

/** The page's backend choices, in menu order (their titles: src/features/bench/bench-text.ts). */
export const BACKEND_CHOICES: readonly BackendChoice[] = ['all', 'wasm', 'webgpu'];

/** Backend ids to measure: WASM with one thread and with every thread the browser allows, WebGPU with an adapter. */
export function backendsToMeasure(choice: BackendChoice, facts: { crossOriginIsolated: boolean; hardwareConcurrency: number; hasGpu: boolean }): string[] {
  const wasm = ['wasm-1'];
  const allThreads = facts.crossOriginIsolated ? facts.hardwareConcurrency : 1;
  if (allThreads > 1) wasm.push(`wasm-${allThreads}`);
  const webgpu = facts.hasGpu ? ['webgpu'] : [];
  if (choice === 'wasm') return wasm;
  if (choice === 'webgpu') return webgpu;
  return [...wasm, ...webgpu];
}

/**
 * Where the model variants are timed, from the backends this run measures: WASM at the thread count the app picks for
 * the model (`wasmThreads`), and WebGPU unless its adapter is a software one (SwiftShader: tens to hundreds of ms per
 * run, so eight variants would take many minutes); `skippedSoftwareGpu` says when that happened.
 */
export function variantBackends(backends: readonly string[], wasmThreads: number, gpu: { isFallbackAdapter: boolean } | null): { backends: string[]; skippedSoftwareGpu: boolean } {
  const wasm = backends.some((b) => b.startsWith('wasm-')) ? [`wasm-${wasmThreads}`] : [];
  const webgpu = backends.includes('webgpu');
  const onGpu = webgpu && gpu !== null && !gpu.isFallbackAdapter;
  return { backends: [...wasm, ...(onGpu ? ['webgpu'] : [])], skippedSoftwareGpu: webgpu && !onGpu };
}
