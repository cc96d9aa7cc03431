// The interface language as a BCP 47 tag, read by the Intl formatters in util/ and ui/. src/i18n/locale.ts sets it;
// it lives here so dependency-free modules (sizes in runtime messages) can format for the user without importing i18n.
let tag = 'en';

/** The current interface locale, e.g. "en" or "ja". */
export function appLocale(): string {
  return tag;
}

/** Called only by src/i18n/locale.ts when the language changes. */
export function setAppLocaleTag(next: string): void {
  tag = next;
}
