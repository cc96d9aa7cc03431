// The model's live top guesses with confidence bars; the target (when there is one) is highlighted.
import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SketchPrediction as Guess } from '../sketch/predictions';
import { formatPercent } from './format';

@customElement('doodle-guess-list')
@localized()
export class GuessList extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.45rem;
    }
    li {
      position: relative;
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.45rem 0.75rem;
      border-radius: 10px;
      background: var(--surface-2, #eef0f4);
      overflow: hidden;
      font-weight: 600;
      color: var(--text, #16181d);
    }
    li .bar {
      position: absolute;
      inset: 0 auto 0 0;
      background: linear-gradient(90deg, #7c9cff, #a98bff);
      opacity: 0.35;
      transition: width 120ms ease-out;
    }
    li.target .bar {
      background: linear-gradient(90deg, #2fd27a, #9be15d);
      opacity: 0.55;
    }
    li span {
      position: relative;
      z-index: 1;
    }
    .pct {
      font-variant-numeric: tabular-nums;
      color: var(--text-muted, #4f5663);
    }
    .empty {
      color: var(--text-muted, #4f5663);
      font-style: italic;
      padding: 0.45rem 0;
    }
  `;

  @property({ attribute: false }) guesses: readonly Guess[] = [];
  /** The class to highlight, when there is one. */
  @property() target: string | null = null;
  /** How a class name is shown (e.g. in the interface language); the class name itself by default. */
  @property({ attribute: false }) labelText: (label: string) => string = (label) => label;

  override render() {
    if (this.guesses.length === 0) return html`<p class="empty">${msg('Start drawing and the model will guess…', { id: 'ui.guess.empty' })}</p>`;
    return html`<ol data-testid="guesses" aria-label=${msg('Model guesses', { id: 'ui.guess.list' })}>
      ${this.guesses.map(
        // No whitespace before the label: an item's text starts with the class name.
        (g) =>
          html`<li class=${g.label === this.target ? 'target' : ''}><span>${this.labelText(g.label)}</span><span class="pct"
              >${formatPercent(g.probability, 1)}</span
            ><div class="bar" style="width:${(g.probability * 100).toFixed(1)}%"></div></li>`,
      )}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'doodle-guess-list': GuessList;
  }
}
