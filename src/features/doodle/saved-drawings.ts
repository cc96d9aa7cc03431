// How many of the game's labelled drawings this browser keeps for the quantization lab, with a way to delete them.
// The count follows every change to the store, from this page or another tab.
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { clearLabelledDrawings, DRAWINGS_DB, listLabelledDrawings } from '../../runtime/drawing-store';
import { onStoreChange } from '../../runtime/idb-store';
import { formatNumber } from '../../ui/format';
import { controlStyles } from './controls.styles';
import { aroundSlot, SLOT } from './slot';

@customElement('dd-saved-drawings')
@localized()
export class SavedDrawings extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      p {
        margin: 0;
        font-size: 0.85rem;
        color: var(--text-muted, #4f5663);
      }
    `,
  ];

  @state() private count = 0;
  private stopListening?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopListening = onStoreChange([DRAWINGS_DB], () => void this.refresh());
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
  }

  override render() {
    const sentence =
      this.count === 1
        ? msg(str`${SLOT} labelled drawing saved in this browser for the quantization lab.`, { id: 'doodle.saved.count-one' })
        : msg(str`${SLOT} labelled drawings saved in this browser for the quantization lab.`, { id: 'doodle.saved.count' });
    const [before, after] = aroundSlot(sentence);
    return html`<p>
      ${before}<span data-testid="saved-count">${formatNumber(this.count)}</span>${after}
      <button class="link" data-testid="clear-saved" ?disabled=${this.count === 0} @click=${this.clear}>${msg('Delete them', { id: 'doodle.saved.delete' })}</button>
    </p>`;
  }

  /** Reads the count again (the page calls it after saving a drawing). */
  async refresh(): Promise<void> {
    try {
      this.count = (await listLabelledDrawings()).length;
    } catch {
      this.count = 0;
    }
  }

  private async clear(): Promise<void> {
    await clearLabelledDrawings();
    await this.refresh();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dd-saved-drawings': SavedDrawings;
  }
}
