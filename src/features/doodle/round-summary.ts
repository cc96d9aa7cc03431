// Over the canvas when the round ends: the heading (new best or time's up), score and best, the gallery, play again.
import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber } from '../../ui/format';
import type { Stroke } from '../../sketch/sketchpad';
import { controlStyles, overlayStyles } from './controls.styles';
import type { Turn } from './game';
import './round-gallery';

@customElement('dd-round-summary')
@localized()
export class RoundSummary extends LitElement {
  static override styles = [
    controlStyles,
    overlayStyles,
    css`
      h2 {
        background: linear-gradient(90deg, #6c5ce7, #fd79a8);
        -webkit-background-clip: text;
        background-clip: text;
        color: transparent;
      }
      .final {
        display: flex;
        gap: 2.5rem;
      }
      .final div {
        display: grid;
      }
      .final strong {
        font-size: 2.6rem;
        line-height: 1.1;
        color: var(--accent);
      }
    `,
  ];

  @property({ type: Number }) score = 0;
  @property({ type: Number }) best = 0;
  @property({ type: Boolean }) newBest = false;
  @property({ attribute: false }) turns: readonly Turn<Stroke[]>[] = [];

  override render() {
    return html`<h2>${this.newBest ? msg('New best score!', { id: 'doodle.over.new-best' }) : msg('Time’s up!', { id: 'doodle.over.time-up' })}</h2>
      <div class="final">
        <div><span class="label">${msg('Score', { id: 'doodle.over.score' })}</span><strong data-testid="final-score">${formatNumber(this.score)}</strong></div>
        <div><span class="label">${msg('Best', { id: 'doodle.over.best' })}</span><strong data-testid="best-score">${formatNumber(this.best)}</strong></div>
      </div>
      <dd-round-gallery .turns=${this.turns}></dd-round-gallery>
      <button class="big" data-testid="play-again" @click=${() => this.dispatchEvent(new Event('play-again'))}>
        ${msg('Play again', { id: 'doodle.over.play-again' })} <kbd>Enter</kbd>
      </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dd-round-summary': RoundSummary;
  }
}
