// A drawing rendered small with the same ink as the canvas, framed around the ink (for the end-screen gallery).
import { LitElement, css, html, svg } from 'lit';
import { inkViewBox, strokeOutlinePath } from '../../ui/ink';
import type { Stroke } from '../../sketch/sketchpad';

export class DrawingThumbnail extends LitElement {
  static properties = { strokes: { attribute: false } };
  static styles = css`
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

  declare strokes: readonly Stroke[];

  constructor() {
    super();
    this.strokes = [];
  }

  render() {
    const box = inkViewBox(this.strokes, 12);
    if (!box) return html`<div class="blank">nothing drawn</div>`;
    // Ink scales with the drawing so small and large drawings look equally bold.
    const size = Math.max(6, box.width / 28);
    return html`<svg viewBox="${box.x} ${box.y} ${box.width} ${box.height}" role="img" aria-label="drawing">
      ${this.strokes.map((s) => svg`<path d=${strokeOutlinePath(s, size)} fill="#1d2233"></path>`)}
    </svg>`;
  }
}

customElements.define('doodle-drawing-thumbnail', DrawingThumbnail);

declare global {
  interface HTMLElementTagNameMap {
    'doodle-drawing-thumbnail': DrawingThumbnail;
  }
}
