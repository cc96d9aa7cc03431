/** Header badge: which backend and dtype are in use and why, plus the picker (device, dtype, hub host). */
import { LitElement, css, html, nothing } from 'lit';
import { latestBackend, onBackendChange, type BackendStatus } from '../runtime/backend-status';
import { probeCapabilities, type Facts } from '../runtime/capabilities';
import { DTYPES, findModel } from '../runtime/catalog';
import type { Dtype } from '../runtime/protocol';
import { recommend, type ModelTraits } from '../runtime/recommend';
import { getSettings, onSettingsChange, updateSettings, type DevicePreference, type DtypePreference, type Settings } from '../runtime/settings';
import { hubBlockedByPolicy } from '../runtime/csp-connect';
import { controlStyles } from '../ui/shared-styles';

/** Before any model loads, the badge previews the choice for a model that has every dtype. */
const ANY_MODEL: ModelTraits = { dtypes: Object.fromEntries(DTYPES.map((d) => [d, { files: [] }])), defaultDtype: 'fp32' };

const DEVICE_LABEL: Record<string, string> = { webgpu: 'WebGPU', wasm: 'WASM' };

/** The dtypes offered in the picker (q4 is for models the catalog does not have yet). */
const PICKER_DTYPES: Dtype[] = ['fp32', 'int8', 'fp16'];

export class BackendBadge extends LitElement {
  static override properties = {
    facts: { state: true },
    settings: { state: true },
    status: { state: true },
    open: { state: true },
    hostError: { state: true },
    changedSinceLoad: { state: true },
  };
  declare facts: Facts | undefined;
  declare settings: Settings;
  declare status: BackendStatus | undefined;
  declare open: boolean;
  declare hostError: string;
  /** The choice changed after the last load: show what the next load will use. */
  declare changedSinceLoad: boolean;
  private unsubscribe: (() => void)[] = [];

  constructor() {
    super();
    this.settings = getSettings();
    this.status = latestBackend();
    this.open = false;
    this.hostError = '';
    this.changedSinceLoad = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = [
      onSettingsChange((s) => {
        this.settings = s;
        this.changedSinceLoad = true;
      }),
      onBackendChange((s) => {
        this.status = s;
        this.changedSinceLoad = false;
      }),
    ];
    void probeCapabilities().then((facts) => (this.facts = facts));
  }

  override disconnectedCallback(): void {
    for (const off of this.unsubscribe) off();
    super.disconnectedCallback();
  }

  private summary(): { label: string; reason: string; warning: boolean } | undefined {
    if (this.status && !this.changedSinceLoad) {
      const { device, dtype, reason, fellBackFrom, modelId } = this.status;
      return { label: `${DEVICE_LABEL[device]} · ${dtype}`, reason: `${modelId}: ${reason}`, warning: Boolean(fellBackFrom) };
    }
    if (!this.facts) return undefined;
    const choice = recommend(ANY_MODEL, this.facts, this.settings);
    const dtype = this.settings.dtype === 'auto' ? 'auto dtype' : choice.dtype;
    const next = this.status ? 'Next load: ' : '';
    return { label: `${next}${DEVICE_LABEL[choice.device]} · ${dtype}`, reason: choice.reason, warning: false };
  }

  override render() {
    const summary = this.summary();
    return html`
      <button
        class="badge ${summary?.warning ? 'warning' : ''}"
        data-testid="backend-badge"
        aria-expanded=${this.open}
        aria-controls="picker"
        @click=${() => (this.open = !this.open)}
      >
        <span class="label" data-testid="backend-label">${summary?.label ?? 'Checking hardware…'}</span>
        <span class="reason" data-testid="backend-reason">${summary?.reason ?? ''}</span>
      </button>
      ${this.open ? this.renderPicker() : nothing}
    `;
  }

  private renderPicker() {
    const s = this.settings;
    return html`<div id="picker" class="picker" role="group" aria-label="Backend settings">
      <label
        >Device
        <select data-testid="device-select" @change=${(e: Event) => updateSettings({ device: (e.target as HTMLSelectElement).value as DevicePreference })}>
          ${(['auto', 'webgpu', 'wasm'] as const).map(
            (d) => html`<option value=${d} ?selected=${s.device === d}>${d === 'auto' ? 'Auto' : DEVICE_LABEL[d]}</option>`,
          )}
        </select>
      </label>
      <label
        >Dtype
        <select data-testid="dtype-select" @change=${(e: Event) => updateSettings({ dtype: (e.target as HTMLSelectElement).value as DtypePreference })}>
          <option value="auto" ?selected=${s.dtype === 'auto'}>Auto</option>
          ${PICKER_DTYPES.map((d) => html`<option value=${d} ?selected=${s.dtype === d}>${d}${this.missingIn(d)}</option>`)}
        </select>
      </label>
      <p class="hint muted">Applies to every model load. A dtype a model lacks falls back to that model's default.</p>
      <form @submit=${this.saveHost}>
        <label
          >Model hub
          <input name="host" type="url" required .value=${s.hubHost} aria-describedby="host-error" data-testid="hub-host" />
        </label>
        <button type="submit">Save</button>
        <span id="host-error" class="error" role="status">${this.hostError}</span>
      </form>
    </div>`;
  }

  /** " (not in <model>)" when the model loaded last lacks this dtype. */
  private missingIn(dtype: Dtype): string {
    const model = this.status && findModel(this.status.modelId);
    return model && !model.dtypes[dtype] ? ` (not in ${model.id})` : '';
  }

  private saveHost(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('host') as HTMLInputElement;
    try {
      updateSettings({ hubHost: input.value.trim() });
      const blocked = hubBlockedByPolicy(getSettings().hubHost);
      this.hostError = blocked ? `Saved, but ${blocked}.` : '';
    } catch (error) {
      this.hostError = error instanceof Error ? error.message : String(error);
    }
  }

  static override styles = [
    controlStyles,
    css`
      :host {
        position: relative;
        display: block;
      }
      .badge {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        text-align: left;
        gap: 0.05rem;
        max-width: 26rem;
        background: var(--surface-2);
        padding: 0.3rem 0.75rem;
      }
      .badge.warning {
        background: var(--warn-soft);
        border-color: var(--warn);
      }
      .label {
        font-weight: 600;
        font-size: 0.9rem;
      }
      .reason {
        font-size: 0.78rem;
        color: var(--text-muted);
      }
      .picker {
        position: absolute;
        right: 0;
        top: calc(100% + 0.4rem);
        width: min(24rem, 90vw);
        display: grid;
        gap: 0.6rem;
        padding: 0.9rem 1rem;
        background: var(--surface);
        border: 1px solid var(--border);
        border-radius: var(--radius);
        box-shadow: var(--shadow);
      }
      label {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem;
        font-size: 0.9rem;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      form label {
        flex: 1;
      }
      input {
        flex: 1;
        min-width: 0;
      }
      .hint {
        margin: 0;
        font-size: 0.8rem;
      }
      .error {
        color: var(--danger);
        font-size: 0.8rem;
        flex-basis: 100%;
      }
      .error:empty {
        display: none;
      }
    `,
  ];
}

customElements.define('mlwb-backend-badge', BackendBadge);
