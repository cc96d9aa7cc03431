/**
 * #/quantize — fp32 vs int8 on this machine: quantize a model here (weight-only, dynamic or static int8), then run
 * every variant in its own worker on the same drawings and compare size, load time, latency and agreement.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { ChartConfiguration } from 'chart.js';
import { QuantizeError } from '../../quantize/errors';
import type { CalibrationFile } from '../../quantize/calibration-files';
import { modelInputs } from '../../quantize/model-info';
import { DEFAULT_SELF_CHECK_SAMPLES, describeSelfCheck } from '../../quantize/self-check';
import type { QuantizeMode, QuantizeProgress } from '../../quantize/types';
import { readCachedFile } from '../../runtime/cache';
import { notify } from '../../runtime/notices';
import { InferenceClient } from '../../runtime/worker-client';
import { probeCapabilities } from '../../runtime/capabilities';
import { findModel } from '../../runtime/catalog';
import { recommend } from '../../runtime/recommend';
import { getSettings, onSettingsChange } from '../../runtime/settings';
import { labelsFromConfig, rasteriseStrokes } from '../../sketch';
import { seededRandom } from '../../util/prng';
import { controlStyles } from '../../ui/shared-styles';
import { formatBytes } from '../../util/format-bytes';
import { describeSizeChange } from '../../util/size-change';
import { DRAWINGS_DB, listLabelledDrawings } from '../../runtime/drawing-store';
import { onStoreChange } from '../../runtime/idb-store';
import { toQuickDrawStrokes } from '../../sketch/sketchpad';
import type { SketchCanvas } from '../../ui/sketch-canvas';
import '../../ui/sketch-canvas';
import doodleConfig from '../../../models/doodle-cnn/config.json';
import { classDifferences, latencyCurve } from './chart-data';
import type { ComparisonClasses } from './class-names';
import { resultKey, tableRows, type VariantResult } from './comparison-table';
import { calibrationInputs, describeSamples, ORIGIN_NAMES, type EvalDrawing, type SampleOrigin } from './eval-samples';
import { IMPORT_FORMAT_HELP, parseLabelledDrawings } from './labelled-import';
import { npyCalibration } from './lab-calibration';
import { runComparison, WARM_UP_RUNS } from './lab-runner';
import { checkSketchInput, downloadName, fp32OnnxPath, labModels, labVariants, MODE_NAMES, type LabModel, type LabVariant } from './lab-variants';
import { quantizeInWorker } from '../../runtime/quantize-client';
import { quantizePageStyles } from './quantize-page.styles';
import { syntheticDrawings } from '../../sketch/synthetic-drawings';
import { deleteVariant, listVariants, newVariant, saveVariant, VARIANTS_DB, type StoredVariant } from './variant-store';
import '../../ui/lab-chart';
import './summary-compare';

const SKETCH_CLASSES = labelsFromConfig(doodleConfig);
const SYNTHETIC_PER_CLASS = 16;
/** Static calibration needs this many drawings (the quantizer's default minimum). */
const MIN_CALIBRATION = 16;
const MAX_FILE_BYTES = 500e6;
const CHART_COLOURS = ['#2f5bd3', '#d9822b', '#17794a', '#b3261e', '#7b4bb7', '#0f8b8d'];

const MODES: { mode: QuantizeMode; title: string; explain: string }[] = [
  { mode: 'weight-only', title: 'Weight-only int8', explain: 'Weights are stored as int8 and turned back into floats when the model runs; activations stay float. Smallest accuracy risk, no samples needed.' },
  { mode: 'dynamic', title: 'Dynamic int8', explain: 'Weights int8; each run measures the range of the activations it sees and quantizes them on the fly, so integer kernels do the maths. No samples needed.' },
  { mode: 'static', title: 'Static int8', explain: `Weights int8; activation ranges are fixed ahead of time by running representative drawings through the fp32 model (calibration). Needs at least ${MIN_CALIBRATION} drawings like the real ones.` },
];

const STAGE_WORDS: Record<QuantizeProgress['stage'], string> = { reading: 'Reading the model', calibrating: 'Calibrating on drawings', quantizing: 'Quantizing weights', writing: 'Writing the new model' };

