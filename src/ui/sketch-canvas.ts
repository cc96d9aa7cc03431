// The drawing surface: pointer events for mouse, pen and touch (pointer capture, no browser gestures),
// smooth ink, and a `sketch-change` event after every edit (read the drawing from `pad`). The pad holds sketch
// units (SKETCH_SIDE square over the canvas), so any CSS size or devicePixelRatio redraws the same drawing.
import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { strokeOutlinePath } from './ink';
import { SKETCH_SIDE, Sketchpad, type Point, type Stroke } from '../sketch/sketchpad';

@customElement('doodle-sketch-canvas')
@localized()
export class SketchCanvas extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      aspect-ratio: 1;
      width: 100%;
      border-radius: 20px;
      background: #fffdf7;
      box-shadow: 0 10px 30px rgb(20 20 60 / 0.18), inset 0 0 0 3px #1d2233;
      overflow: hidden;
    }
    canvas {
      display: block;
      width: 100%;
      height: 100%;
      touch-action: none;
      cursor: crosshair;
    }
    .hint {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      pointer-events: none;
      color: #9aa0b4;
      font-size: 1.25rem;
    }
  `;

  readonly pad = new Sketchpad();
  private frameRequested = false;
  private resizeObserver?: ResizeObserver;
  private activePointer: number | null = null;
  /** Finished strokes never change, so their outlines are computed once. */
  private readonly finishedPaths = new WeakMap<Stroke, Path2D>();

  private get canvas(): HTMLCanvasElement {
    return this.renderRoot.querySelector('canvas')!;
  }

  render() {
    return html`
      <canvas
        data-testid="sketch-canvas"
        aria-label=${msg('Drawing canvas', { id: 'ui.sketch.canvas' })}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerUp}
        @lostpointercapture=${this.onPointerUp}
      ></canvas>
      ${this.pad.isEmpty ? html`<div class="hint">${msg('Draw here', { id: 'ui.sketch.hint' })}</div>` : null}
    `;
  }

  firstUpdated(): void {
    this.resizeObserver = new ResizeObserver(() => this.resizeBacking());
    this.resizeObserver.observe(this.canvas);
    this.resizeBacking();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  undo(): void {
    this.pad.undo();
    this.changed();
  }

  clear(): void {
    this.pad.clear();
    this.changed();
  }

  /** A clean canvas for a new target: the stroke in progress is dropped and ink resumes after `pauseMs` with a new press. */
  startFresh(pauseMs: number): void {
    this.pad.startFresh(performance.now(), pauseMs);
    this.activePointer = null;
    this.changed();
  }

  /** Pointer position in sketch units; both axes share the width's scale, so a drawing keeps its proportions. */
  private point(event: PointerEvent): Point {
    const rect = this.canvas.getBoundingClientRect();
    const scale = SKETCH_SIDE / Math.max(1, rect.width);
    return { x: (event.clientX - rect.left) * scale, y: (event.clientY - rect.top) * scale };
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 || this.activePointer !== null) return;
    event.preventDefault();
    // event.timeStamp is on performance.now()'s clock, as startFresh's pause is.
    if (!this.pad.begin(this.point(event), event.timeStamp)) return;
    this.activePointer = event.pointerId;
    this.canvas.setPointerCapture(event.pointerId);
    this.changed();
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerId !== this.activePointer) return;
    // Coalesced events keep fast strokes smooth when the browser batches moves into one frame.
    const events = event.getCoalescedEvents?.() ?? [];
    for (const e of events.length > 0 ? events : [event]) this.pad.extend(this.point(e));
    this.changed();
  }

  private onPointerUp(event: PointerEvent): void {
    if (event.pointerId !== this.activePointer) return;
    this.activePointer = null;
    this.pad.end();
    this.changed();
  }

  private changed(): void {
    this.requestUpdate();
    this.scheduleDraw();
    this.dispatchEvent(new Event('sketch-change'));
  }

  private resizeBacking(): void {
    const ratio = window.devicePixelRatio || 1;
    const { width, height } = this.canvas.getBoundingClientRect();
    this.canvas.width = Math.max(1, Math.round(width * ratio));
    this.canvas.height = Math.max(1, Math.round(height * ratio));
    this.scheduleDraw();
  }

  private scheduleDraw(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.draw();
    });
  }

  private draw(): void {
    const ctx = this.canvas?.getContext('2d');
    if (!ctx) return;
    // Backing pixels per sketch unit: covers the CSS size and devicePixelRatio at once.
    const scale = this.canvas.width / SKETCH_SIDE;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.fillStyle = '#1d2233';
    const strokes = this.pad.strokes;
    strokes.forEach((stroke, i) => {
      if (this.pad.isDrawing && i === strokes.length - 1) {
        ctx.fill(new Path2D(strokeOutlinePath(stroke, undefined, false)));
        return;
      }
      let path = this.finishedPaths.get(stroke);
      if (!path) {
        path = new Path2D(strokeOutlinePath(stroke));
        this.finishedPaths.set(stroke, path);
      }
      ctx.fill(path);
    });
  }
}


declare global {
  interface HTMLElementTagNameMap {
    'doodle-sketch-canvas': SketchCanvas;
  }
}
