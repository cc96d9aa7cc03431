// The round's drawings after it ends: each with its target and how the turn ended (recognised, skipped, time).
import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatPercent } from '../../ui/format';
import { sketchClassLabel } from '../../ui/sketch-class-label';
import type { Stroke } from '../../sketch/sketchpad';
import type { Turn } from './game';
import './drawing-thumbnail';

@customElement('dd-round-gallery')
@localized()
export class RoundGallery extends LitElement {
  static override styles = css`
    :host {
      display: block;
      width: 100%;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(110px, 1fr));
      gap: 0.7rem;
    }
    li {
      border-radius: 14px;
      background: #fffdf7;
      border: 2px solid #e3e4ef;
      padding: 0.4rem;
      display: grid;
      gap: 0.25rem;
    }
    li.recognised {
      border-color: var(--good);
    }
    doodle-drawing-thumbnail {
      width: 100%;
    }
    .caption {
      display: grid;
      color: var(--ink);
      font-size: 0.8rem;
      line-height: 1.25;
    }
    .target {
      font-weight: 700;
    }
    .verdict {
      color: #5d6278;
    }
    .recognised .verdict {
      color: var(--good);
    }
    .empty {
      color: var(--text-muted, #4f5663);
    }
  `;

  @property({ attribute: false }) turns: readonly Turn<Stroke[]>[] = [];

  override render() {
    if (this.turns.length === 0) return html`<p class="empty">${msg('No drawings this round.', { id: 'doodle.gallery.empty' })}</p>`;
    return html`<ul data-testid="gallery">
      ${this.turns.map(
        (t) => html`<li class=${t.outcome} data-testid="gallery-item">
          <doodle-drawing-thumbnail .strokes=${t.drawing}></doodle-drawing-thumbnail>
          <div class="caption">
            <span class="target">${sketchClassLabel(t.target)}</span>
            <span class="verdict">${outcomeText(t)} ${t.guess ? `${sketchClassLabel(t.guess.label)} ${formatPercent(t.guess.probability, 1)}` : msg('no guess', { id: 'doodle.gallery.no-guess' })}</span>
          </div>
        </li>`,
      )}
    </ul>`;
  }
}

function outcomeText(turn: Turn<unknown>): string {
  if (turn.outcome === 'recognised') return '✓';
  return turn.outcome === 'skipped' ? msg('skipped ·', { id: 'doodle.gallery.skipped' }) : msg('time ·', { id: 'doodle.gallery.time' });
}

declare global {
  interface HTMLElementTagNameMap {
    'dd-round-gallery': RoundGallery;
  }
}
