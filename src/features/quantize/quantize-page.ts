/**
 * #/quantize — fp32 vs int8 on this machine: quantize a model here (weight-only, dynamic or static int8), then run
 * every variant in its own worker on the same drawings and compare size, load time, latency and agreement.
 * The page holds the lab's state and runs its three flows (open a model, quantize, compare); the parts it shows
 * (model picker, sample sets, quantize panel, compare panel, results) are components that report through events.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { QuantizeError } from '../../quantize/errors';
import type { QuantizeProgress } from '../../quantize/types';
import { DRAWINGS_DB, listLabelledDrawings } from '../../runtime/drawing-store';
import { onStoreChange } from '../../runtime/idb-store';
import { notify } from '../../runtime/notices';
import { getSettings, onSettingsChange, type Settings } from '../../runtime/settings';
import { labelsFromConfig, rasteriseStrokes } from '../../sketch';
import { syntheticDrawings } from '../../sketch/synthetic-drawings';
import { settingsContext } from '../../ui/settings-context';
import { currentLocale } from '../../i18n/locale';
import { paragraph } from '../../i18n/paragraph';
import { controlStyles } from '../../ui/shared-styles';
import { formatBytes } from '../../util/format-bytes';
import { formatNumber } from '../../ui/format';
import { errorText } from '../../ui/load-error-text';
import { seededRandom } from '../../util/prng';
import doodleConfig from '../../../models/doodle-cnn/config.json';
import { resultKey, type VariantResult } from './comparison-table';
import type { ComparedOn } from './comparison-view';
import { describeSamples, type EvalDrawing, type SampleOrigin } from './eval-samples';
import { describeDevice, runComparison } from './lab-runner';
import { madeMessage, quantizeForLab, readModelFile, type LabQuantizeResult } from './lab-quantize';
import { deletionWords, labModels, labVariants, type LabModel, type LabVariant } from './lab-variants';
import type { QuantizeRequest } from './quantize-methods';
import { quantizePageStyles } from './quantize-page.styles';
import { deleteVariant, listVariants, newVariant, saveVariant, VARIANTS_DB, type StoredVariant } from '../../runtime/variant-store';
import './compare-panel';
import './comparison-view';
import './model-picker';
import './quantize-panel';
import './sample-sets';
import './sensitivity-panel';
import './summary-compare';

const SKETCH_CLASSES = labelsFromConfig(doodleConfig);
const SYNTHETIC_PER_CLASS = 16;

interface Worded {
  text: string;
  kind: 'error' | 'ok';
}
/** The page's own messages are worded when shown, so they follow a language switch; panels send theirs worded. */
type Message = Worded | (() => Worded);

@localized()
@customElement('quantize-page')
export class QuantizePage extends LitElement {
  static override styles = [controlStyles, quantizePageStyles];

  @property() subroute = '';
  /** The header's settings from the shell; read from src/runtime/settings while no shell provides them. */
  @consume({ context: settingsContext, subscribe: true })
  @state()
  private settings?: Settings;
  @state() private stored: StoredVariant[] = [];
  /** Variants this browser refused to store (disk full): usable on this page and downloadable until it closes. */
  @state() private unsaved: StoredVariant[] = [];
  @state() private modelId = 'doodle-cnn';
  /** Variant ids ticked for the comparison; the reference is always included. */
  @state() private checked = new Set<string>();
  @state() private origin: SampleOrigin = 'synthetic';
  @state() private gameDrawings: EvalDrawing[] = [];
  @state() private drawnHere: EvalDrawing[] = [];
  @state() private imported: { name: string; drawings: EvalDrawing[] } | undefined;
  @state() private status = '';
  @state() private progress: QuantizeProgress | undefined;
  @state() private message: Message | undefined;
  @state() private results: VariantResult[] = [];
  @state() private compared: ComparedOn | undefined;

  private readonly synthetic = syntheticDrawings(SYNTHETIC_PER_CLASS, seededRandom(2026)).map(({ label, strokes }) => ({ label, bitmap: rasteriseStrokes(strokes)! }));
  private stopListening?: () => void;
  private stopSettings?: () => void;

