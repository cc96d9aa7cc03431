/**
 * The interface language: English (source) or Japanese. Strings are marked with `msg()` from @lit/localize (runtime
 * mode, explicit ids `<area>.<name>`); the Japanese templates live in `./ja/<area>.ts`, loaded on first use.
 * The choice is the stored one, else the browser's first supported language; switching needs no reload.
 */
import { configureLocalization } from '@lit/localize';
import { setAppLocaleTag } from '../util/app-locale';

export const SOURCE_LOCALE = 'en';
export const TARGET_LOCALES = ['ja'] as const;
export type Locale = typeof SOURCE_LOCALE | (typeof TARGET_LOCALES)[number];
export const LOCALES: readonly Locale[] = [SOURCE_LOCALE, ...TARGET_LOCALES];
export const LOCALE_STORAGE_KEY = 'mlwb.locale';

/** Each language's name in itself, for the switch. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', ja: '日本語' };

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language to show: a valid stored choice wins; else the first of the browser's languages (BCP 47 tags, e.g.
 * "ja-JP") whose primary subtag we support; else English.
 */
export function pickLocale(stored: string | null, browserLanguages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return SOURCE_LOCALE;
}

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: SOURCE_LOCALE,
  targetLocales: TARGET_LOCALES,
  loadLocale: () => import('./ja/index'),
});

function storage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

async function apply(locale: Locale): Promise<void> {
  // The Intl formats must already speak the new language when the components re-render on setLocale's event.
  const previous = currentLocale();
  setAppLocaleTag(locale);
  try {
    await setLocale(locale);
  } catch (error) {
    setAppLocaleTag(previous);
    throw error;
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** Applies the stored or browser language; call once before the shell renders. */
export function initLocale(): Promise<void> {
  const languages = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  return apply(pickLocale(storage()?.getItem(LOCALE_STORAGE_KEY) ?? null, languages));
}

/** Switches the interface language at once (components marked `@localized()` re-render) and remembers it. */
export function switchLocale(locale: Locale): Promise<void> {
  storage()?.setItem(LOCALE_STORAGE_KEY, locale);
  return apply(locale);
}

/** The language the interface shows now. */
export function currentLocale(): Locale {
  const locale = getLocale();
  return isLocale(locale) ? locale : SOURCE_LOCALE;
}
