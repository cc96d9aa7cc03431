// The game's sketch model, for the page to own: which model is chosen (the menu lists the lab's stored variants,
// kept up to date from any tab), loading it with @lit/task (again when the settings change), its state for the status
// line, and the fall-back to the bundled model when a hub model or a lab variant fails or a chosen variant is deleted.
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { findModel } from '../../runtime/catalog';
import { onStoreChange } from '../../runtime/idb-store';
import type { FileProgress } from '../../runtime/protocol';
import { parseHubId } from '../../runtime/hub-id';
import { getSettings, type Settings } from '../../runtime/settings';
import { listVariants, VARIANTS_DB } from '../../runtime/variant-store';
import { withFileProgress } from '../../ui/file-progress';
import { errorText, loadCauseText, loadProblemOf, retryMayHelp } from '../../ui/load-error-text';
import {
  defaultSketchModelChoice,
  loadSketchClassifier,
  progressText,
  rememberHubSketchModel,
  sketchModelChoices,
  variantChoiceKey,
  SourceModelGoneError,
  VariantMissingError,
  type LoadedSketchClassifier,
  type SketchModelChoice,
  type VariantSummary,
} from './classifier';
import type { ModelStatus } from './model-bar';

/** Why the hub model is not in use: its id was malformed, or it could not be loaded (the bundled model took over). */
type HubProblem = { kind: 'invalid'; message: string } | { kind: 'unreachable'; title: string; host: string; detail: string };
/** Why the chosen lab variant is not in use (the bundled model took over): it was deleted, or it did not load. */
type VariantProblem = { kind: 'missing'; title: string } | { kind: 'source-gone'; title: string } | { kind: 'failed'; title: string; detail: string };

export interface SketchModelOptions {
  /** The settings in force (device, dtype, hub host); a new value loads the model again. */
  settings: () => Settings | undefined;
  /** A load starts: the previous model no longer answers. */
  onLoading: () => void;
  /** The latest load finished; not called for a load that a newer one replaced. */
  onLoaded: (classifier: LoadedSketchClassifier) => void;
}

