/** "A new version is ready — Reload": shown while a new service worker waits (src/app/sw-update.ts). */
import { LitElement, css, html, nothing } from 'lit';
import { appUpdate, type UpdateState } from './sw-update';
import { controlStyles } from '../ui/shared-styles';

export class UpdateBanner extends LitElement {
  static override properties = { state: { state: true } };
  declare state: UpdateState;
  private off: (() => void) | undefined;

  constructor() {
    super();
    this.state = 'current';
  }

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
      <span>A new version is ready</span>
      <button class="primary" @click=${() => appUpdate.apply()}>Reload</button>
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

customElements.define('mlwb-update-banner', UpdateBanner);
