// The page's memory as the browser reports it: performance.measureUserAgentSpecificMemory()
// (https://wicg.github.io/performance-measure-memory/). Chromium offers it only to cross-origin isolated pages; its
// total counts the page's and its dedicated workers' JavaScript memory, WebAssembly memory included. It answers at
// the next garbage collection, which may take 10–20 s; Chromium started with
// --enable-blink-features=ForceEagerMeasureMemory answers at once (npm run bench and the bench test use it).

/**
 * STALLED_MEASUREMENT, seen in Chromium 156: a measurement started shortly after terminate() of a worker waits 60 s
 * for it (always at once after the call; for seconds when that worker had onnxruntime's thread pool blocked in
 * Atomics.wait). So the benchmark measures the baseline before any worker ran, and each variant after its load and
 * runs, never right after ending a worker.
 */

interface MemoryMeasurement {
  bytes: number;
}

type MeasuringPerformance = Performance & { measureUserAgentSpecificMemory?: () => Promise<MemoryMeasurement> };

/** A function that returns the page's memory in bytes, or undefined where this browser does not report it. */
export function memoryMeter(scope: { performance: Performance; crossOriginIsolated: boolean } = globalThis): (() => Promise<number>) | undefined {
  const performance = scope.performance as MeasuringPerformance;
  if (!scope.crossOriginIsolated || typeof performance.measureUserAgentSpecificMemory !== 'function') return undefined;
  return async () => (await performance.measureUserAgentSpecificMemory!()).bytes;
}

/** A size that may be negative (a figure over a baseline): "−340 kB" below zero, else as `formatBytes` writes it. */
export function formatSignedBytes(bytes: number, formatBytes: (bytes: number) => string): string {
  if (!Number.isFinite(bytes)) return '—';
  return bytes < 0 ? `−${formatBytes(-bytes)}` : formatBytes(bytes);
}

/** A size change for people: "+1.2 MB", "−340 kB", "0 B"; `formatBytes` writes the magnitude. */
export function formatBytesDelta(delta: number, formatBytes: (bytes: number) => string): string {
  return delta > 0 ? `+${formatBytes(delta)}` : formatSignedBytes(delta, formatBytes);
}
