// The burst over the canvas when a drawing scores: "✓ cat! +1", popping up and fading out by itself.
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sketchClassLabel } from '../../ui/sketch-class-label';

/** How long the toast shows; the page removes it after this. */
export const TOAST_MS = 1200;

@customElement('dd-score-toast')
@localized()
export class ScoreToast extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      left: 50%;
      top: 40%;
      transform: translate(-50%, -50%);
      padding: 0.8rem 1.6rem;
      border-radius: 999px;
      background: var(--good);
      color: white;
      font-size: 1.8rem;
      font-weight: 800;
      box-shadow: 0 10px 30px rgb(32 191 107 / 0.45);
      pointer-events: none;
      animation: pop 1.2s ease-out forwards;
    }
    @keyframes pop {
      0% {
        transform: translate(-50%, -50%) scale(0.4);
        opacity: 0;
      }
      15% {
        transform: translate(-50%, -50%) scale(1.15);
        opacity: 1;
      }
      30% {
        transform: translate(-50%, -50%) scale(1);
      }
      80% {
        opacity: 1;
      }
      100% {
        transform: translate(-50%, -90%) scale(1);
        opacity: 0;
      }
    }
  `;

  /** The class label that scored. */
  @property() target = '';

  override render() {
    return html`${msg(str`✓ ${sketchClassLabel(this.target)}! +1`, { id: 'doodle.toast.scored' })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dd-score-toast': ScoreToast;
  }
}
