// What a hub model is doing: its files downloading (or coming from the cache), then the summary as it streams in,
// with the map-reduce stage for a long document.
import { localized, msg } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FileProgress, SummarizeProgress } from '../../runtime/protocol';
import '../../ui/progress-list';
import { controlStyles } from '../../ui/shared-styles';
import { progressLabel } from './engines';
import { panelStyles } from './panel-styles';

@customElement('mlwb-summary-progress')
@localized()
export class SummaryProgress extends LitElement {
  @property({ attribute: false }) files: FileProgress[] = [];
  /** True once the model is loaded and writing; the streamed text and the stage show only then. */
  @property({ type: Boolean }) generating = false;
  /** The map-reduce stage of a long document; undefined for one that fits the model at once. */
  @property({ attribute: false }) stage: SummarizeProgress | undefined;
  @property({ attribute: false }) streamed = '';

  override render() {
    return html`<section aria-label=${msg('Progress', { id: 'summarize.progress' })}>
      ${this.files.length > 0 ? html`<mlwb-progress-list .files=${this.files}></mlwb-progress-list>` : nothing}
      ${this.generating
        ? html`${this.stage ? html`<p class="muted" data-testid="chunk-progress">${progressLabel(this.stage)}</p>` : nothing}
            <p class="summary streaming" aria-live="polite" data-testid="streamed">${this.streamed}</p>`
        : nothing}
    </section>`;
  }

  static override styles = [controlStyles, panelStyles];
}

declare global {
  interface HTMLElementTagNameMap {
    'mlwb-summary-progress': SummaryProgress;
  }
}
