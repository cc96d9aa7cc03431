/** The lab's results, one per model variant and backend, and how the comparison table shows them. */
import type { Device } from '../../runtime/protocol';
import type { ClassAccuracy } from '../../quantize/metrics';
import type { LatencySummary } from '../../util/percentile';

export type LoadSource = 'network' | 'cache' | 'bytes';

export interface VariantResult {
  variantId: string;
  name: string;
  device: Device;
  isReference: boolean;
  bytes: number;
  referenceBytes: number;
  /** First load in a fresh worker: starts the WASM runtime, and downloads unless cached. */
  firstLoadMs: number;
  firstLoadSource: LoadSource;
  /** Second load in the same worker, from the cache (or the stored bytes). */
  reloadMs: number;
  latency: LatencySummary;
  timesMs: number[];
  /** Against the fp32 reference; null for the reference itself. */
  agreement: number | null;
  klDivergence: number | null;
  accuracy: number | null;
  perClass: ClassAccuracy[] | null;
  samples: string;
}

export interface TableRow {
  key: string;
  name: string;
  backend: string;
  size: string;
  smaller: string;
  firstLoad: string;
  /** Where the first load got the model from: "downloaded", "from cache", "stored bytes". */
  firstLoadSource: string;
  reload: string;
  p50: string;
  p95: string;
  agreement: string;
  kl: string;
  accuracy: string;
}

export const resultKey = (r: Pick<VariantResult, 'variantId' | 'device'>) => `${r.variantId}@${r.device}`;

/** Milliseconds with precision that suits their size: 0.84 ms, 12.3 ms, 950 ms. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const digits = ms < 10 ? 2 : ms < 100 ? 1 : 0;
  return `${ms.toFixed(digits)} ms`;
}

/** How many times smaller than the reference: "3.88×"; the reference itself is "1.00×". */
export function formatRatio(referenceBytes: number, bytes: number): string {
  return bytes > 0 && referenceBytes > 0 ? `${(referenceBytes / bytes).toFixed(2)}×` : '—';
}

export function formatShare(value: number | null, digits = 3): string {
  return value === null ? '—' : value.toFixed(digits);
}

/** KL divergence in nats: small values in scientific notation so they do not all read "0.000". */
export function formatKl(value: number | null): string {
  if (value === null) return '—';
  if (value === 0) return '0';
  return value < 0.001 ? value.toExponential(1) : value.toFixed(4);
}

export function formatAccuracy(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

const LOAD_SOURCE_WORDS: Record<LoadSource, string> = { network: 'downloaded', cache: 'from cache', bytes: 'stored bytes' };

function kb(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
}

/** Rows grouped by backend (WASM first), the reference first within each. */
export function tableRows(results: readonly VariantResult[]): TableRow[] {
  const ordered = [...results].sort(
    (a, b) => a.device.localeCompare(b.device) || Number(b.isReference) - Number(a.isReference) || a.name.localeCompare(b.name),
  );
  return ordered.map((r) => ({
    key: resultKey(r),
    name: r.name,
    backend: r.device === 'webgpu' ? 'WebGPU' : 'WASM',
    size: kb(r.bytes),
    smaller: formatRatio(r.referenceBytes, r.bytes),
    firstLoad: formatMs(r.firstLoadMs),
    firstLoadSource: LOAD_SOURCE_WORDS[r.firstLoadSource],
    reload: formatMs(r.reloadMs),
    p50: formatMs(r.latency.p50),
    p95: formatMs(r.latency.p95),
    agreement: r.isReference ? 'reference' : formatShare(r.agreement),
    kl: r.isReference ? 'reference' : formatKl(r.klDivergence),
    accuracy: formatAccuracy(r.accuracy),
  }));
}
