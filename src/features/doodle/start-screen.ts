// Over the canvas before a round: the rules, the classes a round may ask for, the start button and the best score.
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber, formatPercent } from '../../ui/format';
import { sketchClassLabel } from '../../ui/sketch-class-label';
import { controlStyles, overlayStyles } from './controls.styles';
import { DEFAULT_RULES, type GameRules } from './game';
import { aroundSlot, SLOT } from './slot';

/** Where the model is: the start button waits for 'ready'. */
export type ModelReadiness = 'loading' | 'ready' | 'failed';

@customElement('dd-start-screen')
@localized()
export class StartScreen extends LitElement {
  static override styles = [
    controlStyles,
    overlayStyles,
    css`
      .rules {
        text-align: left;
        max-width: 30rem;
        line-height: 1.6;
        margin: 0;
      }
      .deck-intro,
      .deck-note {
        margin: 0.3rem 0 0;
        font-size: 0.8rem;
        color: var(--text-muted, #4f5663);
      }
      .deck-intro {
        text-transform: uppercase;
        letter-spacing: 0.08em;
      }
      .deck {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 0.35rem;
        max-width: 30rem;
      }
      .deck li {
        padding: 0.15rem 0.6rem;
        border-radius: 999px;
        background: #efeaff;
        color: #4b3bbf;
        font-size: 0.85rem;
        font-weight: 600;
      }
      .best {
        margin: 0;
        color: var(--text-muted, #4f5663);
      }
      @media (max-width: 600px) {
        .rules {
          font-size: 0.85rem;
          line-height: 1.4;
        }
        .deck-intro,
        .deck-note,
        .deck {
          display: none;
        }
      }
    `,
  ];

  @property() model: ModelReadiness = 'loading';
  @property({ attribute: false }) rules: GameRules = DEFAULT_RULES;
  /** Class labels a round may ask for (shown once the model is ready). */
  @property({ attribute: false }) targets: readonly string[] = [];
  /** How the targets were chosen, when it is not by measured accuracy. */
  @property() targetNote = '';
  @property({ type: Number }) best = 0;

  override render() {
    const ready = this.model === 'ready';
    const [timeBefore, timeAfter] = aroundSlot(msg(str`You get ${SLOT}.`, { id: 'doodle.rules.time' }));
    const [skipBefore, skipAfter] = aroundSlot(msg(str`Stuck? ${SLOT} it.`, { id: 'doodle.rules.skip' }));
    const seconds = formatNumber(Math.round(this.rules.roundMs / 1000));
    const sure = formatPercent(this.rules.threshold, 1);
    return html`<h2>${msg('Ready to doodle?', { id: 'doodle.start.title' })}</h2>
      <ol class="rules">
        <li>${timeBefore}<strong>${msg(str`${seconds} seconds`, { id: 'doodle.rules.seconds' })}</strong>${timeAfter}</li>
        <li>${msg('Draw the thing on the prompt. The model guesses while you draw.', { id: 'doodle.rules.draw' })}</li>
        <li>${msg(str`When its top guess is your target (≥ ${sure} sure), you score and the next one comes.`, { id: 'doodle.rules.score' })}</li>
        <li>${skipBefore}<strong>${msg('Skip', { id: 'doodle.rules.skip-word' })}</strong>${skipAfter}</li>
      </ol>
      ${ready
        ? html`<p class="deck-intro">${msg('It may ask for', { id: 'doodle.start.deck' })}</p>
            <ul class="deck" data-testid="possible-targets">
              ${this.targets.map((label) => html`<li>${sketchClassLabel(label)}</li>`)}
            </ul>
            ${this.targetNote ? html`<p class="deck-note" data-testid="target-note">${this.targetNote}</p>` : nothing}`
        : nothing}
      <button class="big" data-testid="start" ?disabled=${!ready} @click=${() => this.dispatchEvent(new Event('start'))}>
        ${ready
          ? html`${msg('Start', { id: 'doodle.start.button' })} <kbd>Enter</kbd>`
          : this.model === 'failed'
            ? msg('Model not loaded', { id: 'doodle.start.failed' })
            : msg('Loading model…', { id: 'doodle.start.loading' })}
      </button>
      ${this.best > 0
        ? html`<p class="best">${msg('Best score:', { id: 'doodle.start.best' })} <strong data-testid="best-score">${formatNumber(this.best)}</strong></p>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dd-start-screen': StartScreen;
  }
}