  /** The backend the lab's workers will use, described; follows the header's settings. */
  // The language is an argument too: the description is worded when the task runs, so a switch must run it again.
  private readonly device = new Task(this, {
    task: ([settings]: readonly [Settings | undefined, string]) => describeDevice(settings ?? getSettings()),
    args: () => [this.settings, currentLocale()] as const,
  });
  private readonly opening = this.flow((file: File) => this.openModel(file));
  private readonly quantizing = this.flow((request: QuantizeRequest) => this.quantize(request));
  private readonly comparing = this.flow(() => this.compare());

  override connectedCallback(): void {
    super.connectedCallback();
    // No provider answered the context request: follow the settings store directly.
    if (this.settings === undefined) this.stopSettings = onSettingsChange((settings) => (this.settings = settings));
    // Variants or game drawings changed in another tab: the lists here follow.
    this.stopListening = onStoreChange([VARIANTS_DB, DRAWINGS_DB], () => void this.refresh());
    void this.refresh();
  }

  override disconnectedCallback(): void {
    this.stopListening?.();
    this.stopSettings?.();
    super.disconnectedCallback();
  }

  /**
   * One of the lab's flows as a Task run on demand: while any is pending the lab is busy; it clears the message
   * when it starts, the status when it ends, and an error becomes the message.
   */
  private flow<A extends unknown[]>(run: (...args: A) => Promise<void>): Task<A, void> {
    return new Task<A, void>(this, {
      autoRun: false,
      task: async (args) => {
        this.message = undefined;
        try {
          await run(...args);
        } finally {
          this.status = '';
          this.progress = undefined;
        }
      },
      onError: (error) => this.fail(error),
    });
  }

  private get busy(): boolean {
    return [this.opening, this.quantizing, this.comparing].some((task) => task.status === TaskStatus.PENDING);
  }

