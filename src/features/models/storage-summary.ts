/**
 * How much room the model cache takes and how much the browser allows, persistent storage, and "Clear all".
 * Fires `persist` and `clear-all`; the page does the work.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles } from '../../ui/shared-styles';
import { panelStyles } from './models.styles';
import { formatBytes } from '../../util/format-bytes';

export interface StorageFacts {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

@customElement('models-storage-summary')
@localized()
export class StorageSummary extends LitElement {
  /** Bytes of every cached model file. */
  @property({ type: Number }) cachedBytes = 0;
  @property({ attribute: false }) storage: StorageFacts = {};
  @property({ type: Boolean }) busy = false;

  private fire(name: string): void {
    this.dispatchEvent(new Event(name, { bubbles: true, composed: true }));
  }

  override render() {
    const { usage = 0, quota, persisted } = this.storage;
    const used = formatBytes(usage);
    const allowed = quota ? formatBytes(quota) : '';
    return html`<section class="card" aria-label=${msg('Storage', { id: 'models.storage.label' })}>
      <div>
        ${msg('Cached model files:', { id: 'models.storage.total' })} <strong data-testid="cache-total">${formatBytes(this.cachedBytes)}</strong>
        ${quota ? html`<span class="muted"> · ${msg(str`browser storage: ${used} used of ${allowed} available`, { id: 'models.storage.quota' })}</span>` : nothing}
        ${quota ? html`<meter min="0" max=${quota} .value=${usage} aria-label=${msg('Storage used', { id: 'models.storage.meter' })}></meter>` : nothing}
      </div>
      <div class="actions">
        <span class="muted">
          ${persisted ? msg('Persistent storage: granted', { id: 'models.storage.persisted' }) : msg('Persistent storage: not granted', { id: 'models.storage.not-persisted' })}
        </span>
        ${persisted ? nothing : html`<button @click=${() => this.fire('persist')}>${msg('Request persistent storage', { id: 'models.storage.persist' })}</button>`}
        <button class="danger" ?disabled=${this.busy || this.cachedBytes === 0} @click=${() => this.fire('clear-all')}>${msg('Clear all', { id: 'models.storage.clear' })}</button>
      </div>
    </section>`;
  }

  static override styles = [
    controlStyles,
    panelStyles,
    css`
      section {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0.75rem;
        align-items: center;
      }
      meter {
        display: block;
        width: min(22rem, 100%);
        margin-top: 0.35rem;
      }
    `,
  ];
}
