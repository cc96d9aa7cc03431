// The keyboard shortcuts, in the side panel (hidden on touch screens).
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles } from './controls.styles';

@customElement('dd-key-help')
@localized()
export class KeyHelp extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.3rem 0.7rem;
        margin: 0.5rem 0 0;
        font-size: 0.9rem;
      }
      dt {
        white-space: nowrap;
      }
      dd {
        margin: 0;
        color: var(--text-muted, #4f5663);
      }
      @media (pointer: coarse) {
        :host {
          display: none;
        }
      }
    `,
  ];

  /** Practice has no skip or start. */
  @property({ type: Boolean }) practice = false;

  override render() {
    return html`<details open>
      <summary>${msg('Keyboard', { id: 'doodle.keys.title' })}</summary>
      <dl>
        <dt><kbd>Z</kbd> / <kbd>Ctrl</kbd>+<kbd>Z</kbd></dt><dd>${msg('undo last stroke', { id: 'doodle.keys.undo' })}</dd>
        <dt><kbd>C</kbd> / <kbd>Backspace</kbd></dt><dd>${msg('clear', { id: 'doodle.keys.clear' })}</dd>
        ${this.practice
          ? nothing
          : html`<dt><kbd>S</kbd></dt><dd>${msg('skip', { id: 'doodle.keys.skip' })}</dd>
              <dt><kbd>Enter</kbd> / <kbd>Space</kbd></dt><dd>${msg('start', { id: 'doodle.keys.start' })}</dd>`}
      </dl>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dd-key-help': KeyHelp;
  }
}