  private async refresh(): Promise<void> {
    const [stored, game] = await Promise.all([
      listVariants(),
      listLabelledDrawings().catch((error: unknown) => {
        const why = (error as Error).message;
        notify(msg(str`Your Doodle Dash drawings could not be read (${why}); the lab works without them.`, { id: 'quantize.error.gameDrawings' }), 'warning');
        return [];
      }),
    ]);
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

  /** Results named as the variant list names them now: a language switch or a renumbered twin renames them too. */
  private get namedResults(): VariantResult[] {
    const names = new Map(this.variants.map((v) => [v.id, v.name]));
    return this.results.map((r) => ({ ...r, name: names.get(r.variantId) ?? r.name }));
  }

  /** Stored variants and those only held by this page. */
  private get kept(): StoredVariant[] {
    return [...this.stored, ...this.unsaved];
  }

  /** Stores a new variant; when the browser refuses it stays on this page instead, and the text says why. */
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

  private get counts(): Record<SampleOrigin, number> {
    return { synthetic: this.synthetic.length, game: this.gameDrawings.length, drawn: this.drawnHere.length, imported: this.imported?.drawings.length ?? 0 };
  }

  private fail(error: unknown): void {
    this.message = () => {
      const text = errorText(error);
      // The quantizer refused the model (not ONNX, no float weights, too few samples…): say that nothing changed.
      const unchanged = msg('Nothing was saved; your models are unchanged.', { id: 'quantize.error.unchanged' });
      return { text: error instanceof QuantizeError ? paragraph([text, unchanged]) : text, kind: 'error' };
    };
  }

  private async quantize(request: QuantizeRequest): Promise<void> {
    const model = this.model;
    if (!model) return;
    const setStatus = (text: string) => (this.status = text);
    const made = await quantizeForLab(model, request, (o) => this.drawingsOf(o), this.drawingsOf(this.origin), setStatus, (progress) => {
      // The last progress report may arrive after the result.
      if (this.quantizing.status === TaskStatus.PENDING) this.progress = progress;
    });
    await this.keepMade(made);
  }

  /** A variant made here (quantized, or mixed precision from the sensitivity panel): stored and ticked for the comparison. */
  private async keepMade(made: LabQuantizeResult): Promise<void> {
    const notSaved = await this.keep(made.variant);
    await this.refresh();
    this.checked = new Set([...this.checked, made.variant.id]);
    this.message = () => madeMessage(made, notSaved);
  }

  private async compare(): Promise<void> {
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
    this.compared = { origin: this.origin, drawings, classNames: run.classNames, classSource: run.classSource, unknownLabels: run.unknownLabels };
  }

  private async openModel(file: File): Promise<void> {
    const bytes = await readModelFile(file, (text) => (this.status = text));
    const opened = newVariant({ modelId: 'file', name: file.name, mode: 'opened', bytes, createdAt: Date.now() });
    const notSaved = await this.keep(opened);
    await this.refresh();
    this.chooseModel(`file:${opened.id}`);
    const name = file.name;
    this.message = () => {
      const size = formatBytes(bytes.byteLength);
      const text = msg(str`Opened ${name} (${size}). Quantize it below, then compare.`, { id: 'quantize.opened' });
      return notSaved
        ? { kind: 'error', text: paragraph([text, msg(str`It is not saved in this browser, so it is gone when you leave this page: ${notSaved}`, { id: 'quantize.opened.notSaved' })]) }
        : { kind: 'ok', text };
    };
  }

  private chooseModel(id: string): void {
    this.modelId = id;
    this.checked = new Set();
    this.results = [];
    this.compared = undefined;
  }

  private async removeVariant(variant: StoredVariant): Promise<void> {
    const dependants = variant.mode === 'opened' ? this.kept.filter((s) => s.modelId === `file:${variant.id}`) : [];
    const shownName = this.variants.find((v) => v.id === variant.id)?.name ?? variant.mode;
    const what = deletionWords(variant, dependants.length, shownName);
    if (!confirm(msg(str`Delete ${what} from this browser?`, { id: 'quantize.delete.confirm' }))) return;
    const gone = new Set([variant.id, ...dependants.map((d) => d.id)]);
    this.unsaved = this.unsaved.filter((v) => !gone.has(v.id));
    for (const v of [variant, ...dependants]) await deleteVariant(v.id);
    this.results = this.results.filter((r) => !gone.has(r.variantId));
    await this.refresh();
    notify(msg(str`Deleted ${what}.`, { id: 'quantize.delete.done' }));
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.checked);
    if (on) next.add(id);
    else next.delete(id);
    this.checked = next;
  }

  private imports(name: string, drawings: EvalDrawing[]): void {
    this.imported = { name, drawings };
    this.origin = 'imported';
    this.message = () => {
      const count = formatNumber(drawings.length);
      return { kind: 'ok', text: msg(str`Imported ${count} labelled drawings from ${name}.`, { id: 'quantize.imported' }) };
    };
  }

  protected override updated(changed: PropertyValues): void {
    // A message can come from a panel far down the page: bring it into view, or the user sees nothing happen.
    if (changed.has('message') && this.message) this.renderRoot.querySelector('[data-testid="lab-message"]')?.scrollIntoView({ block: 'nearest' });
  }

