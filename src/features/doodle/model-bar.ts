// The model picker and its state: which sketch model plays (the lab's variants in their own group), whether it is
// loading (with per-file progress for a hub model), ready or failed (with Try again), and the field for another hub
// model.
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FileProgress } from '../../runtime/protocol';
import '../../ui/progress-list';
import type { SketchModelChoice } from './classifier';
import { controlStyles } from './controls.styles';

export interface ModelStatus {
  state: 'loading' | 'ready' | 'failed';
  text: string;
  /** A failed load that loading again may fix (offers "Try again"); not a file that is absent or damaged. */
  retry?: boolean;
}

/**
 * Events: `model-pick` (detail: the chosen key), `model-retry`, `hub-model` (detail: the typed model id, unchecked).
 * The host takes no box of its own: its parts wrap in the page's top bar.
 */
@customElement('dd-model-bar')
@localized()
export class ModelBar extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: contents;
      }
      .model-pick {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-weight: 600;
      }
      select,
      input {
        font: inherit;
        padding: 0.3rem 0.5rem;
        border-radius: 8px;
        border: 1px solid var(--border, #d5d9e0);
        background: var(--surface, white);
        color: inherit;
      }
      select {
        max-width: 100%;
      }
      .status {
        font-size: 0.9rem;
        color: var(--text-muted, #4f5663);
      }
      .status.failed,
      .problem {
        color: var(--warn);
      }
      .problem {
        flex-basis: 100%;
        margin: 0;
        font-size: 0.9rem;
      }
      .downloads {
        flex-basis: 100%;
      }
      .hub-model {
        display: flex;
        flex-basis: 100%;
        align-items: center;
        gap: 0.5rem;
        font-size: 0.9rem;
      }
      .hub-model input {
        min-width: 18rem;
      }
      @media (max-width: 600px) {
        .model-pick {
          flex-wrap: wrap;
          min-width: 0;
        }
      }
    `,
  ];

  @property({ attribute: false }) choices: readonly SketchModelChoice[] = [];
  @property() choiceKey = '';
  @property({ attribute: false }) status: ModelStatus = { state: 'loading', text: '' };
  /** Why the hub model is not in use; empty when it is (or was not asked for). */
  @property() hubProblem = '';
  /** Why the chosen lab variant is not in use; empty when it is (or was not asked for). */
  @property() variantProblem = '';
  /** Per-file progress of the latest load, shown for a hub model. */
  @property({ attribute: false }) files: readonly FileProgress[] = [];

  override render() {
    const hubChoice = this.choices.find((c) => c.kind === 'image');
    const hubChosen = hubChoice !== undefined && hubChoice.key === this.choiceKey;
    const option = (c: SketchModelChoice) => html`<option value=${c.key} ?selected=${c.key === this.choiceKey}>${c.title}</option>`;
    const lab = this.choices.filter((c) => c.variantId !== undefined);
    return html`<label class="model-pick">
        ${msg('Model', { id: 'doodle.model.label' })}
        <select data-testid="model-select" @change=${this.onPick}>
          ${this.choices.filter((c) => c.variantId === undefined).map(option)}
          ${lab.length > 0 ? html`<optgroup label=${msg('Made in the lab', { id: 'doodle.model.lab-group' })}>${lab.map(option)}</optgroup>` : nothing}
        </select>
      </label>
      <span class="status ${this.status.state}" data-testid="model-status" role="status">
        ${this.status.text}
        ${this.status.state === 'failed' && this.status.retry
          ? html`<button class="link" @click=${() => this.dispatchEvent(new Event('model-retry'))}>${msg('Try again', { id: 'doodle.model.retry' })}</button>`
          : nothing}
      </span>
      ${this.hubProblem ? html`<p class="problem" role="alert" data-testid="hub-problem">${this.hubProblem}</p>` : nothing}
      ${this.variantProblem ? html`<p class="problem" role="alert" data-testid="variant-problem">${this.variantProblem}</p>` : nothing}
      ${hubChoice && (hubChosen || this.hubProblem)
        ? html`<form class="hub-model" @submit=${this.onHubModelSubmit}>
            <label>
              ${msg('Hub model', { id: 'doodle.model.hub' })}
              <input name="hub-model" data-testid="hub-sketch-model" placeholder=${msg('organisation/name', { id: 'doodle.model.hub-placeholder' })} .value=${hubChoice.modelId} />
            </label>
            <button type="submit" data-testid="hub-sketch-load">${msg('Load', { id: 'doodle.model.hub-load' })}</button>
          </form>`
        : nothing}
      ${hubChosen && this.files.length > 0
        ? html`<mlwb-progress-list class="downloads" data-testid="model-files" .files=${this.files}></mlwb-progress-list>`
        : nothing}`;
  }

  private onPick(event: Event): void {
    const key = (event.target as HTMLSelectElement).value;
    this.dispatchEvent(new CustomEvent('model-pick', { detail: key }));
  }

  private onHubModelSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const field = (event.target as HTMLFormElement).elements.namedItem('hub-model') as HTMLInputElement;
    this.dispatchEvent(new CustomEvent('hub-model', { detail: field.value }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dd-model-bar': ModelBar;
  }
}
