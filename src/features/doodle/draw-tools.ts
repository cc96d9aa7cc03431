// The buttons under the canvas: undo, clear and (in the game) skip, with their keys. Events: undo, clear, skip.
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles } from './controls.styles';

@customElement('dd-draw-tools')
@localized()
export class DrawTools extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: flex;
        justify-content: center;
        gap: 0.6rem;
      }
      .skip {
        margin-left: 1rem;
      }
    `,
  ];

  /** Practice has no skip. */
  @property({ type: Boolean }) practice = false;
  @property({ type: Boolean }) canSkip = false;

  override render() {
    return html`<button @click=${() => this.send('undo')} data-testid="undo" title=${msg('Undo last stroke (Z)', { id: 'doodle.tools.undo-title' })}>
        ↶ ${msg('Undo', { id: 'doodle.tools.undo' })} <kbd>Z</kbd>
      </button>
      <button @click=${() => this.send('clear')} data-testid="clear" title=${msg('Clear (C)', { id: 'doodle.tools.clear-title' })}>
        ✕ ${msg('Clear', { id: 'doodle.tools.clear' })} <kbd>C</kbd>
      </button>
      ${this.practice
        ? nothing
        : html`<button class="skip" @click=${() => this.send('skip')} ?disabled=${!this.canSkip} data-testid="skip" title=${msg('Skip (S)', { id: 'doodle.tools.skip-title' })}>
            ${msg('Skip', { id: 'doodle.tools.skip' })} → <kbd>S</kbd>
          </button>`}`;
  }

  private send(type: 'undo' | 'clear' | 'skip'): void {
    this.dispatchEvent(new Event(type));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dd-draw-tools': DrawTools;
  }
}
