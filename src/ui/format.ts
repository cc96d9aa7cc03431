// Human formats for numbers, percentages and dates in the interface locale, shared by every page
// (sizes: src/util/format-bytes.ts). Intl does the locale work; the locale comes from src/i18n.
import { appLocale } from '../util/app-locale';

/** 1234.5 → "1,234.5" (en) / "1,234.5" (ja); `digits` fixes the fraction digits when given. */
export function formatNumber(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return '—';
  const options = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return new Intl.NumberFormat(appLocale(), options).format(value);
}

/** part/whole as a whole percentage, capped at 100: (1, 3) → "33%"; "—" when whole is not positive. */
export function formatPercent(part: number, whole: number): string {
  if (!(whole > 0)) return '—';
  return new Intl.NumberFormat(appLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(Math.min(1, part / whole));
}

/** A duration in milliseconds for people: 12.345 → "12.3 ms", 2500 → "2.5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${formatNumber(ms, ms < 10 ? 2 : 1)} ms`;
  return `${formatNumber(ms / 1000, 1)} s`;
}

/** Epoch milliseconds → medium date and short time in the interface locale. */
export function formatDate(epochMs: number): string {
  return new Date(epochMs).toLocaleString(appLocale(), { dateStyle: 'medium', timeStyle: 'short' });
}
