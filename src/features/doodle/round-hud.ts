// Above the canvas: what to draw, the time left and the score (game), or what practice is (practice).
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber } from '../../ui/format';
import { sketchClassLabel } from '../../ui/sketch-class-label';
import { controlStyles } from './controls.styles';
import type { GameState } from './game';
import { aroundSlot, SLOT } from './slot';
import { indefiniteArticle } from './targets';

/** The timer turns red and pulses from this many seconds left. */
const HURRY_SECONDS = 10;

@customElement('dd-round-hud')
@localized()
export class RoundHud extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: flex;
        align-items: stretch;
        gap: 0.75rem;
      }
      .prompt {
        flex: 1;
        display: flex;
        align-items: baseline;
        gap: 0.6rem;
        padding: 0.7rem 1.1rem;
        border-radius: 16px;
        background: linear-gradient(120deg, #6c5ce7, #a66efa);
        color: white;
        box-shadow: 0 6px 18px rgb(108 92 231 / 0.35);
        font-size: 1.15rem;
      }
      .draw {
        opacity: 0.85;
      }
      strong {
        font-size: 1.9rem;
        letter-spacing: -0.01em;
      }
      .stat {
        min-width: 5.5rem;
        display: grid;
        place-items: center;
        padding: 0.4rem 0.8rem;
        border-radius: 16px;
        background: var(--surface, white);
        box-shadow: 0 4px 14px rgb(29 34 51 / 0.1);
      }
      .value {
        font-size: 2rem;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        line-height: 1.1;
      }
      .hurry .value {
        color: var(--warn);
        animation: pulse 1s ease-in-out infinite;
      }
      @keyframes pulse {
        50% {
          transform: scale(1.12);
        }
      }
      @media (max-width: 600px) {
        .prompt {
          font-size: 1rem;
        }
        strong {
          font-size: 1.4rem;
        }
        .stat {
          min-width: 4rem;
        }
        .value {
          font-size: 1.5rem;
        }
      }
    `,
  ];

  /** Practice: no target, timer or score. */
  @property({ type: Boolean }) practice = false;
  @property({ attribute: false }) game?: GameState<unknown>;
  /** Milliseconds left in the round (the page passes it on every tick). */
  @property({ type: Number }) msLeft = 0;

  override render() {
    if (this.practice) {
      return html`<div class="prompt">
        <span class="draw">${msg('Practice', { id: 'doodle.hud.practice' })}</span>
        <strong>${msg('draw anything it knows', { id: 'doodle.hud.practice-hint' })}</strong>
      </div>`;
    }
    const g = this.game;
    if (!g) return nothing;
    const seconds = g.phase === 'ready' ? Math.round(g.rules.roundMs / 1000) : Math.ceil(this.msLeft / 1000);
    return html`<div class="prompt" data-testid="target-prompt">${this.renderPrompt(g)}</div>
      <div class="stat timer ${g.phase === 'playing' && seconds <= HURRY_SECONDS ? 'hurry' : ''}">
        <span class="label">${msg('Time', { id: 'doodle.hud.time' })}</span><span class="value" data-testid="timer">${formatNumber(seconds)}</span>
      </div>
      <div class="stat">
        <span class="label">${msg('Score', { id: 'doodle.hud.score' })}</span><span class="value" data-testid="score">${formatNumber(g.phase === 'ready' ? 0 : g.score)}</span>
      </div>`;
  }

  private renderPrompt(g: GameState<unknown>) {
    if (g.phase !== 'playing') {
      const text = g.phase === 'over' ? msg('Round over', { id: 'doodle.hud.over' }) : msg('Ready when you are', { id: 'doodle.hud.ready' });
      return html`<span class="draw">${text}</span>`;
    }
    const [before, after] = aroundSlot(msg(str`Draw ${SLOT}`, { id: 'doodle.hud.draw' }));
    return html`${before.trim() ? html`<span class="draw">${before.trim()}</span>` : nothing}
      <strong data-testid="target" data-label=${g.target}>${targetPhrase(g.target)}</strong>
      ${after.trim() ? html`<span class="draw">${after.trim()}</span>` : nothing}`;
  }
}

/** "a cat" / "an eye" in English, the class name alone where the language has no article. */
function targetPhrase(label: string): string {
  const name = sketchClassLabel(label);
  return indefiniteArticle(label) === 'an' ? msg(str`an ${name}`, { id: 'doodle.hud.target-an' }) : msg(str`a ${name}`, { id: 'doodle.hud.target-a' });
}

declare global {
  interface HTMLElementTagNameMap {
    'dd-round-hud': RoundHud;
  }
}
