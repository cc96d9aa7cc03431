// #/doodle — Doodle Dash: draw the prompted thing before the clock runs out while the model guesses live.
// #/doodle/practice — the same canvas and live guesses, without timer or target.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { rasteriseStrokes } from '../../sketch';
import type { FileProgress } from '../../runtime/protocol';
import { onBackendChange } from '../../runtime/backend-status';
import { parseHubId } from '../../runtime/hub-id';
import { getSettings, onSettingsChange } from '../../runtime/settings';
import '../../ui/progress-list';
import { loadBestScore, saveBestScore } from './best-score';
import {
  defaultSketchModelChoice,
  loadSketchClassifier,
  rememberHubSketchModel,
  progressText,
  sketchModelChoices,
  type LoadedSketchClassifier,
  type SketchModelChoice,
} from './classifier';
import { clearLabelledDrawings, DRAWINGS_DB, listLabelledDrawings, saveLabelledDrawing } from '../../runtime/drawing-store';
import { onStoreChange } from '../../runtime/idb-store';
import { doodlePageStyles } from './doodle-page.styles';
import { gameReducer, initialGame, msLeft, type GameEvent, type GameState, type Guess, type Turn } from './game';
import { LivePredictor } from '../../sketch/live-predictor';
import { toQuickDrawStrokes, type Stroke } from '../../sketch/sketchpad';
import { fairTargets, makeDeck, withArticle } from './targets';
import './drawing-thumbnail';
import '../../ui/guess-list';
import '../../ui/sketch-canvas';
import type { SketchCanvas } from '../../ui/sketch-canvas';
import { withFileProgress } from '../../ui/file-progress';

type ModelState =
  | { status: 'loading'; message: string }
  | { status: 'ready'; classifier: LoadedSketchClassifier }
  | { status: 'failed'; message: string };

const TICK_MS = 100;
const TOAST_MS = 1200;
/** After a score, new strokes wait this long: time to see the toast and the new target before drawing it. */
const INK_PAUSE_AFTER_SCORE_MS = 500;

export class DoodlePage extends LitElement {
  static styles = doodlePageStyles;
  static properties = {
    subroute: {},
    model: { state: true },
    choice: { state: true },
    game: { state: true },
    guesses: { state: true },
    rate: { state: true },
    msPerPrediction: { state: true },
    toast: { state: true },
    savedCount: { state: true },
    predictionError: { state: true },
    files: { state: true },
    hubProblem: { state: true },
  };

  /** Set by the shell from the route: '' for the game, 'practice' for practice mode. */
  declare subroute: string;
  declare private model: ModelState;
  declare private choice: SketchModelChoice;
  declare private game: GameState<Stroke[]>;
  declare private guesses: Guess[];
  declare private rate: number;
  declare private msPerPrediction: number | null;
  declare private toast: { text: string; key: number } | null;
  declare private savedCount: number;
  declare private predictionError: string | null;
  /** Per-file progress of the latest load (shown for the hub model: downloaded or from this browser's cache). */
  declare private files: FileProgress[];
  /** Why the hub model is not in use (it could not be loaded; the bundled model took over). */
  declare private hubProblem: string | null;

  private predictor: LivePredictor | null = null;
  private ticker: number | undefined;
  private toastTimer: number | undefined;
  private loadToken = 0;
  private unsubscribeSettings?: () => void;
  private unsubscribeBackend?: () => void;
  private stopListening?: () => void;
  private readonly now = () => performance.now();

  constructor() {
    super();
    this.subroute = '';
    this.model = { status: 'loading', message: 'Loading the sketch model…' };
    this.choice = defaultSketchModelChoice();
    this.game = initialGame(loadBestScore(localStorage));
    this.guesses = [];
    this.rate = 0;
    this.msPerPrediction = null;
    this.toast = null;
    this.savedCount = 0;
    this.predictionError = null;
    this.files = [];
    this.hubProblem = null;
  }

  private get canvas(): SketchCanvas {
    return this.renderRoot.querySelector('doodle-sketch-canvas')!;
  }

