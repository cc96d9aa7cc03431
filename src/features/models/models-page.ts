/** #/models — the model cache: what is stored, how much room it takes, download ahead, delete, verify. */
import { LitElement, css, html, nothing } from 'lit';
import { CACHE_DBS, clearCache, deleteCachedModel, listCachedFiles, verifyCachedModel } from '../../runtime/cache';
import { onStoreChange } from '../../runtime/idb-store';
import { catalog, dtypeBytes, expectedHashes, findModel } from '../../runtime/catalog';
import { parseHubId } from '../../runtime/hub-id';
import { notify } from '../../runtime/notices';
import type { Dtype, FileProgress } from '../../runtime/protocol';
import { InferenceClient } from '../../runtime/worker-client';
import { formatBytes } from '../../util/format-bytes';
import { formatDate } from '../../ui/format';
import { controlStyles } from '../../ui/shared-styles';
import '../../ui/progress-list';
import { buildModelRows, zeroInputs, type ModelRow } from './model-rows';
import { withFileProgress } from '../../ui/file-progress';

interface Activity {
  modelId: string;
  dtype: Dtype | undefined;
  files: FileProgress[];
  /** Outcome in words once finished. */
  result?: string;
  failed?: boolean;
}

interface StorageFacts {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}


export class ModelsPage extends LitElement {
  static override properties = {
    subroute: {},
    rows: { state: true },
    storage: { state: true },
    activity: { state: true },
    busy: { state: true },
    verifyReport: { state: true },
    hubError: { state: true },
  };
  declare subroute: string;
  declare rows: ModelRow[];
  declare storage: StorageFacts;
  declare activity: Activity | undefined;
  declare busy: boolean;
  declare verifyReport: { modelId: string; lines: string[] } | undefined;
  declare hubError: string;
  private readonly client = new InferenceClient('models page');
  private stopListening?: () => void;

  constructor() {
    super();
    this.subroute = '';
    this.rows = buildModelRows(catalog, []);
    this.storage = {};
    this.busy = false;
    this.hubError = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Another tab (or a worker) downloaded or deleted something: the list follows without an action here.
    this.stopListening = onStoreChange(CACHE_DBS, () => void this.refresh());
    void this.refresh();
  }

  override disconnectedCallback(): void {
    this.stopListening?.();
    this.client.terminate();
    super.disconnectedCallback();
  }

