import { afterEach, describe, expect, it, vi } from 'vitest';
import { switchLocale } from './locale';
import { appLocale } from '../util/app-locale';

describe('switchLocale', () => {
  afterEach(async () => {
    await switchLocale('en');
    vi.unstubAllGlobals();
  });

  it('has the Intl formats in the new language by the time components re-render for it', async () => {
    // @lit/localize announces the new locale on window; @localized() components re-render on that event.
    const target = new EventTarget();
    vi.stubGlobal('window', target);
    const seen: string[] = [];
    target.addEventListener('lit-localize-status', (event) => {
      if ((event as CustomEvent<{ status: string }>).detail.status === 'ready') seen.push(appLocale());
    });
    await switchLocale('ja');
    await switchLocale('en');
    expect(seen).toEqual(['ja', 'en']);
  });
});
