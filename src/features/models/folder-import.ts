/**
 * "Open a model folder": the directory picker where the browser has one, a dropped folder, or the folder's files
 * chosen through a directory input; the folder is checked and copied into the model cache (src/runtime/local-models.ts).
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { StorageFullError, type SpaceUser } from '../../runtime/idb-store';
import { importModelFolder, type ImportOutcome, type ImportProgress, type LocalModelRecord, type WhenImported } from '../../runtime/local-models';
import { formatDate, formatDuration, formatNumber } from '../../ui/format';
import { modelName } from '../../ui/model-name';
import { appLocale } from '../../util/app-locale';
import { controlStyles } from '../../ui/shared-styles';
import { panelStyles } from './models.styles';
import { formatBytes } from '../../util/format-bytes';
import { catalog } from '../../runtime/catalog';
import { localNamesakes } from './model-rows';
import { folderFromDrop, folderFromInput, hasDirectoryPicker, pickFolder, type PickedFolder } from './folder-reader';
import { problemText } from './models-text';

type Result =
  | { ok: true; outcome: Extract<ImportOutcome, { ok: true }> }
  /** `full`: what the quota message suggests deleting; `kept`: the stored copy a failed replace left as it was. */
  | { ok: false; text: string; full?: readonly SpaceUser[]; kept?: LocalModelRecord }
  /** The same folder is stored already: the person chooses (replace, keep both, or leave it). */
  | { ok: false; already: LocalModelRecord; folder: PickedFolder };

@customElement('models-folder-import')
@localized()
export class FolderImport extends LitElement {
  @state() private progress: ImportProgress | undefined;
  @state() private result: Result | undefined;
  @state() private dragging = false;