  private async refresh(): Promise<void> {
    this.rows = buildModelRows(catalog, await listCachedFiles());
    const storage = navigator.storage;
    if (storage?.estimate) {
      const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted?.()]);
      this.storage = { usage: estimate.usage, quota: estimate.quota, persisted };
    }
  }

  private async download(modelId: string, dtype: Dtype | undefined): Promise<void> {
    this.busy = true;
    this.verifyReport = undefined;
    const activity: Activity = { modelId, dtype, files: [] };
    this.activity = activity;
    // A crashed worker's last progress messages may arrive after the load failed: they must not undo its outcome.
    let settled = false;
    const onProgress = (p: FileProgress) => {
      if (settled) return;
      activity.files = withFileProgress(activity.files, p);
      this.activity = { ...activity };
    };
    try {
      const info = await this.client.load({ modelId, dtype, onProgress });
      const where = `${info.device === 'webgpu' ? 'WebGPU' : 'WASM'} (${info.dtype})`;
      let result = `Ready on ${where}, loaded in ${Math.round(info.loadMs)} ms.`;
      const task = findModel(modelId)?.task;
      const inputs = task === 'summarization' ? undefined : zeroInputs(info.inputs);
      if (inputs) {
        const started = performance.now();
        const outputs = await this.client.run(inputs);
        const [name, first] = Object.entries(outputs)[0] ?? [];
        result += ` Test run on ${where}: ${name} [${first?.dims.join(', ')}] in ${Math.round(performance.now() - started)} ms.`;
      }
      await this.client.dispose();
      this.activity = { ...activity, result };
    } catch (error) {
      this.activity = { ...activity, result: error instanceof Error ? error.message : String(error), failed: true };
    } finally {
      settled = true;
      this.busy = false;
      await this.refresh();
    }
  }

  private async deleteModel(modelId: string): Promise<void> {
    const count = await deleteCachedModel(modelId);
    notify(`Deleted ${count} cached file${count === 1 ? '' : 's'} of ${modelId}.`);
    if (this.activity?.modelId === modelId) this.activity = undefined;
    await this.refresh();
  }

  private async clearAll(): Promise<void> {
    if (!confirm('Delete every cached model file? Models will download again when next used.')) return;
    await clearCache();
    this.activity = undefined;
    notify('All cached model files deleted.');
    await this.refresh();
  }

  private async verify(modelId: string): Promise<void> {
    this.busy = true;
    try {
      const results = await verifyCachedModel(modelId, expectedHashes(findModel(modelId)));
      const bad = results.filter((r) => !r.ok);
      const lines = results.map((r) => `${r.path}: ${r.ok ? 'ok' : r.problem}`);
      this.verifyReport = { modelId, lines: [bad.length ? `${bad.length} damaged file(s) removed; they download again on next load.` : 'All files match their checksums.', ...lines] };
    } finally {
      this.busy = false;
      await this.refresh();
    }
  }

  private async persist(): Promise<void> {
    const granted = await navigator.storage.persist();
    notify(granted ? 'Storage is now persistent: the browser will not evict cached models on its own.' : 'The browser declined persistent storage (it may grant it after more use, or if the site is bookmarked).');
    await this.refresh();
  }

  private loadHubModel(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const parsed = parseHubId((form.elements.namedItem('model-id') as HTMLInputElement).value);
    if (!parsed.ok) {
      this.hubError = parsed.message;
      return;
    }
    this.hubError = '';
    const dtype = (form.elements.namedItem('dtype') as HTMLSelectElement).value;
    void this.download(parsed.id, dtype === 'auto' ? undefined : (dtype as Dtype));
  }

  override render() {
    const ours = this.rows.reduce((sum, r) => sum + r.cachedBytes, 0);
    const { usage, quota, persisted } = this.storage;
    return html`
      <h1>Models</h1>
      <p class="lead muted">Model files download once and stay in this browser (IndexedDB), so later visits start without network.</p>

      <section class="card storage" aria-label="Storage">
        <div>
          <strong data-testid="cache-total">${formatBytes(ours)}</strong> in cached model files
          ${quota ? html`<span class="muted"> · browser storage: ${formatBytes(usage ?? 0)} used of ${formatBytes(quota)} available</span>` : nothing}
          ${quota ? html`<meter min="0" max=${quota} .value=${usage ?? 0} aria-label="Storage used"></meter>` : nothing}
        </div>
        <div class="actions">
          <span class="muted">${persisted ? 'Persistent storage: granted' : 'Persistent storage: not granted'}</span>
          ${persisted ? nothing : html`<button @click=${this.persist}>Request persistent storage</button>`}
          <button class="danger" ?disabled=${this.busy || ours === 0} @click=${this.clearAll}>Clear all</button>
        </div>
      </section>

      ${this.rows.map((row) => this.renderRow(row))}

      <section class="card" aria-label="Other hub model">
        <h2>Another hub model</h2>
        <form class="hub" @submit=${this.loadHubModel}>
          <label>Model id <input name="model-id" placeholder="organisation/name" required data-testid="hub-model-id" /></label>
          <label
            >Dtype
            <select name="dtype">
              <option value="auto">Auto</option>
              <option value="fp32">fp32</option>
              <option value="int8">int8</option>
              <option value="fp16">fp16</option>
            </select>
          </label>
          <button class="primary" type="submit" ?disabled=${this.busy}>Download</button>
        </form>
        ${this.hubError ? html`<p class="error" role="alert">${this.hubError}</p>` : nothing}
        ${this.activity && !this.rows.some((r) => r.modelId === this.activity!.modelId) ? this.renderActivity() : nothing}
      </section>
    `;
  }

  private renderRow(row: ModelRow) {
    const model = row.model;
    const dtypes = model ? (Object.keys(model.dtypes) as Dtype[]) : [];
    return html`<section class="card model" data-testid="model-row" data-model=${row.modelId} aria-label=${row.title}>
      <div class="head">
        <div>
          <h2>${row.title}</h2>
          <p class="muted meta">
            <code>${row.modelId}</code>
            ${model ? html` · ${model.source === 'bundled' ? 'bundled with the app' : 'from the model hub'} · ${model.task}` : html` · not in the catalog`}
            ${model?.license ? html` · ${model.license}` : nothing}
          </p>
          ${model?.notes ? html`<p class="muted meta">${model.notes}</p>` : nothing}
        </div>
        <div class="actions">
          ${model
            ? html`<label class="visually-hidden" for="dtype-${row.modelId}">Dtype for ${row.modelId}</label>
                <select id="dtype-${row.modelId}" data-testid="load-dtype">
                  ${dtypes.map((d) => {
                    const bytes = dtypeBytes(model, d);
                    const cached = row.completeDtypes.includes(d) ? ' · cached' : '';
                    return html`<option value=${d} ?selected=${d === model.defaultDtype}>${d}${bytes ? ` · ${formatBytes(bytes)}` : ''}${cached}</option>`;
                  })}
                </select>`
            : nothing}
          <button class="primary" data-testid="load-model" ?disabled=${this.busy} @click=${() => this.download(row.modelId, this.chosenDtype(row))}>
            ${row.cachedBytes ? 'Load' : 'Download'}
          </button>
          ${row.cachedBytes
            ? html`<button data-testid="verify-model" ?disabled=${this.busy} @click=${() => this.verify(row.modelId)}>Verify</button>
                <button class="danger" data-testid="delete-model" ?disabled=${this.busy} @click=${() => this.deleteModel(row.modelId)}>Delete</button>`
            : nothing}
        </div>
      </div>
      ${row.groups.length
        ? html`<table>
            <caption class="visually-hidden">Cached files of ${row.modelId}</caption>
            <thead><tr><th scope="col">File</th><th scope="col">Size</th><th scope="col">Stored</th><th scope="col">Last used</th></tr></thead>
            ${row.groups.map(
              (g) => html`<tbody data-testid="file-group" data-dtype=${g.dtype}>
                <tr class="group"><th colspan="4" scope="rowgroup">${g.dtype === 'shared' ? 'shared files' : g.dtype} · ${formatBytes(g.bytes)}</th></tr>
                ${g.files.map(
                  (f) => html`<tr data-testid="cached-file">
                    <td><code>${f.path}</code></td>
                    <td class="num">${formatBytes(f.bytes)}</td>
                    <td>${formatDate(f.stored)}</td>
                    <td>${formatDate(f.lastUsed)}</td>
                  </tr>`,
                )}
              </tbody>`,
            )}
          </table>`
        : html`<p class="muted empty">Not downloaded yet.</p>`}
      ${this.activity?.modelId === row.modelId ? this.renderActivity() : nothing}
      ${this.verifyReport?.modelId === row.modelId
        ? html`<ul class="report" data-testid="verify-report">${this.verifyReport.lines.map((l) => html`<li>${l}</li>`)}</ul>`
        : nothing}
    </section>`;
  }

  private chosenDtype(row: ModelRow): Dtype | undefined {
    const select = this.renderRoot.querySelector<HTMLSelectElement>(`select[id="dtype-${CSS.escape(row.modelId)}"]`);
    return (select?.value as Dtype | undefined) ?? undefined;
  }

  private renderActivity() {
    const a = this.activity!;
    return html`<div class="activity">
      <mlwb-progress-list .files=${a.files}></mlwb-progress-list>
      ${a.result
        ? html`<p class="${a.failed ? 'error' : 'ok'}" data-testid="load-result" role=${a.failed ? 'alert' : 'status'}>${a.result}</p>
            ${a.failed
              ? html`<button data-testid="retry-load" ?disabled=${this.busy} @click=${() => this.download(a.modelId, a.dtype)}>Retry</button>`
              : nothing}`
        : html`<p class="muted" role="status">Loading…</p>`}
    </div>`;
  }

  static override styles = [
    controlStyles,
    css`
      h1 {
        margin: 0 0 0.25rem;
        font-size: 1.6rem;
      }
      h2 {
        margin: 0;
        font-size: 1.1rem;
      }
      .lead {
        margin: 0 0 1.25rem;
      }
      .storage {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0.75rem;
        align-items: center;
      }
      meter {
        display: block;
        width: min(22rem, 100%);
        margin-top: 0.35rem;
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
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
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
      .empty {
        margin: 0.6rem 0 0;
        font-size: 0.9rem;
      }
      .activity {
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
      .report {
        margin: 0.75rem 0 0;
        font-size: 0.85rem;
      }
      form.hub {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
        margin-top: 0.6rem;
      }
      form.hub label {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      code {
        font-family: var(--mono);
        font-size: 0.85em;
      }
    `,
  ];
}

customElements.define('mlwb-models-page', ModelsPage);
