/** "A new version is ready — Reload": shown while a new service worker waits (src/app/sw-update.ts). */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { appUpdate, type UpdateState } from './sw-update';
import { controlStyles } from '../ui/shared-styles';

@customElement('mlwb-update-banner')
@localized()
export class UpdateBanner extends LitElement {
  @state() state: UpdateState = 'current';
  private off: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.off = appUpdate.subscribe((state) => (this.state = state));
  }

  override disconnectedCallback(): void {
    this.off?.();
    super.disconnectedCallback();
  }

  override render() {
    if (this.state === 'current') return nothing;
    return html`<div class="banner" role="status">
      <span>${msg('A new version is ready', { id: 'app.update.ready' })}</span>
      <button class="primary" @click=${() => appUpdate.apply()}>${msg('Reload', { id: 'app.update.reload' })}</button>
    </div>`;
  }

  static override styles = [
    controlStyles,
    css`
      .banner {
        display: flex;
        align-items: center;
        justify-content: center;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        padding: 0.45rem 1.25rem;
        background: var(--accent-soft);
        border-bottom: 1px solid var(--border);
        color: var(--text);
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'mlwb-update-banner': UpdateBanner;
  }
}
