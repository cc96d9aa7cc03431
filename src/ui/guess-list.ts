// The model's live top guesses with confidence bars; the target (when there is one) is highlighted.
import { LitElement, css, html } from 'lit';
import type { SketchPrediction as Guess } from '../sketch/predictions';

export class GuessList extends LitElement {
  static properties = { guesses: { attribute: false }, target: {} };
  static styles = css`
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

  declare guesses: readonly Guess[];
  declare target: string | null;

  constructor() {
    super();
    this.guesses = [];
    this.target = null;
  }

  render() {
    if (this.guesses.length === 0) return html`<p class="empty">Start drawing and the model will guess…</p>`;
    return html`<ol data-testid="guesses" aria-label="Model guesses">
      ${this.guesses.map(
        // No whitespace before the label: an item's text starts with the class name.
        (g) =>
          html`<li class=${g.label === this.target ? 'target' : ''}><span>${g.label}</span><span class="pct"
              >${Math.round(g.probability * 100)}%</span
            ><div class="bar" style="width:${(g.probability * 100).toFixed(1)}%"></div></li>`,
      )}
    </ol>`;
  }
}

customElements.define('doodle-guess-list', GuessList);

declare global {
  interface HTMLElementTagNameMap {
    'doodle-guess-list': GuessList;
  }
}
