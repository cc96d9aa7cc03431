/** The state of one "Download"/"Load" on the Models page: per-file progress, then the outcome and a retry. */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Dtype, FileProgress } from '../../runtime/protocol';
import { controlStyles } from '../../ui/shared-styles';
import '../../ui/progress-list';

export interface Activity {
  modelId: string;
  dtype: Dtype | undefined;
  files: FileProgress[];
  /** Outcome in words once finished: worded when shown, so it follows a language switch. */
  result?: () => string;
  failed?: boolean;
}

/** Fires `retry` (bubbling, composed) when the user asks to try a failed load again. */
@customElement('models-load-activity')
@localized()
export class LoadActivity extends LitElement {
  @property({ attribute: false }) activity!: Activity;
  @property({ type: Boolean }) busy = false;

  override render() {
    const a = this.activity;
    return html`<mlwb-progress-list .files=${a.files}></mlwb-progress-list>
      ${a.result
        ? html`<p class="${a.failed ? 'error' : 'ok'}" data-testid="load-result" role=${a.failed ? 'alert' : 'status'}>${a.result()}</p>
            ${a.failed
              ? html`<button data-testid="retry-load" ?disabled=${this.busy} @click=${() => this.dispatchEvent(new Event('retry', { bubbles: true, composed: true }))}>
                  ${msg('Retry', { id: 'models.load.retry' })}
                </button>`
              : nothing}`
        : html`<p class="muted" role="status">${msg('Loading…', { id: 'models.load.loading' })}</p>`}`;
  }

  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        margin-top: 0.9rem;
        padding-top: 0.75rem;
        border-top: 1px dashed var(--border);
      }
      .ok {
        color: var(--ok);
      }
      .error {
        color: var(--danger);
      }
    `,
  ];
}
