// Human formats for percentages and dates, shared by every page (sizes: src/util/format-bytes.ts).

export function formatPercent(part: number, whole: number): string {
  if (!(whole > 0)) return '—';
  return `${Math.min(100, Math.round((part / whole) * 100))}%`;
}

export function formatDate(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