interface Message {
  text: string;
  kind: 'error' | 'ok';
}

export class QuantizePage extends LitElement {
  static override properties = {
    subroute: {},
    stored: { state: true },
    unsaved: { state: true },
    modelId: { state: true },
    checked: { state: true },
    origin: { state: true },
    calibrationOrigin: { state: true },
    npyFiles: { state: true },
    mode: { state: true },
    gameDrawings: { state: true },
    drawnHere: { state: true },
    imported: { state: true },
    drawLabel: { state: true },
    busy: { state: true },
    status: { state: true },
    quantizeProgress: { state: true },
    message: { state: true },
    results: { state: true },
    compared: { state: true },
    device: { state: true },
  };
  declare subroute: string;
  declare stored: StoredVariant[];
  /** Variants this browser refused to store (disk full): usable on this page and downloadable until it closes. */
  declare unsaved: StoredVariant[];
  declare modelId: string;
  /** Variant ids ticked for the comparison; the reference is always included. */
  declare checked: Set<string>;
  declare origin: SampleOrigin;
  /** Drawings of an origin, or 'npy': the .npy files imported for calibration. */
  declare calibrationOrigin: SampleOrigin | 'npy';
  declare npyFiles: CalibrationFile[];
  declare mode: QuantizeMode;
  declare gameDrawings: EvalDrawing[];
  declare drawnHere: EvalDrawing[];
  declare imported: { name: string; drawings: EvalDrawing[] } | undefined;
  declare drawLabel: string;
  declare busy: boolean;
  declare status: string;
  declare quantizeProgress: QuantizeProgress | undefined;
  declare message: Message | undefined;
  declare results: VariantResult[];
  declare compared: { samples: string; classNames: string[]; classSource: ComparisonClasses['source']; unknownLabels: string[] } | undefined;
  declare device: string;

  static override styles = [controlStyles, quantizePageStyles];
  private readonly synthetic = syntheticDrawings(SYNTHETIC_PER_CLASS, seededRandom(2026)).map(({ label, strokes }) => ({ label, bitmap: rasteriseStrokes(strokes)! }));
  private unsubscribeSettings?: () => void;
  private stopListening?: () => void;

  constructor() {
    super();
    this.subroute = '';
    this.stored = [];
    this.unsaved = [];
    this.modelId = 'doodle-cnn';
    this.checked = new Set();
    this.origin = 'synthetic';
    this.calibrationOrigin = 'synthetic';
    this.npyFiles = [];
    this.mode = 'weight-only';
    this.gameDrawings = [];
    this.drawnHere = [];
    this.drawLabel = SKETCH_CLASSES[0] ?? '';
    this.busy = false;
    this.status = '';
    this.results = [];
    this.device = '…';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const showDevice = () => void describeDevice().then((device) => (this.device = device));
    this.unsubscribeSettings = onSettingsChange(showDevice);
    showDevice();
    // Variants or game drawings changed in another tab: the lists here follow.
    this.stopListening = onStoreChange([VARIANTS_DB, DRAWINGS_DB], () => void this.refresh());
    void this.refresh();
  }

  override disconnectedCallback(): void {
    this.stopListening?.();
    this.unsubscribeSettings?.();
    super.disconnectedCallback();
  }

  private async refresh(): Promise<void> {
    const [stored, game] = await Promise.all([listVariants(), listLabelledDrawings().catch((error: unknown) => {
        notify(`Your Doodle Dash drawings could not be read (${(error as Error).message}); the lab works without them.`, 'warning');
        return [];
      })]);
    this.stored = stored;
    this.gameDrawings = game.map((d) => ({ label: d.target, bitmap: d.bitmap }));
    if (!this.models.some((m) => m.id === this.modelId)) this.modelId = this.models[0]?.id ?? '';
    const ids = new Set(this.variants.map((v) => v.id));
    this.checked = new Set([...this.checked].filter((id) => ids.has(id)));
  }

  private get models(): LabModel[] {
    return labModels(this.kept);
  }

  private get model(): LabModel | undefined {
    return this.models.find((m) => m.id === this.modelId);
  }

  private get variants(): LabVariant[] {
    const model = this.model;
    return model ? labVariants(model, this.kept) : [];
  }