export class SketchModel implements ReactiveController {
  choice: SketchModelChoice = defaultSketchModelChoice();
  hubProblem: HubProblem | null = null;
  variantProblem: VariantProblem | null = null;
  /** The lab's stored variants (none when IndexedDB is unavailable). */
  private variants: VariantSummary[] = [];
  private unsubscribeVariants?: () => void;
  /** Per-file progress of the latest load. */
  files: FileProgress[] = [];
  private lastProgress: FileProgress | null = null;
  private readonly task: Task<readonly [SketchModelChoice, Settings | undefined], LoadedSketchClassifier>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SketchModelOptions,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      args: () => [this.choice, options.settings()] as const,
      task: ([choice], { signal }) => this.load(choice, signal),
    });
  }

  /** The loaded model, while no other load is under way or failed. */
  get classifier(): LoadedSketchClassifier | undefined {
    return this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
  }

  get readiness(): 'loading' | 'ready' | 'failed' {
    return this.classifier ? 'ready' : this.task.status === TaskStatus.ERROR ? 'failed' : 'loading';
  }

  hostConnected(): void {
    this.unsubscribeVariants = onStoreChange([VARIANTS_DB], () => void this.listVariants());
    void this.listVariants();
  }

  hostDisconnected(): void {
    this.unsubscribeVariants?.();
  }

  /** The menu: every model the game can play, the lab's variants last. Titles in the interface language. */
  choices(): SketchModelChoice[] {
    return sketchModelChoices(this.variants);
  }

  /** Picks a model by its choice key; the same one again only retries a failed load. */
  select(key: string): void {
    const choice = this.choices().find((c) => c.key === key);
    if (!choice || (choice.key === this.choice.key && this.task.status !== TaskStatus.ERROR)) return;
    this.choose(choice);
  }

  /** A hub model id typed by the player: checked, remembered for the hub choice, then loaded. */
  useHubModel(text: string): void {
    const parsed = parseHubId(text, 'Xenova/quickdraw-mobilevit-small');
    if (!parsed.ok) {
      this.hubProblem = { kind: 'invalid', message: parsed.message };
      this.host.requestUpdate();
      return;
    }
    rememberHubSketchModel(parsed.id);
    const choice = sketchModelChoices().find((c) => c.kind === 'image');
    if (choice) this.choose(choice);
  }

  /**
   * Plays the lab's stored variant `id` (the lab's Play button). Its bytes are read when it loads, so one deleted
   * meanwhile fails there and the bundled model takes over.
   */
  playVariant(id: string): void {
    const key = variantChoiceKey(id);
    if (this.choice.key === key) return;
    this.choose(this.choices().find((c) => c.key === key) ?? { key, modelId: '', variantId: id, title: '', kind: 'bitmap' });
  }

  /** Loads the chosen model again (after a failure, or when the page is shown again). */
  reload(): void {
    void this.task.run();
  }

  /** Leaving the page: frees the loaded model; a load under way is ignored when it ends. */
  release(): void {
    void this.classifier?.dispose();
    this.task.abort();
  }

  /** The status line, in the interface language. */
  status(): ModelStatus {
    const loading = (): ModelStatus => ({
      state: 'loading',
      text: this.lastProgress ? progressText(this.lastProgress) : msg(str`Loading ${this.title()}…`, { id: 'doodle.load.loading' }),
    });
    return this.task.render({
      initial: loading,
      pending: loading,
      complete: (classifier): ModelStatus => ({ state: 'ready', text: msg(str`Ready · ${classifier.description}`, { id: 'doodle.load.ready' }) }),
      error: (error): ModelStatus => ({ state: 'failed', text: msg(str`Could not load ${this.title()}: ${loadCauseText(error)}`, { id: 'doodle.load.failed' }), retry: retryMayHelp(error) }),
    })!;
  }

  /** Why the chosen lab variant is not in use, in the interface language; '' when nothing is wrong. */
  variantProblemText(): string {
    const p = this.variantProblem;
    if (!p) return '';
    const title = p.title || msg('The variant made in the lab', { id: 'doodle.variant.untitled' });
    if (p.kind === 'missing') {
      return msg(str`${title} is not stored in this browser (it was deleted, or made in another browser), so the bundled model plays instead.`, { id: 'doodle.variant.missing' });
    }
    if (p.kind === 'source-gone') {
      return msg(str`${title} was made from a model that has been deleted from this browser, so the bundled model plays instead.`, { id: 'doodle.variant.source-gone' });
    }
    const detail = p.detail;
    return msg(str`${title} could not be loaded, so the bundled model plays instead. (${detail})`, { id: 'doodle.variant.failed' });
  }

  /** Why the hub model is not in use, in the interface language; '' when nothing is wrong. */
  hubProblemText(): string {
    const p = this.hubProblem;
    if (!p) return '';
    if (p.kind === 'invalid') return p.message;
    if (!p.detail) return msg(str`${p.title} needs the model hub at ${p.host}, which cannot be reached (offline?); the bundled model still works and is used instead.`, { id: 'doodle.hub.no-answer' });
    return msg(str`${p.title} needs the model hub at ${p.host}; the bundled model still works and is used instead. (${p.detail})`, {
      id: 'doodle.hub.unreachable',
    });
  }

  private choose(choice: SketchModelChoice): void {
    this.choice = choice;
    this.hubProblem = null;
    this.variantProblem = null;
    this.host.requestUpdate();
  }

  /** The chosen model's title in the language shown now. */
  private title(): string {
    return this.knownTitle() || msg('the variant made in the lab', { id: 'doodle.variant.loading-title' });
  }

  /** '' for a variant chosen by the lab's Play button before the menu lists it. */
  private knownTitle(): string {
    return this.choices().find((c) => c.key === this.choice.key)?.title ?? this.choice.title;
  }

  /** Reads the variants for the menu; a chosen variant deleted meanwhile (this tab or another) gives way to the bundled model. */
  private async listVariants(): Promise<void> {
    let listed: VariantSummary[];
    try {
      listed = (await listVariants()).map(({ bytes: _bytes, ...summary }) => summary);
    } catch {
      // No IndexedDB (e.g. a private window that refuses it): there are no lab variants to offer.
      this.variants = [];
      return;
    }
    // Named from the list it was in, before the new list without it.
    const title = this.knownTitle();
    this.variants = listed;
    const id = this.choice.variantId;
    if (id !== undefined && !this.variants.some((v) => v.id === id)) this.fallBackFromVariant({ kind: 'missing', title });
    this.host.requestUpdate();
  }

  private fallBackFromVariant(problem: VariantProblem): void {
    this.choice = defaultSketchModelChoice();
    this.variantProblem = problem;
    this.host.requestUpdate();
  }

  // Runs inside the host's update: fields set before the first await show in that update's render.
  private async load(choice: SketchModelChoice, signal: AbortSignal): Promise<LoadedSketchClassifier> {
    this.options.onLoading();
    this.files = [];
    this.lastProgress = null;
    try {
      const classifier = await loadSketchClassifier(choice, (progress) => {
        if (signal.aborted) return;
        this.lastProgress = progress;
        this.files = withFileProgress(this.files, progress);
        this.host.requestUpdate();
      });
      // A newer load was asked for meanwhile: it replaces this model in the worker, nothing to free here.
      signal.throwIfAborted();
      if (choice.kind === 'image') this.hubProblem = null;
      this.options.onLoaded(classifier);
      return classifier;
    } catch (error) {
      // The hub model could not be loaded: say why and play on with the bundled model (the drawing stays).
      // (An image classifier opened from disk needs no hub: its failure stays in the status line.)
      if (!signal.aborted && choice.kind === 'image' && findModel(choice.modelId)?.source !== 'local') {
        const host = this.options.settings()?.hubHost ?? getSettings().hubHost;
        // The sentence already says the hub is needed: an unreachable hub needs no second mention.
        const detail = loadProblemOf(error)?.code === 'hub-unreachable' ? '' : loadCauseText(error);
        this.hubProblem = { kind: 'unreachable', title: choice.title, host, detail };
        this.choice = defaultSketchModelChoice();
      }
      // A lab variant that is gone or does not load: say so and play on with the bundled model (the round goes on).
      if (!signal.aborted && choice.variantId !== undefined) {
        const title = this.knownTitle();
        this.fallBackFromVariant(
          error instanceof VariantMissingError
            ? { kind: 'missing', title }
            : error instanceof SourceModelGoneError
              ? { kind: 'source-gone', title }
              : { kind: 'failed', title, detail: errorText(error) },
        );
      }
      throw error;
    }
  }
}

