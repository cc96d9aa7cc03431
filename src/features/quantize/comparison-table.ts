/** The lab's results, one per model variant and backend, and how the comparison table shows them. */
import { msg } from '@lit/localize';
import { formatDuration, formatNumber } from '../../ui/format';
import { formatBytes } from '../../util/format-bytes';
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
  isReference: boolean;
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

/** How many times smaller than the reference: "3.88×"; the reference itself is "1.00×". */
export function formatRatio(referenceBytes: number, bytes: number): string {
  return bytes > 0 && referenceBytes > 0 ? `${formatNumber(referenceBytes / bytes, 2)}×` : '—';
}

export function formatShare(value: number | null, digits = 3): string {
  return value === null ? '—' : formatNumber(value, digits);
}

/** KL divergence in nats: small values in scientific notation so they do not all read "0.000". */
export function formatKl(value: number | null): string {
  if (value === null) return '—';
  if (value === 0) return '0';
  // Scientific notation is written the same way in every interface language.
  return value < 0.001 ? value.toExponential(1) : formatNumber(value, 4);
}

/** A share as a percentage with one decimal: 0.9457 → "94.6%" (formatPercent rounds to whole percents). */
export function formatAccuracy(value: number | null): string {
  return value === null ? '—' : `${formatNumber(value * 100, 1)}%`;
}

function loadSourceWords(source: LoadSource): string {
  switch (source) {
    case 'network':
      return msg('downloaded', { id: 'quantize.load.network' });
    case 'cache':
      return msg('from cache', { id: 'quantize.load.cache' });
    case 'bytes':
      return msg('stored bytes', { id: 'quantize.load.bytes' });
  }
}

/** The backend's usual name: "WASM", "WebGPU". */
export function backendName(device: Device): string {
  return device === 'webgpu' ? 'WebGPU' : 'WASM';
}

/** Rows grouped by backend (WASM first), the reference first within each. */
export function tableRows(results: readonly VariantResult[]): TableRow[] {
  const ordered = [...results].sort(
    (a, b) => a.device.localeCompare(b.device) || Number(b.isReference) - Number(a.isReference) || a.name.localeCompare(b.name),
  );
  return ordered.map((r) => ({
    key: resultKey(r),
    isReference: r.isReference,
    name: r.name,
    backend: backendName(r.device),
    size: formatBytes(r.bytes),
    smaller: formatRatio(r.referenceBytes, r.bytes),
    firstLoad: formatDuration(r.firstLoadMs),
    firstLoadSource: loadSourceWords(r.firstLoadSource),
    reload: formatDuration(r.reloadMs),
    p50: formatDuration(r.latency.p50),
    p95: formatDuration(r.latency.p95),
    agreement: r.isReference ? msg('reference', { id: 'quantize.table.reference' }) : formatShare(r.agreement),
    kl: r.isReference ? msg('reference', { id: 'quantize.table.referenceKl' }) : formatKl(r.klDivergence),
    accuracy: formatAccuracy(r.accuracy),
  }));
}