  private get practice(): boolean {
    return this.subroute === 'practice';
  }

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeyDown);
    // The header's device or dtype changed: load again under the new choice.
    this.unsubscribeSettings = onSettingsChange(() => void this.loadModel());
    // A model can change backend without a load here (a lost GPU): the status line shows where it runs now.
    this.unsubscribeBackend = onBackendChange(() => this.requestUpdate());
    this.ticker = window.setInterval(() => this.tick(), TICK_MS);
    void this.loadModel();
    // Drawings deleted (or saved) in another tab: the count follows.
    this.stopListening = onStoreChange([DRAWINGS_DB], () => void this.refreshSavedCount());
    void this.refreshSavedCount();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
    window.removeEventListener('keydown', this.onKeyDown);
    this.unsubscribeSettings?.();
    this.unsubscribeBackend?.();
    window.clearInterval(this.ticker);
    window.clearTimeout(this.toastTimer);
    this.loadToken++;
    if (this.model.status === 'ready') void this.model.classifier.dispose();
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    // Switching between game and practice abandons a running round.
    if (changed.has('subroute') && changed.get('subroute') !== undefined) {
      this.game = initialGame(this.game.best, this.game.rules);
      this.canvas?.clear();
    }
  }

  render() {
    return html`
      <div class="page">
        ${this.renderTopBar()}
        <div class="play">
          <section class="board">
            ${this.practice ? this.renderPracticeHud() : this.renderGameHud()}
            <div class="canvas-wrap">
              <doodle-sketch-canvas @sketch-change=${this.onSketchChange}></doodle-sketch-canvas>
              ${this.practice ? nothing : this.renderOverlay()}
              ${this.toast ? keyed(this.toast.key, html`<div class="toast" data-testid="toast" role="status">${this.toast.text}</div>`) : nothing}
            </div>
            ${this.renderTools()}
          </section>
          <aside class="side">${this.renderSide()}</aside>
        </div>
      </div>
    `;
  }

  private renderTopBar() {
    const choices = sketchModelChoices();
    return html`<header class="topbar">
      <div class="brand">
        <h1>Doodle Dash</h1>
        <nav class="modes" aria-label="Mode">
          <a href="#/doodle" class=${this.practice ? '' : 'active'} data-testid="mode-game">Game</a>
          <a href="#/doodle/practice" class=${this.practice ? 'active' : ''} data-testid="mode-practice">Practice</a>
        </nav>
      </div>
      <label class="model-pick">
        Model
        <select data-testid="model-select" @change=${this.onModelPicked}>
          ${choices.map((c) => html`<option value=${c.key} ?selected=${c.key === this.choice.key}>${c.title}</option>`)}
        </select>
      </label>
      <span class="model-status ${this.model.status}" data-testid="model-status" role="status">
        ${this.model.status === 'ready' ? html`Ready · ${this.model.classifier.description}` : this.model.message}
        ${this.model.status === 'failed' ? html`<button class="link" @click=${() => this.loadModel()}>Try again</button>` : nothing}
      </span>
      ${this.hubProblem ? html`<p class="hub-problem" role="alert" data-testid="hub-problem">${this.hubProblem}</p>` : nothing}
      ${this.choice.kind === 'image' || this.hubProblem ? this.renderHubModelField(choices) : nothing}
      ${this.choice.kind === 'image' && this.files.length > 0
        ? html`<mlwb-progress-list class="downloads" data-testid="model-files" .files=${this.files}></mlwb-progress-list>`
        : nothing}
    </header>`;
  }

  private renderGameHud() {
    const g = this.game;
    const seconds = Math.ceil(msLeft(g, this.now()) / 1000);
    return html`<div class="hud">
      <div class="prompt" data-testid="target-prompt">
        ${g.phase === 'playing'
          ? html`<span class="draw">Draw</span> <strong data-testid="target" data-label=${g.target}>${withArticle(g.target)}</strong>`
          : html`<span class="draw">${g.phase === 'over' ? 'Round over' : 'Ready when you are'}</span>`}
      </div>
      <div class="stat timer ${g.phase === 'playing' && seconds <= 10 ? 'hurry' : ''}">
        <span class="label">Time</span><span class="value" data-testid="timer">${g.phase === 'ready' ? Math.round(g.rules.roundMs / 1000) : seconds}</span>
      </div>
      <div class="stat">
        <span class="label">Score</span><span class="value" data-testid="score">${g.phase === 'ready' ? 0 : g.score}</span>
      </div>
    </div>`;
  }

  private renderPracticeHud() {
    return html`<div class="hud">
      <div class="prompt"><span class="draw">Practice</span> <strong>draw anything it knows</strong></div>
    </div>`;
  }

  private renderTools() {
    const playing = this.game.phase === 'playing';
    return html`<div class="tools">
      <button @click=${() => this.canvas.undo()} data-testid="undo" title="Undo last stroke (Z)">↶ Undo <kbd>Z</kbd></button>
      <button @click=${() => this.canvas.clear()} data-testid="clear" title="Clear (C)">✕ Clear <kbd>C</kbd></button>
      ${this.practice
        ? nothing
        : html`<button class="skip" @click=${() => this.skip()} ?disabled=${!playing} data-testid="skip" title="Skip (S)">
            Skip → <kbd>S</kbd>
          </button>`}
    </div>`;
  }

  private renderOverlay() {
    const g = this.game;
    if (g.phase === 'ready') {
      const ready = this.model.status === 'ready';
      return html`<div class="overlay start" data-testid="start-screen">
        <h2>Ready to doodle?</h2>
        <ol class="rules">
          <li>You get <strong>60 seconds</strong>.</li>
          <li>Draw the thing on the prompt. The model guesses while you draw.</li>
          <li>When its top guess is your target (≥ ${Math.round(g.rules.threshold * 100)}% sure), you score and the next one comes.</li>
          <li>Stuck? <strong>Skip</strong> it.</li>
        </ol>
        ${this.model.status === 'ready'
          ? html`<p class="deck-intro">It may ask for</p>
              <ul class="deck" data-testid="possible-targets">
                ${fairTargets(this.model.classifier.classQuality).map((label) => html`<li>${label}</li>`)}
              </ul>
              ${this.model.classifier.targetNote ? html`<p class="deck-note" data-testid="target-note">${this.model.classifier.targetNote}</p>` : nothing}`
          : nothing}
        <button class="big" data-testid="start" ?disabled=${!ready} @click=${() => this.startRound()}>
          ${ready ? html`Start <kbd>Enter</kbd>` : this.model.status === 'failed' ? 'Model not loaded' : 'Loading model…'}
        </button>
        ${g.best > 0 ? html`<p class="best">Best score: <strong data-testid="best-score">${g.best}</strong></p>` : nothing}
      </div>`;
    }
    if (g.phase === 'over') {
      return html`<div class="overlay end" data-testid="end-screen">
        <h2>${g.newBest ? 'New best score!' : 'Time’s up!'}</h2>
        <div class="final">
          <div><span class="label">Score</span><strong data-testid="final-score">${g.score}</strong></div>
          <div><span class="label">Best</span><strong data-testid="best-score">${g.best}</strong></div>
        </div>
        ${this.renderGallery(g.turns)}
        <button class="big" data-testid="play-again" @click=${() => this.startRound()}>Play again <kbd>Enter</kbd></button>
      </div>`;
    }
    return nothing;
  }

  private renderGallery(turns: readonly Turn<Stroke[]>[]) {
    if (turns.length === 0) return html`<p class="empty-gallery">No drawings this round.</p>`;
    return html`<ul class="gallery" data-testid="gallery">
      ${turns.map(
        (t) => html`<li class=${t.outcome} data-testid="gallery-item">
          <doodle-drawing-thumbnail .strokes=${t.drawing}></doodle-drawing-thumbnail>
          <div class="caption">
            <span class="target">${t.target}</span>
            <span class="verdict">
              ${t.outcome === 'recognised' ? '✓' : t.outcome === 'skipped' ? 'skipped ·' : 'time ·'}
              ${t.guess ? `${t.guess.label} ${Math.round(t.guess.probability * 100)}%` : 'no guess'}
            </span>
          </div>
        </li>`,
      )}
    </ul>`;
  }

  private renderSide() {
    return html`
      <h2>The model thinks…</h2>
      <p class="visually-hidden" aria-live="polite">${this.guesses[0] ? `The model thinks: ${this.guesses[0].label}` : ''}</p>
      <doodle-guess-list
        .guesses=${this.guesses}
        .target=${this.game.phase === 'playing' ? this.game.target : null}
      ></doodle-guess-list>
      ${this.predictionError ? html`<p class="error" role="alert">${this.predictionError}</p>` : nothing}
      <p class="meter" title="Predictions completed in the last second; the model only runs when the drawing changed">
        <span class="value" data-testid="rate">${this.rate}</span> predictions/s
        ${this.msPerPrediction !== null
          ? html`<span class="latency">· <span data-testid="latency">${this.msPerPrediction.toFixed(1)}</span> ms each</span>`
          : nothing}
      </p>
      <details class="keys" open>
        <summary>Keyboard</summary>
        <dl>
          <dt><kbd>Z</kbd> / <kbd>Ctrl</kbd>+<kbd>Z</kbd></dt><dd>undo last stroke</dd>
          <dt><kbd>C</kbd> / <kbd>Backspace</kbd></dt><dd>clear</dd>
          ${this.practice ? nothing : html`<dt><kbd>S</kbd></dt><dd>skip</dd><dt><kbd>Enter</kbd> / <kbd>Space</kbd></dt><dd>start</dd>`}
        </dl>
      </details>
      <p class="saved">
        <span data-testid="saved-count">${this.savedCount}</span> labelled drawings saved in this browser for the
        quantization lab.
        <button class="link" data-testid="clear-saved" ?disabled=${this.savedCount === 0} @click=${this.clearSaved}>Delete them</button>
      </p>
    `;
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return;
    if (event.altKey) return;
    const key = event.key.toLowerCase();
    const plain = !event.ctrlKey && !event.metaKey;
    if (key === 'z' && !event.shiftKey) this.canvas.undo();
    else if (plain && (key === 'c' || key === 'backspace')) this.canvas.clear();
    else if (plain && key === 's' && !this.practice) this.skip();
    else if (plain && (key === 'enter' || key === ' ') && !this.practice && this.game.phase !== 'playing' && !event.repeat) this.startRound();
    else return;
    event.preventDefault();
  };

  private onSketchChange(): void {
    const pad = this.canvas.pad;
    if (pad.isEmpty) {
      this.guesses = [];
      this.dispatchGame({ type: 'guess', now: this.now(), guess: null, drawing: [] });
    }
    this.predictor?.update(pad);
  }

  /** Another image-classification sketch model from the hub, in the same layout as the catalogued one. */
  private renderHubModelField(choices: readonly SketchModelChoice[]) {
    const hubChoice = choices.find((c) => c.kind === 'image');
    if (!hubChoice) return nothing;
    return html`<form class="hub-model" @submit=${this.onHubModelSubmit}>
      <label>Hub model <input name="hub-model" data-testid="hub-sketch-model" placeholder="organisation/name" .value=${hubChoice.modelId} /></label>
      <button type="submit" data-testid="hub-sketch-load">Load</button>
    </form>`;
  }

  private onHubModelSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const field = (event.target as HTMLFormElement).elements.namedItem('hub-model') as HTMLInputElement;
    const parsed = parseHubId(field.value, 'Xenova/quickdraw-mobilevit-small');
    if (!parsed.ok) {
      this.hubProblem = parsed.message;
      return;
    }
    rememberHubSketchModel(parsed.id);
    const choice = sketchModelChoices().find((c) => c.kind === 'image');
    if (!choice) return;
    this.choice = choice;
    this.hubProblem = null;
    void this.loadModel();
  }

  private onModelPicked(event: Event): void {
    const key = (event.target as HTMLSelectElement).value;
    const choice = sketchModelChoices().find((c) => c.key === key);
    if (choice) this.selectModel(choice);
  }

  private selectModel(choice: SketchModelChoice): void {
    if (choice.key === this.choice.key && this.model.status !== 'failed') return;
    this.choice = choice;
    this.hubProblem = null;
    void this.loadModel();
  }

  private async loadModel(): Promise<void> {
    const token = ++this.loadToken;
    this.predictor = null;
    this.model = { status: 'loading', message: `Loading ${this.choice.title}…` };
    this.files = [];
    const choice = this.choice;
    try {
      const classifier = await loadSketchClassifier(choice, (progress) => {
        if (token !== this.loadToken) return;
        this.model = { status: 'loading', message: progressText(progress) };
        this.trackFile(progress);
      });
      // A newer load was asked for meanwhile: it replaces this model in the worker, nothing to free here.
      if (token !== this.loadToken) return;
      this.model = { status: 'ready', classifier };
      this.predictionError = null;
      if (choice.kind === 'image') this.hubProblem = null;
      const predictor: LivePredictor = new LivePredictor(
        classifier.predictStep,
        {
          // Answers from a predictor replaced by a model switch are ignored.
          onPrediction: (p) => this.predictor === predictor && this.onPrediction(p.guesses),
          onError: (error) => {
            if (this.predictor === predictor) this.predictionError = `The model could not guess: ${errorText(error)}`;
          },
        },
        this.now,
      );
      this.predictor = predictor;
      predictor.update(this.canvas.pad);
    } catch (error) {
      if (token !== this.loadToken) return;
      if (choice.kind === 'image') this.fallBackFromHub(choice, error);
      else this.model = { status: 'failed', message: `Could not load ${choice.title}: ${errorText(error)}` };
    }
  }

  /** The hub model could not be loaded: say why and play on with the bundled model (the drawing stays). */
  private fallBackFromHub(choice: SketchModelChoice, error: unknown): void {
    this.hubProblem =
      `${choice.title} needs the model hub at ${getSettings().hubHost}; the bundled model still works and is used instead. ` +
      `(${errorText(error)})`;
    this.choice = defaultSketchModelChoice();
    void this.loadModel();
  }

  private trackFile(progress: FileProgress): void {
    this.files = withFileProgress(this.files, progress);
  }

  private onPrediction(guesses: Guess[]): void {
    this.predictionError = null;
    this.guesses = guesses;
    this.updateMeter();
    this.dispatchGame({ type: 'guess', now: this.now(), guess: guesses[0] ?? null, drawing: this.canvas.pad.snapshot() });
  }

  private updateMeter(): void {
    this.rate = this.predictor?.rate() ?? 0;
    this.msPerPrediction = this.predictor?.meanMs() ?? null;
  }

  private startRound(): void {
    if (this.model.status !== 'ready' || this.game.phase === 'playing') return;
    const deck = makeDeck(this.model.classifier.classQuality, Math.random);
    this.canvas.clear();
    this.dispatchGame({ type: 'start', now: this.now(), deck });
  }

  private skip(): void {
    if (this.game.phase !== 'playing') return;
    this.dispatchGame({ type: 'skip', now: this.now(), drawing: this.canvas.pad.snapshot() });
  }

  private tick(): void {
    this.updateMeter();
    if (this.game.phase === 'playing') {
      this.dispatchGame({ type: 'tick', now: this.now(), drawing: this.canvas.pad.snapshot() });
      this.requestUpdate();
    }
  }

  /** Runs an event through the rules and acts on what changed: new turn, round over. */
  private dispatchGame(event: GameEvent<Stroke[]>): void {
    const before = this.game;
    const after = gameReducer(before, event);
    if (after === before) return;
    this.game = after;
    const closed = after.phase === 'ready' ? [] : after.turns.slice(before.phase === 'playing' ? before.turns.length : 0);
    for (const turn of closed) void this.saveTurn(turn);
    if (after.phase === 'playing' && closed.length > 0) {
      const last = closed.at(-1)!;
      if (last.outcome === 'recognised') this.showToast(`✓ ${last.target}! +1`);
      // A scored drawing may still be in progress: its remaining ink must not start the next target's drawing.
      this.canvas.startFresh(last.outcome === 'recognised' ? INK_PAUSE_AFTER_SCORE_MS : 0);
    }
    if (after.phase === 'over' && before.phase === 'playing') {
      saveBestScore(localStorage, after.best);
      this.canvas.clear();
    }
  }

  private async saveTurn(turn: Turn<Stroke[]>): Promise<void> {
    const bitmap = rasteriseStrokes(toQuickDrawStrokes(turn.drawing));
    if (!bitmap) return;
    try {
      await saveLabelledDrawing({
        target: turn.target,
        outcome: turn.outcome,
        guess: turn.guess,
        strokes: turn.drawing,
        strokeSpace: 'sketch',
        bitmap,
        model: this.model.status === 'ready' ? this.model.classifier.description : this.choice.key,
        createdAt: Date.now(),
      });
      await this.refreshSavedCount();
    } catch (error) {
      this.predictionError = `This drawing could not be saved for the quantization lab: ${errorText(error)}`;
    }
  }

  private async refreshSavedCount(): Promise<void> {
    try {
      this.savedCount = (await listLabelledDrawings()).length;
    } catch {
      this.savedCount = 0;
    }
  }

  private async clearSaved(): Promise<void> {
    await clearLabelledDrawings();
    await this.refreshSavedCount();
  }

  private showToast(text: string): void {
    this.toast = { text, key: (this.toast?.key ?? 0) + 1 };
    window.clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => (this.toast = null), TOAST_MS);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

customElements.define('doodle-page', DoodlePage);

declare global {
  interface HTMLElementTagNameMap {
    'doodle-page': DoodlePage;
  }
}
