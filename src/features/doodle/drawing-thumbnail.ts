// A drawing rendered small with the same ink as the canvas, framed around the ink (for the end-screen gallery).
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { inkViewBox, strokeOutlinePath } from '../../ui/ink';
import type { Stroke } from '../../sketch/sketchpad';

@customElement('doodle-drawing-thumbnail')
@localized()
export class DrawingThumbnail extends LitElement {
  static override styles = css`
    :host {
      display: block;
      aspect-ratio: 1;
    }
    svg {
      width: 100%;
      height: 100%;
      display: block;
    }
    .blank {
      display: grid;
      place-items: center;
      height: 100%;
      color: #9aa0b4;
      font-size: 0.85rem;
    }
  `;

  @property({ attribute: false }) strokes: readonly Stroke[] = [];

  override render() {
    const box = inkViewBox(this.strokes, 12);
    if (!box) return html`<div class="blank">${msg('nothing drawn', { id: 'doodle.thumbnail.blank' })}</div>`;
    // Ink scales with the drawing so small and large drawings look equally bold.
    const size = Math.max(6, box.width / 28);
    return html`<svg viewBox="${box.x} ${box.y} ${box.width} ${box.height}" role="img" aria-label=${msg('drawing', { id: 'doodle.thumbnail.label' })}>
      ${this.strokes.map((s) => svg`<path d=${strokeOutlinePath(s, size)} fill="#1d2233"></path>`)}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'doodle-drawing-thumbnail': DrawingThumbnail;
  }
}
