// The model's side of the game: its live top guesses (announced to screen readers), a prediction problem if any,
// and how often it guesses.
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber } from '../../ui/format';
import '../../ui/guess-list';
import { sketchClassLabel } from '../../ui/sketch-class-label';
import type { Guess } from './game';
import { aroundSlot, SLOT } from './slot';

@customElement('dd-guess-panel')
@localized()
export class GuessPanel extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 0.9rem;
    }
    h2 {
      margin: 0;
      font-size: 1.1rem;
    }
    /* Announced to screen readers (only when the top guess changes), not shown. */
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .error {
      margin: 0;
      color: var(--warn);
    }
    .meter {
      margin: 0;
      color: var(--text-muted, #4f5663);
    }
    .meter .value {
      font-size: 1.4rem;
      font-weight: 800;
      color: var(--accent);
      font-variant-numeric: tabular-nums;
    }
    .latency {
      font-size: 0.9rem;
    }
  `;

  @property({ attribute: false }) guesses: readonly Guess[] = [];
  /** The label being asked for, highlighted among the guesses. */
  @property() target: string | null = null;
  /** Why the model could not guess (or a drawing could not be kept); empty when all is well. */
  @property() problem = '';
  /** Predictions completed in the last second. */
  @property({ type: Number }) rate = 0;
  @property({ attribute: false }) msPerPrediction: number | null = null;

  override render() {
    const top = this.guesses[0];
    return html`<h2>${msg('The model thinks…', { id: 'doodle.guesses.title' })}</h2>
      <p class="visually-hidden" aria-live="polite">${top ? msg(str`The model thinks: ${sketchClassLabel(top.label)}`, { id: 'doodle.guesses.announce' }) : ''}</p>
      <doodle-guess-list .guesses=${this.guesses} .target=${this.target} .labelText=${sketchClassLabel}></doodle-guess-list>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <p class="meter" title=${msg('Predictions completed in the last second; the model only runs when the drawing changed', { id: 'doodle.meter.title' })}>
        <span class="value" data-testid="rate">${formatNumber(this.rate)}</span> ${msg('predictions/s', { id: 'doodle.meter.rate' })}
        ${this.msPerPrediction !== null ? this.renderLatency(this.msPerPrediction) : nothing}
      </p>`;
  }

  private renderLatency(ms: number) {
    const [before, after] = aroundSlot(msg(str`· ${SLOT} ms each`, { id: 'doodle.meter.latency' }));
    return html`<span class="latency">${before}<span data-testid="latency">${formatNumber(ms, 1)}</span>${after}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dd-guess-panel': GuessPanel;
  }
}