  override render() {
    const busy = this.busy;
    const device = this.device.render({ pending: () => '…', complete: (d) => d, error: () => '…' }) ?? '…';
    const model = this.model;
    const message = typeof this.message === 'function' ? this.message() : this.message;
    return html`
      <h1>${msg('Quantize lab', { id: 'quantize.heading' })}</h1>
      <p class="lead muted">
        ${msg("Int8 quantization stores a model's weights in 8 bits instead of 32, so it downloads ~4× smaller and can run integer kernels. This page measures the trade-off on this machine: each variant runs in its own worker on the backend chosen in the header (now:", { id: 'quantize.lead' })}
        <strong>${device}</strong>${msg('), on the same drawings.', { id: 'quantize.lead.end' })}
      </p>
      ${message ? html`<p class="message ${message.kind}" role=${message.kind === 'error' ? 'alert' : 'status'} data-testid="lab-message">${message.text}</p>` : nothing}
      <div class="grid" @lab-message=${(e: CustomEvent<Message>) => (this.message = e.detail)}>
        <section class="card" aria-label=${msg('Model', { id: 'quantize.section.model' })}>
          <quantize-model-picker .models=${this.models} .modelId=${this.modelId} .variants=${this.variants} .checked=${this.checked} .unsaved=${this.unsaved} ?busy=${busy}
            @model-change=${(e: CustomEvent<{ id: string }>) => this.chooseModel(e.detail.id)}
            @model-file=${(e: CustomEvent<{ file: File }>) => void this.opening.run([e.detail.file])}
            @variant-toggle=${(e: CustomEvent<{ id: string; on: boolean }>) => this.toggle(e.detail.id, e.detail.on)}
            @variant-delete=${(e: CustomEvent<{ variant: StoredVariant }>) => void this.removeVariant(e.detail.variant)}></quantize-model-picker>
        </section>
        <section class="card" aria-label=${msg('Drawings', { id: 'quantize.section.samples' })}>
          <quantize-sample-sets .origin=${this.origin} .counts=${this.counts} .classes=${SKETCH_CLASSES} .importedName=${this.imported?.name ?? ''} ?busy=${busy}
            @origin-change=${(e: CustomEvent<{ origin: SampleOrigin }>) => (this.origin = e.detail.origin)}
            @drawing-add=${(e: CustomEvent<{ drawing: EvalDrawing }>) => (this.drawnHere = [...this.drawnHere, e.detail.drawing])}
            @drawings-forget=${() => (this.drawnHere = [])}
            @drawings-imported=${(e: CustomEvent<{ name: string; drawings: EvalDrawing[] }>) => this.imports(e.detail.name, e.detail.drawings)}></quantize-sample-sets>
        </section>
      </div>
      <div class="grid spaced" @lab-message=${(e: CustomEvent<Message>) => (this.message = e.detail)}>
        <section class="card" aria-label=${msg('Quantize here', { id: 'quantize.section.quantize' })}>
          <quantize-panel .modelTitle=${model?.title ?? ''} .counts=${this.counts} .progress=${this.progress} ?busy=${busy}
            @quantize-request=${(e: CustomEvent<{ request: QuantizeRequest }>) => void this.quantizing.run([e.detail.request])}></quantize-panel>
        </section>
        <section class="card" aria-label=${msg('Compare', { id: 'quantize.section.compare' })}>
          <quantize-compare-panel .samples=${describeSamples(this.origin, this.drawingsOf(this.origin))} .device=${device} .status=${this.status} ?busy=${busy}
            @run-comparison=${() => void this.comparing.run([])}></quantize-compare-panel>
        </section>
      </div>
      <section class="card spaced" aria-label=${msg('Per-layer sensitivity', { id: 'quantize.section.sensitivity' })}>
        <quantize-sensitivity-panel .model=${model} .origin=${this.origin} .drawings=${this.drawingsOf(this.origin)} .drawingsOf=${(o: SampleOrigin) => this.drawingsOf(o)} .counts=${this.counts} ?busy=${busy}
          @mixed-made=${(e: CustomEvent<{ made: LabQuantizeResult }>) => void this.keepMade(e.detail.made)}></quantize-sensitivity-panel>
      </section>
      ${this.results.length > 0 && this.compared
        ? html`<section class="card spaced" aria-label=${msg('Results', { id: 'quantize.section.results' })}>
            <quantize-comparison-view .results=${this.namedResults} .compared=${this.compared}></quantize-comparison-view>
          </section>`
        : nothing}
      <section class="card spaced" aria-label=${msg('Summarization models', { id: 'quantize.section.summary' })}>
        <h2>${msg('Summarization: fp32 vs int8', { id: 'quantize.summary.heading' })}</h2>
        <quantize-summary-compare></quantize-summary-compare>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quantize-page': QuantizePage;
  }
}
