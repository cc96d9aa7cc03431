/**
 * "Compare": what the comparison will run on, its button and live status, and what each column of the results
 * means. Event (bubbling): `run-comparison`.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { comparePanelStyles } from './compare-panel.styles';
import { labStyles } from './lab.styles';
import { WARM_UP_RUNS } from './lab-runner';

@localized()
@customElement('quantize-compare-panel')
export class ComparePanel extends LitElement {
  static override styles = [labStyles, comparePanelStyles];

  /** The comparison set in words: "128 synthetic shapes · 8 classes". */
  @property() samples = '';
  /** The backend the workers will use: "WASM (Auto)". */
  @property() device = '';
  @property({ type: Boolean }) busy = false;
  /** What the lab is doing now (shown while busy). */
  @property() status = '';

  override render() {
    const samples = this.samples;
    const device = this.device;
    return html`<h2>${msg('Compare', { id: 'quantize.compare.heading' })}</h2>
      <p>${msg(str`fp32 against each ticked variant, on ${samples}, on ${device}.`, { id: 'quantize.compare.what' })}</p>
      <p class="row">
        <button class="primary" data-testid="run-comparison" ?disabled=${this.busy}
          @click=${() => this.dispatchEvent(new CustomEvent('run-comparison', { bubbles: true, composed: true }))}>
          ${msg('Run comparison', { id: 'quantize.compare.button' })}
        </button>
        ${this.busy && this.status ? html`<span role="status" data-testid="lab-status">${this.status}</span>` : nothing}
      </p>
      <dl>
        <dt>${msg('Smaller', { id: 'quantize.column.smaller' })}</dt>
        <dd>${msg('fp32 file size ÷ variant file size.', { id: 'quantize.explain.smaller' })}</dd>
        <dt>${msg('First load', { id: 'quantize.column.firstLoad' })}</dt>
        <dd>${msg('In a fresh worker: starts the runtime, downloads unless cached, builds the session. Reload: the same again from the cache.', { id: 'quantize.explain.firstLoad' })}</dd>
        <dt>p50 / p95</dt>
        <dd>${msg(str`Median and 95th-percentile time of one run (one drawing, batch 1), measured from this page after ${WARM_UP_RUNS} untimed warm-up runs: half the runs are faster than p50, 1 in 20 slower than p95. Other work on the machine shows up here.`, { id: 'quantize.explain.latency' })}</dd>
        <dt>${msg('Agreement', { id: 'quantize.column.agreement' })}</dt>
        <dd>${msg("Share of drawings where the variant's top guess is fp32's top guess (1.000 = always).", { id: 'quantize.explain.agreement' })}</dd>
        <dt>KL</dt>
        <dd>${msg("How far the variant's probabilities drift from fp32's, averaged over drawings (nats; 0 = identical).", { id: 'quantize.explain.kl' })}</dd>
        <dt>${msg('Accuracy', { id: 'quantize.column.accuracy' })}</dt>
        <dd>${msg('Share of labelled drawings whose top guess is the label.', { id: 'quantize.explain.accuracy' })}</dd>
      </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quantize-compare-panel': ComparePanel;
  }
}