  /** Stored variants and those only held by this page. */
  private get kept(): StoredVariant[] {
    return [...this.stored, ...this.unsaved];
  }

  /**
   * Stores a new variant; when the browser refuses (full disk or another storage fault) it stays on this page
   * instead, and the returned text says why it was not saved.
   */
  private async keep(variant: StoredVariant): Promise<string | undefined> {
    try {
      await saveVariant(variant);
      return undefined;
    } catch (error) {
      this.unsaved = [...this.unsaved, variant];
      return error instanceof Error ? error.message : String(error);
    }
  }

  private drawingsOf(origin: SampleOrigin): EvalDrawing[] {
    if (origin === 'synthetic') return this.synthetic;
    if (origin === 'game') return this.gameDrawings;
    if (origin === 'drawn') return this.drawnHere;
    return this.imported?.drawings ?? [];
  }

  private fail(error: unknown): void {
    const text = error instanceof Error ? error.message : String(error);
    // The quantizer refused the model (not ONNX, no float weights, too few samples…): say that nothing changed.
    this.message = { text: error instanceof QuantizeError ? `${text} Nothing was saved; your models are unchanged.` : text, kind: 'error' };
  }

  private async withBusy(task: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.message = undefined;
    try {
      await task();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
      this.status = '';
      this.quantizeProgress = undefined;
    }
  }

  /** The float model's bytes: the opened file, or the fp32 file from the cache (loading it once if not cached yet). */
  private async referenceBytes(model: LabModel): Promise<Uint8Array> {
    if (model.opened) return model.opened.bytes.slice();
    const path = model.catalogModel && fp32OnnxPath(model.catalogModel);
    if (!path) throw new Error(`${model.title} has no fp32 ONNX file in the catalog.`);
    const cached = await readCachedFile(model.id, path);
    if (cached) return cached;
    this.status = `Fetching the fp32 model into the cache…`;
    const client = new InferenceClient('quantize lab · fetch fp32');
    try {
      await client.load({ modelId: model.id, dtype: 'fp32', device: 'wasm' });
    } finally {
      client.terminate();
    }
    const bytes = await readCachedFile(model.id, path);
    if (!bytes) throw new Error(`${path} of ${model.title} could not be kept in this browser's storage, so it cannot be quantized here. Free some space on the Models page and try again.`);
    return bytes;
  }

  private quantize(): Promise<void> {
    return this.withBusy(async () => {
      const model = this.model;
      if (!model) return;
      const origin = this.calibrationOrigin;
      const calibration = this.mode === 'static' && origin !== 'npy' ? this.drawingsOf(origin) : undefined;
      if (calibration && origin !== 'npy' && calibration.length < MIN_CALIBRATION) {
        throw new Error(
          `Static quantization needs at least ${MIN_CALIBRATION} calibration drawings; ${ORIGIN_NAMES[origin]} has ${calibration.length}. Draw or import more, or calibrate on another set.`,
        );
      }
      if (this.mode === 'static' && origin === 'npy' && this.npyFiles.length === 0) throw new Error('Choose the .npy files to calibrate on first.');
      const bytes = await this.referenceBytes(model);
      const inputName = modelInputs(bytes)[0]?.name ?? 'input';
      const fromFiles = this.mode === 'static' && origin === 'npy' ? npyCalibration(this.npyFiles, bytes, MIN_CALIBRATION) : undefined;
      // The self-check runs on drawings like the ones compared below (the worker generates inputs when there are none).
      const checkOn = this.drawingsOf(this.origin).slice(0, DEFAULT_SELF_CHECK_SAMPLES);
      const facts = await probeCapabilities();
      this.status = 'Quantizing…';
      const { bytes: quantized, report } = await quantizeInWorker(
        bytes,
        {
          mode: this.mode,
          calibrationInputs: fromFiles?.inputs ?? (calibration && calibrationInputs(calibration, inputName)),
          selfCheckInputs: checkOn.length > 0 ? calibrationInputs(checkOn, inputName) : undefined,
          minCalibrationSamples: MIN_CALIBRATION,
          threads: facts.wasmThreads,
          transfer: true,
        },
        (progress) => {
          if (this.busy) this.quantizeProgress = progress;
        },
      );
      const variant = newVariant({
        modelId: model.id,
        name: model.opened?.name ?? model.id,
        mode: this.mode,
        bytes: quantized,
        calibratedOn: fromFiles?.description ?? (calibration && origin !== 'npy' ? describeSamples(origin, calibration) : undefined),
        selfCheck: report.selfCheck,
        createdAt: Date.now(),
      });
      const notSaved = await this.keep(variant);
      await this.refresh();
      this.checked = new Set([...this.checked, variant.id]);
      const checked = report.selfCheck ? ` Self-check passed on ${describeSelfCheck(report.selfCheck)}.` : '';
      const notes = fromFiles?.notes.length ? ` Note: ${fromFiles.notes.join(' ')}` : '';
      const made = `Made ${MODE_NAMES[this.mode]}: ${formatBytes(report.bytesBefore)} → ${formatBytes(report.bytesAfter)} (${describeSizeChange(report.bytesBefore, report.bytesAfter)}, ${report.weights.length} weight tensors quantized${report.skipped.length ? `, ${report.skipped.length} left float` : ''}).${checked}${notes}`;
      // Not stored: that comes first, with what to do; the figures and the self-check stay under the variant.
      this.message = notSaved
        ? { kind: 'error', text: `Made ${MODE_NAMES[this.mode]}, but it could not be kept in this browser. ${notSaved} It is ticked for the comparison below; use its Download button to keep it.` }
        : { kind: 'ok', text: `${made} It is ticked for the comparison below.` };
    });
  }