  private async open(): Promise<void> {
    if (!hasDirectoryPicker()) {
      this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')!.click();
      return;
    }
    try {
      const folder = await pickFolder();
      if (folder) await this.importFolder(folder);
    } catch (error) {
      this.result = { ok: false, text: error instanceof Error ? error.message : String(error) };
    }
  }

  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.files?.length) void this.importFolder(folderFromInput(input.files));
    input.value = '';
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    if (!event.dataTransfer) return;
    void folderFromDrop(event.dataTransfer).then((folder) => {
      if (folder) return this.importFolder(folder);
      this.result = { ok: false, text: msg('Drop a folder, not single files: a model is a folder with config.json and onnx/.', { id: 'models.import.not-a-folder' }) };
    });
  }

  /** `replacing`: the stored copy of this folder, with `whenImported` 'replace'. */
  private async importFolder(folder: PickedFolder, whenImported: WhenImported = 'ask', replacing?: LocalModelRecord): Promise<void> {
    this.result = undefined;
    this.progress = { path: '', copiedBytes: 0, totalBytes: 0 };
    try {
      const outcome = await importModelFolder(folder.files, folder.name, (p) => (this.progress = p), whenImported);
      this.result = outcome.ok ? { ok: true, outcome } : 'already' in outcome ? { ok: false, already: outcome.already, folder } : { ok: false, text: problemText(outcome.problem) };
    } catch (error) {
      const full = error instanceof StorageFullError;
      const why = error instanceof Error ? error.message : String(error);
      const name = folder.name;
      const text = replacing
        ? full
          ? msg(str`Browser storage is full: ${name} could not be copied again.`, { id: 'models.import.replace-full' })
          : msg(str`${name} could not be copied again: ${why}`, { id: 'models.import.replace-failed' })
        : full
          ? msg(str`Browser storage is full: the folder ${name} does not fit, so nothing of it was kept. Models already stored are unchanged.`, { id: 'models.import.full' })
          : msg(str`The folder could not be copied: ${why}`, { id: 'models.import.failed' });
      this.result = { ok: false, text, full: full ? error.candidates : undefined, kept: replacing };
    } finally {
      this.progress = undefined;
    }
  }

  override render() {
    const busy = this.progress !== undefined;
    return html`<section
      class="card ${this.dragging ? 'dragging' : ''}"
      aria-label=${msg('Open a model folder', { id: 'models.import.title' })}
      data-testid="folder-import"
      @dragover=${(e: DragEvent) => {
        e.preventDefault();
        this.dragging = true;
      }}
      @dragleave=${() => (this.dragging = false)}
      @drop=${this.onDrop}
    >
      <h2>${msg('Models from your disk', { id: 'models.import.heading' })}</h2>
      <p class="muted">
        ${msg('Open a transformers.js model folder (config.json, tokenizer files, onnx/*.onnx), or drop it here. Its files are copied into this browser and the model then works like a hub model, offline too.', {
          id: 'models.import.lead',
        })}
      </p>
      <div class="actions">
        <button class="primary" data-testid="open-folder" ?disabled=${busy} @click=${this.open}>${msg('Open a model folder…', { id: 'models.import.open' })}</button>
        <label class="muted">
          ${msg("or choose the folder's files:", { id: 'models.import.fallback' })}
          <input type="file" webkitdirectory multiple data-testid="folder-input" ?disabled=${busy} @change=${this.onInput} />
        </label>
      </div>
      ${busy ? this.renderProgress(this.progress!) : nothing} ${this.result ? this.renderResult(this.result) : nothing}
    </section>`;
  }

  private renderProgress(p: ImportProgress) {
    const copied = formatBytes(p.copiedBytes);
    const total = formatBytes(p.totalBytes);
    return html`<p role="status" data-testid="folder-progress">
      ${p.path ? msg(str`Copying ${p.path}… ${copied} of ${total}`, { id: 'models.import.copying' }) : msg('Checking the folder…', { id: 'models.import.checking' })}
      <progress max=${p.totalBytes || 1} .value=${p.copiedBytes} aria-label=${msg('Copied so far', { id: 'models.import.progress' })}></progress>
    </p>`;
  }

  private renderAlready(already: LocalModelRecord, folder: PickedFolder) {
    const name = already.folder;
    const id = already.model.id;
    const date = formatDate(already.importedAt);
    return html`<div class="already" role="alert" data-testid="folder-already">
      <p>${msg(str`${name} is already open here as ${id} (opened ${date}), with the same files. Nothing was copied.`, { id: 'models.import.already' })}</p>
      <div class="actions">
        <button data-testid="import-replace" @click=${() => void this.importFolder(folder, 'replace', already)}>${msg('Replace it', { id: 'models.import.replace' })}</button>
        <button data-testid="import-keep-both" @click=${() => void this.importFolder(folder, 'keep-both')}>${msg('Keep both', { id: 'models.import.keep-both' })}</button>
        <button data-testid="import-cancel" @click=${() => (this.result = undefined)}>${msg('Leave it as it is', { id: 'models.import.leave' })}</button>
      </div>
    </div>`;
  }

  private renderResult(result: Result) {
    if ('already' in result) return this.renderAlready(result.already, result.folder);
    if (!result.ok) {
      return html`<div class="problem" role="alert" data-testid="folder-problem">
        <p>${result.text}</p>
        ${result.full ? html`<p class="muted">${roomText(result.full)}</p>` : nothing}
        <p class="muted" data-testid="folder-kept">${result.kept ? this.keptText(result.kept) : msg('Nothing was copied; the models already stored are unchanged.', { id: 'models.import.nothing-lost' })}</p>
      </div>`;
    }
    const { record, bytes, ms } = result.outcome;
    const id = record.model.id;
    const size = formatBytes(bytes);
    const time = formatDuration(ms);
    const leftOut = listSome(record.leftOut);
    const namesakes = localNamesakes(catalog.models, record.folder, id);
    const others = namesakes.join(', ');
    return html`<div class="ok" role="status" data-testid="folder-result">
      <p>${msg(str`Opened ${record.folder} as ${id}: ${size} copied in ${time}.`, { id: 'models.import.done' })}</p>
      ${namesakes.length
        ? html`<p data-testid="folder-namesake">
            ${msg(str`Another folder named ${record.folder} is already here (${others}), with other files; their cards show when each was opened.`, { id: 'models.import.namesake' })}
          </p>`
        : nothing}
      ${result.outcome.kept ? html`<p class="muted">${msg(str`${formatNumber(result.outcome.kept)} of its files were stored here intact already, so they were kept as they were.`, { id: 'models.import.kept-files' })}</p>` : nothing}
      ${record.leftOut.length ? html`<p class="muted">${msg(str`Not needed in the browser, so not copied: ${leftOut}.`, { id: 'models.import.left-out' })}</p>` : nothing}
    </div>`;
  }

  private keptText(kept: LocalModelRecord) {
    const id = kept.model.id;
    const date = formatDate(kept.importedAt);
    return msg(str`The copy opened ${date} (${id}) is kept: it stays listed, and loads and runs as before.`, { id: 'models.import.replace-kept' });
  }

  static override styles = [
    controlStyles,
    panelStyles,
    css`
      .card.dragging {
        outline: 3px dashed var(--accent);
        outline-offset: -6px;
      }
      .actions {
        gap: 0.75rem;
        margin-top: 0.75rem;
      }
      .actions label {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        min-width: 0;
        max-width: 100%;
      }
      progress {
        display: block;
        width: min(22rem, 100%);
      }
      .ok p:first-child {
        color: var(--ok);
      }
      .problem p:first-child {
        color: var(--danger);
      }
      p {
        margin: 0.5rem 0 0;
      }
    `,
  ];
}

/** What the person could delete to make room (the quota message's candidates), in the interface language. */
function roomText(candidates: readonly SpaceUser[]): string {
  if (!candidates.length) return msg('Free space in the browser (site data) to make room.', { id: 'models.import.room-nothing' });
  const choices = new Intl.ListFormat(appLocale(), { type: 'disjunction' }).format(candidates.map((c) => `${modelName(c.name)} (${formatBytes(c.bytes)})`));
  return msg(str`Deleting ${choices} would make room.`, { id: 'models.import.room' });
}

const LISTED_NAMES = 8;

/** File names for people: in natural order (t2 before t10), the first few and how many more, so 2,000 stay one line. */
function listSome(names: readonly string[]): string {
  const sorted = [...names].sort(new Intl.Collator(undefined, { numeric: true }).compare);
  const shown = sorted.slice(0, LISTED_NAMES).join(', ');
  const more = sorted.length - LISTED_NAMES;
  return more > 0 ? msg(str`${shown} and ${formatNumber(more)} more`, { id: 'models.import.and-more' }) : shown;
}

