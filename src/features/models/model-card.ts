/**
 * One model on the Models page: where it comes from, whether it works offline, its cached files by dtype, and
 * Download/Load, Verify, Delete. Fires `load-model` ({ modelId, dtype }), `verify-model` and `delete-model`
 * ({ modelId }); the page does the work.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { dtypeBytes } from '../../runtime/catalog';
import type { LocalModelRecord } from '../../runtime/local-models';
import type { Dtype } from '../../runtime/protocol';
import { dtypeName } from '../../ui/dtype-name';
import { formatDate } from '../../ui/format';
import { modelNote, modelTitle } from '../../ui/model-title';
import { controlStyles } from '../../ui/shared-styles';
import { stackedTableStyles } from '../../ui/stacked-table.styles';
import { panelStyles } from './models.styles';
import { formatBytes } from '../../util/format-bytes';
import type { Activity } from './load-activity';
import './load-activity';
import type { ModelRow } from './model-rows';
import { sourceName, taskName } from './models-text';

@customElement('models-model-card')
@localized()
export class ModelCard extends LitElement {
  @property({ attribute: false }) row!: ModelRow;
  /** Set for a model opened from disk. */
  @property({ attribute: false }) record: LocalModelRecord | undefined;
  @property({ attribute: false }) activity: Activity | undefined;
  @property({ attribute: false }) verifyLines: string[] | undefined;
  @property({ type: Boolean }) busy = false;
  /** Another folder from disk has the same name: the heading adds when this one was opened. */
  @property({ type: Boolean }) namesake = false;

  private fire(name: string, dtype?: Dtype): void {
    this.dispatchEvent(new CustomEvent(name, { detail: { modelId: this.row.modelId, dtype }, bubbles: true, composed: true }));
  }

  private chosenDtype(): Dtype | undefined {
    return (this.renderRoot.querySelector<HTMLSelectElement>('select')?.value as Dtype | undefined) ?? undefined;
  }

  override render() {
    const { row, record } = this;
    const model = row.model;
    const dtypes = model ? (Object.keys(model.dtypes) as Dtype[]) : [];
    return html`<section class="card" data-testid="model-row" data-model=${row.modelId} aria-label=${row.title}>
      <div class="head">
        <div>
          <h2>
            ${modelTitle({ id: row.modelId, title: row.title })}${record && this.namesake
              ? html` <span class="muted opened" data-testid="opened-at">· ${formatDate(record.importedAt)} · <code>${row.modelId}</code></span>`
              : nothing}
          </h2>
          <p class="muted meta">
            <code>${row.modelId}</code>
            ${model ? html` · ${sourceName(model.source)} · ${taskName(model.task)}` : html` · ${msg('not in the catalog', { id: 'models.card.uncatalogued' })}`}
            ${model?.license ? html` · ${model.license}` : nothing}
          </p>
          ${record ? html`<p class="muted meta">${msg(str`Opened from the folder ${record.folder} on ${formatDate(record.importedAt)}`, { id: 'models.card.opened' })}</p>` : nothing}
          ${model?.notes ? html`<p class="muted meta">${modelNote(model)}</p>` : nothing} ${this.renderOffline()}
        </div>
        <div class="actions">
          ${model
            ? html`<label class="visually-hidden" for="dtype">${msg(str`Dtype for ${row.modelId}`, { id: 'models.card.dtype-label' })}</label>
                <select id="dtype" data-testid="load-dtype">
                  ${dtypes.map((d) => {
                    const bytes = dtypeBytes(model, d);
                    // All the files a load of this dtype needs (the lab shows the .onnx file alone).
                    const total = bytes ? formatBytes(bytes) : '';
                    const size = total ? ` · ${msg(str`${total} with shared files`, { id: 'models.card.dtype-size' })}` : '';
                    const cached = row.completeDtypes.includes(d) ? ` · ${msg('cached', { id: 'models.card.cached' })}` : '';
                    return html`<option value=${d} ?selected=${d === model.defaultDtype}>${dtypeName(d)}${size}${cached}</option>`;
                  })}
                </select>`
            : nothing}
          <button class="primary" data-testid="load-model" ?disabled=${this.busy} @click=${() => this.fire('load-model', this.chosenDtype())}>
            ${row.cachedBytes ? msg('Load', { id: 'models.card.load' }) : msg('Download', { id: 'models.card.download' })}
          </button>
          ${row.cachedBytes
            ? html`<button data-testid="verify-model" ?disabled=${this.busy} @click=${() => this.fire('verify-model')}>${msg('Verify', { id: 'models.card.verify' })}</button>`
            : nothing}
          ${row.cachedBytes || record
            ? html`<button class="danger" data-testid="delete-model" ?disabled=${this.busy} @click=${() => this.fire('delete-model')}>${msg('Delete', { id: 'models.card.delete' })}</button>`
            : nothing}
        </div>
      </div>
      ${row.groups.length ? this.renderFiles() : html`<p class="muted empty">${msg('Not downloaded yet.', { id: 'models.card.not-downloaded' })}</p>`}
      ${this.activity ? html`<models-load-activity .activity=${this.activity} ?busy=${this.busy}></models-load-activity>` : nothing}
      ${this.verifyLines ? html`<ul class="report" data-testid="verify-report">${this.verifyLines.map((l) => html`<li>${l}</li>`)}</ul>` : nothing}
    </section>`;
  }

  /** Which dtypes load with the network off, and why. */
  private renderOffline() {
    const { row } = this;
    const source = row.model?.source;
    if (!source) return nothing;
    const offline = row.offlineDtypes.join(', ');
    const text = row.offlineDtypes.length
      ? row.precachedDtypes.length
        ? msg(str`Available offline: ${offline} (kept by the offline app)`, { id: 'models.offline.precached' })
        : msg(str`Available offline: ${offline}`, { id: 'models.offline.yes' })
      : source === 'bundled'
        ? msg('Ships with the app; available offline once the offline app has stored it or it was loaded here.', { id: 'models.offline.bundled' })
        : source === 'local'
          ? msg('Its files are no longer stored in this browser: delete it and open the folder again.', { id: 'models.offline.local-missing' })
          : msg('Not available offline: download it first.', { id: 'models.offline.no' });
    return html`<p class="meta offline ${row.offlineDtypes.length ? 'yes' : ''}" data-testid="offline-status" data-offline=${row.offlineDtypes.length ? 'yes' : 'no'}>${text}</p>`;
  }

  private renderFiles() {
    const { row } = this;
    // On a phone each file is a block (its path, then size and dates named by data-label: stackedTableStyles).
    const size = msg('Size', { id: 'models.files.size' });
    const stored = msg('Stored', { id: 'models.files.stored' });
    const lastUsed = msg('Last used', { id: 'models.files.last-used' });
    return html`<table class="stacked">
      <caption class="visually-hidden">${msg(str`Cached files of ${row.modelId}`, { id: 'models.files.caption' })}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('File', { id: 'models.files.file' })}</th>
          <th scope="col">${size}</th>
          <th scope="col">${stored}</th>
          <th scope="col">${lastUsed}</th>
        </tr>
      </thead>
      ${row.groups.map(
        (g) => html`<tbody data-testid="file-group" data-dtype=${g.dtype}>
          <tr class="group">
            <th colspan="4" scope="rowgroup">${g.dtype === 'shared' ? msg('shared files', { id: 'models.files.shared' }) : g.dtype} · ${formatBytes(g.bytes)}</th>
          </tr>
          ${g.files.map(
            (f) => html`<tr data-testid="cached-file">
              <td><code>${f.path}</code></td>
              <td class="num" data-label=${size}>${formatBytes(f.bytes)}</td>
              <td data-label=${stored}>${formatDate(f.stored)}</td>
              <td data-label=${lastUsed}>${formatDate(f.lastUsed)}</td>
            </tr>`,
          )}
        </tbody>`,
      )}
    </table>`;
  }

  static override styles = [
    controlStyles,
    panelStyles,
    stackedTableStyles,
    css`
      h2 .opened {
        font-size: 0.8em;
        font-weight: normal;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0.75rem;
      }
      .meta {
        margin: 0.15rem 0 0;
        font-size: 0.85rem;
      }
      .offline.yes {
        color: var(--ok);
      }
      table {
        width: 100%;
        border-collapse: collapse;
        margin-top: 0.75rem;
        font-size: 0.85rem;
      }
      th,
      td {
        text-align: left;
        padding: 0.3rem 0.5rem;
        border-bottom: 1px solid var(--border);
      }
      thead th {
        color: var(--text-muted);
        font-weight: 600;
      }
      tr.group th {
        background: var(--surface-2);
        font-weight: 600;
      }
      .num {
        font-variant-numeric: tabular-nums;
      }
      @media (max-width: 640px) {
        /* The table stacks (stackedTableStyles); a dtype's heading row spans the card. */
        tr.group th {
          flex-basis: 100%;
          display: block;
        }
      }
      .empty {
        margin: 0.6rem 0 0;
        font-size: 0.9rem;
      }
      .report {
        margin: 0.75rem 0 0;
        font-size: 0.85rem;
      }
      code {
        font-family: var(--mono);
        font-size: 0.85em;
      }
    `,
  ];
}
