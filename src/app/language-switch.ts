/** The interface language picker in the header: switches at once (no reload) and is remembered (src/i18n/locale.ts). */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { LOCALES, LOCALE_NAMES, currentLocale, switchLocale, type Locale } from '../i18n/locale';
import { notify } from '../runtime/notices';
import { controlStyles } from '../ui/shared-styles';

@customElement('mlwb-language-switch')
@localized()
export class LanguageSwitch extends LitElement {
  private async change(event: Event): Promise<void> {
    const select = event.target as HTMLSelectElement;
    try {
      await switchLocale(select.value as Locale);
    } catch {
      // The Japanese module failed to load (e.g. offline before it was cached): stay as we are and say so.
      select.value = currentLocale();
      notify(msg('The language could not be changed. Check the connection and try again.', { id: 'app.language.failed' }), 'error');
    }
  }

  override render() {
    const current = currentLocale();
    return html`<select aria-label=${msg('Language', { id: 'app.language' })} data-testid="language-select" @change=${this.change}>
      ${LOCALES.map((l) => html`<option value=${l} lang=${l} ?selected=${l === current}>${LOCALE_NAMES[l]}</option>`)}
    </select>`;
  }

  static override styles = [
    controlStyles,
    css`
      select {
        font-size: 0.85rem;
        padding: 0.3rem 0.5rem;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'mlwb-language-switch': LanguageSwitch;
  }
}
