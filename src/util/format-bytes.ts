// Sizes for people: used by the pages and by the runtime's storage messages, so it lives outside src/ui/.
import { appLocale } from './app-locale';

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/**
 * 1234567 → "1.2 MB" (decimal units, as browsers and disks report them); the number is written in the interface
 * locale (`appLocale()`, e.g. "1,234 MB" in English), or in `locale` when given.
 */
export function formatBytes(bytes: number, locale: string = appLocale()): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  return `${number} ${UNITS[unit]}`;
}
