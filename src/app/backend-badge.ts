/** Header badge: which backend and dtype are in use and why, plus the picker (device, dtype, hub host). */
import { dtypeName } from '../ui/dtype-name';
import { modelName } from '../ui/model-name';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { latestBackend, onBackendChange, type BackendStatus } from '../runtime/backend-status';
import { probeCapabilities, type Facts } from '../runtime/capabilities';
import { DTYPES, findModel } from '../runtime/catalog';
import type { Dtype } from '../runtime/protocol';
import { recommend, type ModelTraits } from '../runtime/recommend';
import { getSettings, updateSettings, type DevicePreference, type DtypePreference, type Settings } from '../runtime/settings';
import { hubBlockedByPolicy } from '../runtime/csp-connect';
import { settingsContext } from '../ui/settings-context';
import { controlStyles } from '../ui/shared-styles';
import { explanationText } from './explanation-text';

/** Before any model loads, the badge previews the choice for a model that has every dtype. */
const ANY_MODEL: ModelTraits = { dtypes: Object.fromEntries(DTYPES.map((d) => [d, { files: [] }])), defaultDtype: 'fp32' };

const DEVICE_LABEL: Record<string, string> = { webgpu: 'WebGPU', wasm: 'WASM' };

/** The dtypes offered in the picker (q4 is for models the catalog does not have yet). */
const PICKER_DTYPES: Dtype[] = ['fp32', 'int8', 'fp16'];

@customElement('mlwb-backend-badge')
@localized()
export class BackendBadge extends LitElement {
  @state() facts: Facts | undefined;
  /** From the shell (settingsContext); the stored settings when used outside it. */
  @consume({ context: settingsContext, subscribe: true })
  @state()
  settings: Settings = getSettings();
  @state() status: BackendStatus | undefined = latestBackend();
  @state() open = false;
  @state() hostError = '';
  /** The choice changed after the last load: show what the next load will use. */
  @state() changedSinceLoad = false;
  private offBackend: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.offBackend = onBackendChange((s) => {
      this.status = s;
      this.changedSinceLoad = false;
    });
    void probeCapabilities().then((facts) => (this.facts = facts));
  }

  override disconnectedCallback(): void {
    this.offBackend?.();
    super.disconnectedCallback();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // The context hands over a copy at connection; only a different device or dtype is a change of choice.
    const before = changed.get('settings');
    if (before && (before.device !== this.settings.device || before.dtype !== this.settings.dtype)) this.changedSinceLoad = true;
  }

  private summary(): { label: string; reason: string; warning: boolean } | undefined {
    if (this.status && !this.changedSinceLoad) {
      const { device, dtype, explanation, fellBackFrom, modelId } = this.status;
      return { label: `${DEVICE_LABEL[device]} · ${dtypeName(dtype)}`, reason: `${modelName(modelId)}: ${explanationText(explanation)}`, warning: Boolean(fellBackFrom) };
    }
    if (!this.facts) return undefined;
    const choice = recommend(ANY_MODEL, this.facts, this.settings);
    const dtype = this.settings.dtype === 'auto' ? msg('auto dtype', { id: 'app.badge.auto-dtype' }) : dtypeName(choice.dtype);
    const backend = `${DEVICE_LABEL[choice.device]} · ${dtype}`;
    const label = this.status ? msg(str`Next load: ${backend}`, { id: 'app.badge.next-load' }) : backend;
    return { label, reason: explanationText(choice.explanation), warning: false };
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
        <span class="label" data-testid="backend-label">${summary?.label ?? msg('Checking hardware…', { id: 'app.badge.checking' })}</span>
        <span class="reason" data-testid="backend-reason">${summary?.reason ?? ''}</span>
      </button>
      ${this.open ? this.renderPicker() : nothing}
    `;
  }

  private renderPicker() {
    const s = this.settings;
    const auto = msg('Auto', { id: 'app.badge.auto' });
    return html`<div id="picker" class="picker" role="group" aria-label=${msg('Backend settings', { id: 'app.badge.settings' })}>
      <label
        >${msg('Device', { id: 'app.badge.device' })}
        <select data-testid="device-select" @change=${(e: Event) => updateSettings({ device: (e.target as HTMLSelectElement).value as DevicePreference })}>
          ${(['auto', 'webgpu', 'wasm'] as const).map(
            (d) => html`<option value=${d} ?selected=${s.device === d}>${d === 'auto' ? auto : DEVICE_LABEL[d]}</option>`,
          )}
        </select>
      </label>
      <label
        >${msg('Dtype', { id: 'app.badge.dtype' })}
        <select data-testid="dtype-select" @change=${(e: Event) => updateSettings({ dtype: (e.target as HTMLSelectElement).value as DtypePreference })}>
          <option value="auto" ?selected=${s.dtype === 'auto'}>${auto}</option>
          ${PICKER_DTYPES.map((d) => html`<option value=${d} ?selected=${s.dtype === d}>${dtypeName(d)}${this.missingIn(d)}</option>`)}
        </select>
      </label>
      <p class="hint muted">
        ${msg("Applies to every model load. A dtype a model lacks falls back to that model's default.", { id: 'app.badge.hint' })}
      </p>
      <form @submit=${this.saveHost}>
        <label
          >${msg('Model hub', { id: 'app.badge.hub' })}
          <input name="host" type="url" required .value=${s.hubHost} aria-describedby="host-error" data-testid="hub-host" />
        </label>
        <button type="submit">${msg('Save', { id: 'app.badge.save' })}</button>
        <span id="host-error" class="error" role="status">${this.hostError}</span>
      </form>
    </div>`;
  }

  /** " — not in <model>" when the model loaded last lacks this dtype (its title has parentheses of its own). */
  private missingIn(dtype: Dtype): string {
    const model = this.status && findModel(this.status.modelId);
    return model && !model.dtypes[dtype] ? msg(str` — not in ${modelName(model.id)}`, { id: 'app.badge.not-in' }) : '';
  }

  private saveHost(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('host') as HTMLInputElement;
    const value = input.value.trim();
    try {
      updateSettings({ hubHost: value });
    } catch {
      // updateSettings refuses only an address that is not http(s).
      this.hostError = msg(str`"${value}" is not an http(s) address, e.g. https://huggingface.co`, { id: 'app.badge.bad-host' });
      return;
    }
    const host = getSettings().hubHost;
    const origin = URL.canParse(host) ? new URL(host).origin : host;
    this.hostError = hubBlockedByPolicy(host)
      ? msg(str`Saved, but this build's Content-Security-Policy does not allow connections to ${origin}; build the app with MLWB_HUB_HOSTS="${origin}" to use it.`, {
          id: 'app.badge.csp-blocked',
        })
      : '';
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

declare global {
  interface HTMLElementTagNameMap {
    'mlwb-backend-badge': BackendBadge;
  }
}
