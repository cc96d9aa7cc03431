/**
 * #/models — the model cache: what is stored and what works offline, how much room it takes, download ahead,
 * verify, delete, and models opened from a folder on disk. The parts are components beside this file; this page
 * holds the listing and does what they ask.
 */
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CACHE_DBS, clearCache, deleteCachedModel, listCachedFiles, verifyCachedModel } from '../../runtime/cache';
import { catalog, expectedHashes, findModel, onCatalogChange } from '../../runtime/catalog';
import { onStoreChange } from '../../runtime/idb-store';
import { clearLocalModels, deleteLocalModel, listLocalModels, loadLocalModels, LOCAL_MODELS_DB, type LocalModelRecord } from '../../runtime/local-models';
import { notify } from '../../runtime/notices';
import type { Dtype, FileProgress } from '../../runtime/protocol';
import { InferenceClient } from '../../runtime/worker-client';
import { withFileProgress } from '../../ui/file-progress';
import { formatDuration } from '../../ui/format';
import { errorText } from '../../ui/load-error-text';
import { controlStyles } from '../../ui/shared-styles';
import './folder-import';
import './hub-form';
import type { Activity } from './load-activity';
import './load-activity';
import './model-card';
import { buildModelRows, localNamesakes, zeroInputs, type ModelRow } from './model-rows';
import { precachedModelFiles } from './precache';
import './storage-summary';
import type { StorageFacts } from './storage-summary';

interface Listing {
  rows: ModelRow[];
  records: Map<string, LocalModelRecord>;
  storage: StorageFacts;
}

type ModelEvent = CustomEvent<{ modelId: string; dtype?: Dtype }>;

async function readStorage(): Promise<StorageFacts> {
  const storage = navigator.storage;
  if (!storage?.estimate) return {};
  const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted?.()]);
  return { usage: estimate.usage, quota: estimate.quota, persisted };
}

@customElement('mlwb-models-page')
@localized()
export class ModelsPage extends LitElement {
  @property() subroute = '';
  @state() private activity: Activity | undefined;
  @state() private busy = false;
  @state() private verifyReport: { modelId: string; lines: string[] } | undefined;
  /** Bumped when anything listed may have changed (this tab, another tab, a worker): the listing reruns. */
  @state() private revision = 0;
  private readonly client = new InferenceClient('models page');
  private stopListening: (() => void)[] = [];

  private readonly listing = new Task(this, {
    task: async (): Promise<Listing> => {
      const [files, records, precached, storage] = await Promise.all([listCachedFiles(), listLocalModels(), precachedModelFiles(catalog.models), readStorage()]);
      return { rows: buildModelRows(catalog, files, precached), records: new Map(records.map((r) => [r.model.id, r])), storage };
    },
    args: () => [this.revision],
  });

  override connectedCallback(): void {
    super.connectedCallback();
    const changed = () => this.revision++;
    // Another tab (or a worker) downloaded, opened or deleted something: the list follows without an action here.
    this.stopListening = [onStoreChange([...CACHE_DBS, LOCAL_MODELS_DB.db], changed), onCatalogChange(changed)];
    void loadLocalModels();
  }

