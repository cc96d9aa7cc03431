/** What this browser can run models on: probed once, then read by recommend() and the header badge. */

export interface GpuFacts {
  vendor: string;
  architecture: string;
  /** A software adapter (e.g. SwiftShader): works, but far slower than WASM. */
  isFallbackAdapter: boolean;
  shaderF16: boolean;
}

export interface Facts {
  /** `navigator.gpu` exists (the browser speaks WebGPU). */
  webgpuApi: boolean;
  /** The adapter, or null when requestAdapter() gave none. */
  gpu: GpuFacts | null;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  /** WASM threads onnxruntime will use: more than 1 needs cross-origin isolation. */
  wasmThreads: number;
}

/** onnxruntime-web gains little beyond 4 threads for our models and the page needs a core for drawing. */
const MAX_WASM_THREADS = 4;

export function wasmThreadsFor(crossOriginIsolated: boolean, hardwareConcurrency: number): number {
  return crossOriginIsolated ? Math.max(1, Math.min(MAX_WASM_THREADS, hardwareConcurrency)) : 1;
}

interface AdapterLike {
  features: { has(name: string): boolean };
  info?: { vendor?: string; architecture?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<AdapterLike | null>;
}

async function probeGpu(gpu: GpuLike | undefined): Promise<GpuFacts | null> {
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return null;
    return {
      vendor: adapter.info?.vendor || 'unknown vendor',
      architecture: adapter.info?.architecture ?? '',
      isFallbackAdapter: Boolean(adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter),
      shaderF16: adapter.features.has('shader-f16'),
    };
  } catch {
    return null;
  }
}

let probed: Promise<Facts> | undefined;

/** Probes once per page; later calls share the answer. */
export function probeCapabilities(): Promise<Facts> {
  probed ??= (async () => {
    const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
    const isolated = globalThis.crossOriginIsolated === true;
    const cores = navigator.hardwareConcurrency || 1;
    return {
      webgpuApi: Boolean(gpu),
      gpu: await probeGpu(gpu),
      crossOriginIsolated: isolated,
      hardwareConcurrency: cores,
      wasmThreads: wasmThreadsFor(isolated, cores),
    };
  })();
  return probed;
}