  private compare(): Promise<void> {
    return this.withBusy(async () => {
      const model = this.model;
      const reference = this.variants.find((v) => v.isReference);
      if (!model || !reference) return;
      const candidates = this.variants.filter((v) => !v.isReference && this.checked.has(v.id));
      const drawings = this.drawingsOf(this.origin);
      const samples = describeSamples(this.origin, drawings);
      const run = await runComparison(model, reference, candidates, drawings, samples, SKETCH_CLASSES, (text) => (this.status = text));
      const fresh = new Set(run.results.map(resultKey));
      // Results on another backend stay, so WASM and WebGPU can be read side by side.
      this.results = [...this.results.filter((r) => !fresh.has(resultKey(r)) && r.samples === samples), ...run.results];
      this.compared = { samples, classNames: run.classNames, classSource: run.classSource, unknownLabels: run.unknownLabels };
    });
  }

  private async openModel(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await this.withBusy(async () => {
      if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} is ${formatBytes(file.size)}; the lab opens models up to ${formatBytes(MAX_FILE_BYTES)}.`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      this.status = `Checking ${file.name}…`;
      const client = new InferenceClient('quantize lab · check file');
      try {
        const info = await client.load({ modelId: file.name, dtype: 'fp32', device: 'wasm', bytes, trial: true }).catch((error: unknown) => {
          const why = error instanceof Error ? error.message.replace(/^Could not load [^:]*: /, '') : String(error);
          throw new Error(`${file.name} is not an ONNX model this browser can run (${why}). Nothing was added; your other models are unchanged.`);
        });
        checkSketchInput(info, file.name);
      } finally {
        client.terminate();
      }
      const opened = newVariant({ modelId: 'file', name: file.name, mode: 'opened', bytes, createdAt: Date.now() });
      const notSaved = await this.keep(opened);
      await this.refresh();
      this.modelId = `file:${opened.id}`;
      this.results = [];
      this.compared = undefined;
      const text = `Opened ${file.name} (${formatBytes(bytes.byteLength)}). Quantize it below, then compare.`;
      this.message = notSaved ? { kind: 'error', text: `${text} It is not saved in this browser, so it is gone when you leave this page: ${notSaved}` } : { kind: 'ok', text };
    });
  }

  private async importDrawings(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.message = undefined;
    try {
      if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} is too large to import (${formatBytes(file.size)}).`);
      const drawings = parseLabelledDrawings(await file.text(), file.name);
      this.imported = { name: file.name, drawings };
      this.origin = 'imported';
      this.message = { kind: 'ok', text: `Imported ${drawings.length} labelled drawings from ${file.name}.` };
    } catch (error) {
      this.fail(new Error(`${error instanceof Error ? error.message : String(error)} ${this.imported ? `The earlier import (${this.imported.name}) is kept.` : 'Nothing was imported.'}`));
    }
  }

  private async chooseNpy(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    this.npyFiles = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    this.message = { kind: 'ok', text: `Calibration will read ${this.npyFiles.map((f) => f.name).join(', ')} (checked against the model's inputs when you quantize).` };
  }

  private addDrawing(): void {
    const canvas = this.renderRoot.querySelector<SketchCanvas>('doodle-sketch-canvas');
    const bitmap = canvas && rasteriseStrokes(toQuickDrawStrokes(canvas.pad.strokes));
    if (!canvas || !bitmap) {
      this.message = { kind: 'error', text: 'Draw something on the small canvas first.' };
      return;
    }
    this.drawnHere = [...this.drawnHere, { label: this.drawLabel, bitmap }];
    canvas.clear();
  }

  private async removeVariant(variant: StoredVariant): Promise<void> {
    const dependants = variant.mode === 'opened' ? this.kept.filter((s) => s.modelId === `file:${variant.id}`) : [];
    const what = dependants.length ? `${variant.name} and the ${dependants.length} variant(s) made from it` : `${MODE_NAMES[variant.mode]} of ${variant.name}`;
    if (!confirm(`Delete ${what} from this browser?`)) return;
    const gone = new Set([variant.id, ...dependants.map((d) => d.id)]);
    this.unsaved = this.unsaved.filter((v) => !gone.has(v.id));
    for (const v of [variant, ...dependants]) await deleteVariant(v.id);
    this.results = this.results.filter((r) => !gone.has(r.variantId));
    await this.refresh();
    notify(`Deleted ${what}.`);
  }

  private download(variant: StoredVariant): void {
    const url = URL.createObjectURL(new Blob([variant.bytes as BlobPart], { type: 'application/octet-stream' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = downloadName(variant.name, variant);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.checked);
    if (on) next.add(id);
    else next.delete(id);
    this.checked = next;
  }

  override render() {
    return html`
      <h1>Quantize lab</h1>
      <p class="lead muted">
        Int8 quantization stores a model's weights in 8 bits instead of 32, so it downloads ~4× smaller and can run integer kernels. This page measures
        the trade-off on this machine: each variant runs in its own worker on the backend chosen in the header (now: <strong>${this.device}</strong>), on the same
        drawings.
      </p>
      ${this.message ? html`<p class="message ${this.message.kind}" role=${this.message.kind === 'error' ? 'alert' : 'status'} data-testid="lab-message">${this.message.text}</p>` : nothing}
      <div class="grid">${this.renderModel()} ${this.renderSamples()}</div>
      <div class="grid" style="margin-top: 1rem">${this.renderQuantize()} ${this.renderCompareControls()}</div>
      ${this.renderResults()}
      <section class="card" aria-label="Summarization models" style="margin-top: 1rem">
        <h2>Summarization: fp32 vs int8</h2>
        <quantize-summary-compare></quantize-summary-compare>
      </section>
    `;
  }

  private renderModel(): TemplateResult {
    return html`<section class="card" aria-label="Model">
      <h2>Model</h2>
      <div class="row">
        <select data-testid="model-select" aria-label="Model" .value=${this.modelId} ?disabled=${this.busy} @change=${(e: Event) => {
          this.modelId = (e.target as HTMLSelectElement).value;
          this.checked = new Set();
          this.results = [];
          this.compared = undefined;
        }}>
          ${this.models.map((m) => html`<option value=${m.id} ?selected=${m.id === this.modelId}>${m.title}</option>`)}
        </select>
        <label class="muted">Or open your own fp32 .onnx <input type="file" accept=".onnx" data-testid="open-model" ?disabled=${this.busy} @change=${this.openModel} /></label>
      </div>
      <ul class="plain" aria-label="Variants">
        ${this.variants.map((v) => this.renderVariant(v))}
      </ul>
      ${this.model?.catalogModel?.source === 'hub' ? html`<p class="muted">Hub models download from the hub set in the header when it is reachable; a model must take one 28×28 sketch to be compared here.</p>` : nothing}
    </section>`;
  }

  private renderVariant(v: LabVariant): TemplateResult {
    const stored = v.stored;
    return html`<li data-testid="variant" data-name=${v.name}>
      <label class="grow">
        <input type="checkbox" .checked=${v.isReference || this.checked.has(v.id)} ?disabled=${v.isReference || this.busy} @change=${(e: Event) => this.toggle(v.id, (e.target as HTMLInputElement).checked)} />
        ${v.name}${v.isReference ? html` <span class="muted">(reference)</span>` : nothing}
        ${stored?.calibratedOn ? html`<small class="muted">calibrated on ${stored.calibratedOn}</small>` : nothing}
        ${stored?.selfCheck ? html`<small class="muted" data-testid="self-check">self-check: ${describeSelfCheck(stored.selfCheck)}</small>` : nothing}
        ${stored && this.unsaved.includes(stored) ? html`<small class="unsaved" data-testid="not-saved">not saved in this browser: download it to keep it</small>` : nothing}
      </label>
      <span class="size">${v.bytes === undefined ? 'size after download' : formatBytes(v.bytes)}</span>
      ${stored
        ? html`<button data-testid="download-variant" @click=${() => this.download(stored)}>Download .onnx</button>
            <button class="danger" data-testid="delete-variant" ?disabled=${this.busy} @click=${() => this.removeVariant(stored)}>Delete</button>`
        : nothing}
    </li>`;
  }

  private renderSamples(): TemplateResult {
    const origins: SampleOrigin[] = ['synthetic', 'game', 'drawn', 'imported'];
    return html`<section class="card" aria-label="Drawings">
      <h2>Drawings to compare on</h2>
      <div role="radiogroup" aria-label="Drawings to compare on">
        ${origins.map(
          (o) => html`<label class="choice"><input type="radio" name="origin" value=${o} .checked=${this.origin === o} ?disabled=${this.busy} @change=${() => (this.origin = o)} />
            <span>${capitalise(ORIGIN_NAMES[o])}${o === 'synthetic' ? ' (generated by code)' : ''} — ${this.drawingsOf(o).length}</span></label>`,
        )}
      </div>
      <p class="muted">Synthetic shapes (circles, squares, stars, …) are drawn by code with hand-like wobble, so there is always something to compare on. Doodle Dash keeps every drawing with the word you were asked to draw; skipped ones may be unfinished.</p>
      <h3>Draw a few here</h3>
      <div class="row">
        <doodle-sketch-canvas class="sketch"></doodle-sketch-canvas>
        <div>
          <label>This is a <select aria-label="Label of the drawing" .value=${this.drawLabel} @change=${(e: Event) => (this.drawLabel = (e.target as HTMLSelectElement).value)}>
            ${SKETCH_CLASSES.map((c) => html`<option value=${c} ?selected=${c === this.drawLabel}>${c}</option>`)}
          </select></label>
          <p class="row"><button @click=${this.addDrawing}>Add drawing</button> <button ?disabled=${this.drawnHere.length === 0} @click=${() => (this.drawnHere = [])}>Forget them</button></p>
        </div>
      </div>
      <h3>Import labelled drawings</h3>
      <label class="muted">File <input type="file" accept=".ndjson,.jsonl,.json,.txt" data-testid="import-drawings" @change=${this.importDrawings} /></label>
      <p class="muted">Format: ${IMPORT_FORMAT_HELP}.</p>
    </section>`;
  }

  private renderQuantize(): TemplateResult {
    const origins: SampleOrigin[] = ['synthetic', 'game', 'drawn', 'imported'];
    const progress = this.quantizeProgress;
    return html`<section class="card" aria-label="Quantize here">
      <h2>Quantize here</h2>
      <div role="radiogroup" aria-label="Quantization mode">
        ${MODES.map(
          (m) => html`<label class="choice"><input type="radio" name="mode" value=${m.mode} .checked=${this.mode === m.mode} ?disabled=${this.busy} @change=${() => (this.mode = m.mode)} />
            <strong>${m.title}</strong><span class="muted">${m.explain}</span></label>`,
        )}
      </div>
      ${this.mode === 'static'
        ? html`<label>Calibrate on
            <select data-testid="calibration-origin" .value=${this.calibrationOrigin} @change=${(e: Event) => (this.calibrationOrigin = (e.target as HTMLSelectElement).value as SampleOrigin | 'npy')}>
              ${origins.map((o) => html`<option value=${o} ?selected=${o === this.calibrationOrigin}>${ORIGIN_NAMES[o]} (${this.drawingsOf(o).length})</option>`)}
              <option value="npy" ?selected=${this.calibrationOrigin === 'npy'}>.npy files (${this.npyFiles.length ? this.npyFiles.map((f) => f.name).join(', ') : 'none chosen'})</option>
            </select></label>
            ${this.calibrationOrigin === 'npy'
              ? html`<label class="muted">.npy files <input type="file" accept=".npy" multiple data-testid="calibration-npy" @change=${this.chooseNpy} /></label>
                  <p class="muted">One <code>&lt;input name&gt;.npy</code> per model input, one row per sample: float32 is used as stored, uint8 is multiplied by 1/255. A one-input model also takes any .npy files of uint8 rows (e.g. Quick, Draw! bitmaps).</p>`
              : nothing}`
        : nothing}
      <p class="row">
        <button class="primary" data-testid="quantize" ?disabled=${this.busy || !this.model} @click=${this.quantize}>Quantize ${this.model?.title ?? ''}</button>
        ${progress ? html`<span>${STAGE_WORDS[progress.stage]}</span><progress max=${progress.total || 1} .value=${progress.done} aria-label="Quantization progress"></progress>` : nothing}
      </p>
      <p class="muted">The project's own quantizer runs in a worker on the fp32 file (from this browser's cache). Weights use one scale per output channel. The new model is kept in this browser until you delete it.</p>
    </section>`;
  }

  private renderCompareControls(): TemplateResult {
    const drawings = this.drawingsOf(this.origin);
    return html`<section class="card" aria-label="Compare">
      <h2>Compare</h2>
      <p>fp32 against each ticked variant, on ${describeSamples(this.origin, drawings)}, on ${this.device}.</p>
      <p class="row">
        <button class="primary" data-testid="run-comparison" ?disabled=${this.busy} @click=${this.compare}>Run comparison</button>
        ${this.busy && this.status ? html`<span role="status" data-testid="lab-status">${this.status}</span>` : nothing}
      </p>
      <dl class="explain">
        <dt>Smaller</dt><dd>fp32 file size ÷ variant file size.</dd>
        <dt>First load</dt><dd>In a fresh worker: starts the runtime, downloads unless cached, builds the session. Reload: the same again from the cache.</dd>
        <dt>p50 / p95</dt><dd>Median and 95th-percentile time of one run (one drawing, batch 1), measured from this page after ${WARM_UP_RUNS} untimed warm-up runs: half the runs are faster than p50, 1 in 20 slower than p95. Other work on the machine shows up here.</dd>
        <dt>Agreement</dt><dd>Share of drawings where the variant's top guess is fp32's top guess (1.000 = always).</dd>
        <dt>KL</dt><dd>How far the variant's probabilities drift from fp32's, averaged over drawings (nats; 0 = identical).</dd>
        <dt>Accuracy</dt><dd>Share of labelled drawings whose top guess is the label.</dd>
      </dl>
    </section>`;
  }

  private renderResults(): TemplateResult | typeof nothing {
    if (this.results.length === 0 || !this.compared) return nothing;
    const rows = tableRows(this.results);
    return html`<section class="card" aria-label="Results" style="margin-top: 1rem">
      <h2>Results</h2>
      <p data-testid="samples-used">Compared on ${this.compared.samples}${this.compared.samples.includes(ORIGIN_NAMES.synthetic) ? ' (drawn by this page’s code at run time, not real drawings)' : ''}.${classesNote(this.compared)}</p>
      <div class="table-wrap">
        <table data-testid="comparison-table">
          <thead><tr><th>Variant</th><th>Backend</th><th>Size</th><th>Smaller</th><th>First load</th><th>Reload</th><th>p50</th><th>p95</th><th>Agreement</th><th>KL</th><th>Accuracy</th></tr></thead>
          <tbody>
            ${rows.map(
              (r) => html`<tr data-testid="result-row" data-name=${r.name} data-backend=${r.backend} class=${r.agreement === 'reference' ? 'reference' : ''}>
                <td>${r.name}</td><td>${r.backend}</td><td>${r.size}</td><td data-testid="smaller">${r.smaller}</td><td>${r.firstLoad}<small>${r.firstLoadSource}</small></td><td>${r.reload}</td>
                <td data-testid="p50">${r.p50}</td><td data-testid="p95">${r.p95}</td><td data-testid="agreement">${r.agreement}</td><td>${r.kl}</td><td data-testid="accuracy">${r.accuracy}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="charts">
        <div><h3>Latency distribution</h3><quantize-lab-chart label="Share of runs at or below each latency, per variant" .config=${this.latencyChart()}></quantize-lab-chart></div>
        ${this.classChart()}
      </div>
    </section>`;
  }

  /** One colour per result, the same in both charts. */
  private colourOf(key: string): string {
    const index = this.results.findIndex((r) => resultKey(r) === key);
    return CHART_COLOURS[Math.max(0, index) % CHART_COLOURS.length]!;
  }

  private latencyChart(): ChartConfiguration {
    return {
      type: 'scatter',
      data: {
        datasets: this.results.map((r) => ({
          label: `${r.name} (${r.device === 'webgpu' ? 'WebGPU' : 'WASM'})`,
          data: latencyCurve(r.timesMs),
          showLine: true,
          pointRadius: 0,
          borderWidth: 2,
          borderColor: this.colourOf(resultKey(r)),
          backgroundColor: this.colourOf(resultKey(r)),
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { type: 'logarithmic', title: { display: true, text: 'ms per run (log scale)' } },
          y: { min: 0, max: 1, title: { display: true, text: 'share of runs ≤ x' } },
        },
      },
    } as ChartConfiguration;
  }

  private classChart(): TemplateResult | typeof nothing {
    const diff = classDifferences(this.results, this.compared?.classNames ?? []);
    if (diff.series.length === 0 || diff.classes.length === 0) return nothing;
    const config = {
      type: 'bar',
      data: {
        labels: diff.classes,
        datasets: diff.series.map((s) => ({ label: s.name, data: s.points, backgroundColor: this.colourOf(s.key) })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { title: { display: true, text: 'accuracy change vs fp32 (points)' }, suggestedMin: -5, suggestedMax: 5 } },
      },
    } as ChartConfiguration;
    const unchanged = diff.series.every((series) => series.points.every((p) => p === 0));
    return html`<div><h3>Per-class accuracy change vs fp32</h3>
      ${unchanged ? html`<p class="muted">No class gained or lost a drawing: every variant is exactly as accurate as fp32 on each class.</p>` : nothing}
      <quantize-lab-chart label="Per-class accuracy change of each variant against fp32" .config=${config}></quantize-lab-chart></div>`;
  }
}

/** The backend the lab's workers will use: the header's choice, with Auto resolved the way the workers resolve it. */
async function describeDevice(): Promise<string> {
  const settings = getSettings();
  const model = findModel('doodle-cnn');
  const device = settings.device === 'auto' && model ? recommend(model, await probeCapabilities(), { device: 'auto', dtype: 'auto' }).device : settings.device;
  const name = device === 'webgpu' ? 'WebGPU' : 'WASM';
  return settings.device === 'auto' ? `${name} (Auto)` : name;
}

/** What the results line says about the model's classes and which labels were not scored. */
function classesNote(compared: { classNames: string[]; classSource: ComparisonClasses['source']; unknownLabels: string[] }): string {
  const count = compared.classNames.length;
  if (compared.classSource === 'numbered') {
    return ` The model's config has no id2label, so its ${count} classes are numbered (class 0 … class ${count - 1}); agreement and KL are measured, accuracy only for drawings labelled with those names.`;
  }
  const assumed = compared.classSource === 'sketch' ? ` The model's config has no id2label; its ${count} outputs are taken to be the sketch classes in the bundled model's order.` : '';
  const unknown = compared.unknownLabels.length ? ` Labels the model does not know (not counted for accuracy): ${compared.unknownLabels.join(', ')}.` : '';
  return assumed + unknown;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

customElements.define('quantize-page', QuantizePage);
