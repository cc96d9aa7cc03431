// For unit tests of labels: the interface switched to Japanese for one check, and back to English after.
import { vi } from 'vitest';
import { switchLocale } from '../locale';

/** Runs `check` with the interface in Japanese. Node has no `window`, on which @lit/localize announces the switch. */
export async function inJapanese(check: () => void): Promise<void> {
  vi.stubGlobal('window', new EventTarget());
  await switchLocale('ja');
  try {
    check();
  } finally {
    await switchLocale('en');
    vi.unstubAllGlobals();
  }
}