  override disconnectedCallback(): void {
    for (const stop of this.stopListening) stop();
    this.client.terminate();
    super.disconnectedCallback();
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
      const ready = () => {
        const loadTime = formatDuration(info.loadMs);
        return msg(str`Ready on ${where}, loaded in ${loadTime}.`, { id: 'models.load.ready' });
      };
      let result = ready;
      const inputs = findModel(modelId)?.task === 'summarization' ? undefined : zeroInputs(info.inputs);
      if (inputs) {
        const started = performance.now();
        const outputs = await this.client.run(inputs);
        const [name, first] = Object.entries(outputs)[0] ?? [];
        const output = `${name} [${first?.dims.join(', ')}]`;
        const runMs = performance.now() - started;
        result = () => {
          const runTime = formatDuration(runMs);
          return `${ready()} ${msg(str`Test run on ${where}: ${output} in ${runTime}.`, { id: 'models.load.test-run' })}`;
        };
      }
      await this.client.dispose();
      this.activity = { ...activity, result };
    } catch (error) {
      this.activity = { ...activity, result: () => errorText(error), failed: true };
    } finally {
      settled = true;
      this.busy = false;
      this.revision++;
    }
  }

  private async deleteModel(modelId: string): Promise<void> {
    const model = findModel(modelId);
    // Asked first, as the lab asks before deleting a variant: a model opened from disk is gone until opened again.
    const question =
      model?.source === 'local'
        ? msg(str`Delete ${model.title} (${modelId}) from this browser? The folder on your disk stays; open it again to use the model.`, { id: 'models.delete.confirm-local' })
        : msg(str`Delete the stored files of ${modelId}? They download again when the model is next used.`, { id: 'models.delete.confirm' });
    if (!confirm(question)) return;
    if (model?.source === 'local') {
      await deleteLocalModel(modelId);
      const title = model.title;
      notify(msg(str`Deleted ${title}; open its folder again to use it.`, { id: 'models.notice.deleted-local' }));
    } else {
      const count = await deleteCachedModel(modelId);
      notify(msg(str`Deleted ${count} cached file(s) of ${modelId}.`, { id: 'models.notice.deleted' }));
    }
    if (this.activity?.modelId === modelId) this.activity = undefined;
    this.revision++;
  }

  private async clearAll(): Promise<void> {
    if (!confirm(msg('Delete every cached model file, models opened from disk included? Hub models download again when next used.', { id: 'models.clear.confirm' }))) return;
    await clearCache();
    await clearLocalModels();
    this.activity = undefined;
    notify(msg('All cached model files deleted.', { id: 'models.notice.cleared' }));
    this.revision++;
  }

  private async verify(modelId: string): Promise<void> {
    this.busy = true;
    try {
      const results = await verifyCachedModel(modelId, expectedHashes(findModel(modelId)));
      const bad = results.filter((r) => !r.ok).length;
      const local = findModel(modelId)?.source === 'local';
      const summary = bad
        ? local
          ? msg(str`${bad} damaged file(s) removed; open the model folder again to restore them.`, { id: 'models.verify.damaged-local' })
          : msg(str`${bad} damaged file(s) removed; they download again on next load.`, { id: 'models.verify.damaged' })
        : msg('All files match their checksums.', { id: 'models.verify.ok' });
      const lines = results.map((r) => {
        const state = r.ok
          ? msg('ok', { id: 'models.verify.file-ok' })
          : r.problem?.startsWith('missing')
            ? msg('missing data (removed)', { id: 'models.verify.missing' })
            : msg('checksum mismatch (removed)', { id: 'models.verify.mismatch' });
        return `${r.path}: ${state}`;
      });
      this.verifyReport = { modelId, lines: [summary, ...lines] };
    } finally {
      this.busy = false;
      this.revision++;
    }
  }

  private async persist(): Promise<void> {
    const granted = await navigator.storage.persist();
    notify(
      granted
        ? msg('Storage is now persistent: the browser will not evict cached models on its own.', { id: 'models.notice.persisted' })
        : msg('The browser declined persistent storage (it may grant it after more use, or if the site is bookmarked).', { id: 'models.notice.not-persisted' }),
    );
    this.revision++;
  }

  override render() {
    const listing = this.listing.value ?? { rows: buildModelRows(catalog, []), records: new Map(), storage: {} };
    const { rows, records, storage } = listing;
    const activity = this.activity;
    return html`
      <h1>${msg('Models', { id: 'models.title' })}</h1>
      <p class="lead muted">
        ${msg('Model files download once and stay in this browser (IndexedDB), so later visits start without network.', { id: 'models.lead' })}
      </p>
      ${this.listing.error ? html`<p class="error" role="alert">${String(this.listing.error)}</p>` : nothing}
      <models-storage-summary
        .cachedBytes=${rows.reduce((sum, r) => sum + r.cachedBytes, 0)}
        .storage=${storage}
        ?busy=${this.busy}
        @persist=${this.persist}
        @clear-all=${this.clearAll}
      ></models-storage-summary>
      <div
        @load-model=${(e: ModelEvent) => void this.download(e.detail.modelId, e.detail.dtype)}
        @verify-model=${(e: ModelEvent) => void this.verify(e.detail.modelId)}
        @delete-model=${(e: ModelEvent) => void this.deleteModel(e.detail.modelId)}
        @retry=${() => activity && void this.download(activity.modelId, activity.dtype)}
      >
        ${rows.map(
          (row) =>
            html`<models-model-card
              .row=${row}
              .record=${records.get(row.modelId)}
              ?namesake=${row.model?.source === 'local' && localNamesakes(catalog.models, row.model.title, row.modelId).length > 0}
              .activity=${activity?.modelId === row.modelId ? activity : undefined}
              .verifyLines=${this.verifyReport?.modelId === row.modelId ? this.verifyReport.lines : undefined}
              ?busy=${this.busy}
            ></models-model-card>`,
        )}
        <models-folder-import></models-folder-import>
        <section class="card" aria-label=${msg('Other hub model', { id: 'models.hub.label' })}>
          <models-hub-form ?busy=${this.busy}></models-hub-form>
          ${activity && !rows.some((r) => r.modelId === activity.modelId)
            ? html`<models-load-activity .activity=${activity} ?busy=${this.busy}></models-load-activity>`
            : nothing}
        </section>
      </div>
    `;
  }

  static override styles = [
    controlStyles,
    css`
      h1 {
        margin: 0 0 0.25rem;
        font-size: 1.6rem;
      }
      .lead {
        margin: 0 0 1.25rem;
      }
      .error {
        color: var(--danger);
      }
    `,
  ];
}
