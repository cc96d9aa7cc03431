/** "Another hub model": an organisation/name id and a dtype; fires `load-model` ({ modelId, dtype }) when valid. */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { parseHubId } from '../../runtime/hub-id';
import type { Dtype } from '../../runtime/protocol';
import { controlStyles } from '../../ui/shared-styles';
import { panelStyles } from './models.styles';

@customElement('models-hub-form')
@localized()
export class HubForm extends LitElement {
  @property({ type: Boolean }) busy = false;
  @state() private error = '';

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const parsed = parseHubId((form.elements.namedItem('model-id') as HTMLInputElement).value);
    if (!parsed.ok) {
      this.error = msg('Enter a hub model id like "Xenova/t5-small" (organisation/name).', { id: 'models.hub.bad-id' });
      return;
    }
    this.error = '';
    const dtype = (form.elements.namedItem('dtype') as HTMLSelectElement).value;
    const detail = { modelId: parsed.id, dtype: dtype === 'auto' ? undefined : (dtype as Dtype) };
    this.dispatchEvent(new CustomEvent('load-model', { detail, bubbles: true, composed: true }));
  }

  override render() {
    return html`<h2>${msg('Another hub model', { id: 'models.hub.heading' })}</h2>
      <form @submit=${this.submit}>
        <label>${msg('Model id', { id: 'models.hub.model-id' })} <input name="model-id" placeholder=${msg('organisation/name', { id: 'models.hub.placeholder' })} required data-testid="hub-model-id" /></label>
        <label
          >${msg('Dtype', { id: 'models.hub.dtype' })}
          <select name="dtype">
            <option value="auto">${msg('Auto', { id: 'models.hub.auto' })}</option>
            <option value="fp32">fp32</option>
            <option value="int8">int8</option>
            <option value="fp16">fp16</option>
          </select>
        </label>
        <button class="primary" type="submit" ?disabled=${this.busy}>${msg('Download', { id: 'models.hub.download' })}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}`;
  }

  static override styles = [
    controlStyles,
    panelStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
        margin-top: 0.6rem;
      }
      label {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      .error {
        color: var(--danger);
      }
    `,
  ];
}
