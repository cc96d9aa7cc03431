// #/doodle — Doodle Dash: draw the prompted thing before the clock runs out while the model guesses live.
// #/doodle/practice — the same canvas and live guesses, without timer or target.
// #/doodle/variant/<id> — the game with a variant made in the quantization lab chosen (the lab's Play button).
// The page keeps the state (model, round, guesses) and wires the parts; each part renders one piece of it.
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { rasteriseStrokes } from '../../sketch';
import { onBackendChange } from '../../runtime/backend-status';
import { saveLabelledDrawing } from '../../runtime/drawing-store';
import { getSettings, onSettingsChange, type Settings } from '../../runtime/settings';
import { LivePredictor } from '../../sketch/live-predictor';
import { toQuickDrawStrokes, type Stroke } from '../../sketch/sketchpad';
import { variantIdFromSubroute } from '../../ui/play-variant';
import { settingsContext } from '../../ui/settings-context';
import type { SketchCanvas } from '../../ui/sketch-canvas';
import '../../ui/sketch-canvas';
import { loadBestScore, saveBestScore } from './best-score';
import type { LoadedSketchClassifier } from './classifier';
import { doodlePageStyles } from './doodle-page.styles';
import { gameReducer, initialGame, msLeft, type GameEvent, type GameState, type Guess, type Turn } from './game';
import { TOAST_MS } from './score-toast';
import { fairTargets, makeDeck } from './targets';
import './draw-tools';
import './guess-panel';
import './key-help';
import './model-bar';
import './round-hud';
import './round-summary';
import './saved-drawings';
import './score-toast';
import './start-screen';
import type { SavedDrawings } from './saved-drawings';
import { SketchModel } from './sketch-model';
import { errorText } from '../../ui/load-error-text';

/** Something that went wrong outside loading, kept as facts so it is worded in the language shown at render. */
type Problem = { kind: 'guess' | 'save'; detail: string };

const TICK_MS = 100;
/** After a score, new strokes wait this long: time to see the toast and the new target before drawing it. */
const INK_PAUSE_AFTER_SCORE_MS = 500;

@customElement('doodle-page')
@localized()
export class DoodlePage extends LitElement {
  static override styles = doodlePageStyles;

  /** Set by the shell from the route: '' for the game, 'practice' for practice mode. */
  @property() subroute = '';
  /** From the shell; a change of device or dtype in the header loads the model again. */
  @consume({ context: settingsContext, subscribe: true })
  @state()
  private settings?: Settings;
  @state() private game: GameState<Stroke[]> = initialGame(loadBestScore(localStorage));
  @state() private guesses: Guess[] = [];
  @state() private rate = 0;
  @state() private msPerPrediction: number | null = null;
  @state() private toast: { target: string; key: number } | null = null;
  @state() private problem: Problem | null = null;
  private readonly model = new SketchModel(this, {
    settings: () => this.settings,
    onLoading: () => (this.predictor = null),
    onLoaded: (classifier) => this.startGuessing(classifier),
  });

  private predictor: LivePredictor | null = null;
  private ticker: number | undefined;
  private toastTimer: number | undefined;
  private unsubscribeSettings?: () => void;
  private unsubscribeBackend?: () => void;
  private readonly now = () => performance.now();

  private get canvas(): SketchCanvas {
    return this.renderRoot.querySelector('doodle-sketch-canvas')!;
  }

  private get practice(): boolean {
    return this.subroute === 'practice';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // No shell above to provide the settings (the page on its own): follow them directly.
    if (!this.settings) {
      this.settings = getSettings();
      this.unsubscribeSettings = onSettingsChange((settings) => (this.settings = settings));
    }
    // Back on the page after leaving it (which freed the model): load again.
    if (this.hasUpdated) this.model.reload();
    window.addEventListener('keydown', this.onKeyDown);
    // A model can change backend without a load here (a lost GPU): the status line shows where it runs now.
    this.unsubscribeBackend = onBackendChange(() => this.requestUpdate());
    this.ticker = window.setInterval(() => this.tick(), TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKeyDown);
    this.unsubscribeSettings?.();
    this.unsubscribeBackend?.();
    window.clearInterval(this.ticker);
    window.clearTimeout(this.toastTimer);
    this.model.release();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Before the model's Task runs in this update, so the variant asked for is the first model loaded.
    const variantId = changed.has('subroute') ? variantIdFromSubroute(this.subroute) : undefined;
    if (variantId !== undefined) this.model.playVariant(variantId);
    // Switching between game and practice abandons a running round.
    if (changed.has('subroute') && changed.get('subroute') !== undefined) {
      this.game = initialGame(this.game.best, this.game.rules);
      this.canvas?.clear();
    }
  }

  override render() {
    const g = this.game;
    return html`
      <div class="page">
        <header class="topbar">
          <div class="brand">
            <h1>${msg('Doodle Dash', { id: 'doodle.title' })}</h1>
            <nav class="modes" aria-label=${msg('Mode', { id: 'doodle.modes' })}>
              <a href="#/doodle" class=${this.practice ? '' : 'active'} data-testid="mode-game">${msg('Game', { id: 'doodle.mode.game' })}</a>
              <a href="#/doodle/practice" class=${this.practice ? 'active' : ''} data-testid="mode-practice">${msg('Practice', { id: 'doodle.mode.practice' })}</a>
            </nav>
          </div>
          <dd-model-bar
            .choices=${this.model.choices()}
            .choiceKey=${this.model.choice.key}
            .status=${this.model.status()}
            .hubProblem=${this.model.hubProblemText()}
            .variantProblem=${this.model.variantProblemText()}
            .files=${this.model.files}
            @model-pick=${(e: CustomEvent<string>) => this.model.select(e.detail)}
            @model-retry=${() => this.model.reload()}
            @hub-model=${(e: CustomEvent<string>) => this.model.useHubModel(e.detail)}
          ></dd-model-bar>
        </header>
        <div class="play">
          <section class="board">
            <dd-round-hud ?practice=${this.practice} .game=${g} .msLeft=${msLeft(g, this.now())}></dd-round-hud>
            <div class="canvas-wrap">
              <doodle-sketch-canvas @sketch-change=${this.onSketchChange}></doodle-sketch-canvas>
              ${this.practice ? nothing : this.renderOverlay()}
              ${this.toast ? keyed(this.toast.key, html`<dd-score-toast data-testid="toast" role="status" .target=${this.toast.target}></dd-score-toast>`) : nothing}
            </div>
            <dd-draw-tools
              ?practice=${this.practice}
              ?canSkip=${g.phase === 'playing'}
              @undo=${() => this.canvas.undo()}
              @clear=${() => this.canvas.clear()}
              @skip=${() => this.skip()}
            ></dd-draw-tools>
          </section>
          <aside class="side">
            <dd-guess-panel
              .guesses=${this.guesses}
              .target=${g.phase === 'playing' ? g.target : null}
              .problem=${this.problemText()}
              .rate=${this.rate}
              .msPerPrediction=${this.msPerPrediction}
            ></dd-guess-panel>
            <dd-key-help ?practice=${this.practice}></dd-key-help>
            <dd-saved-drawings></dd-saved-drawings>
          </aside>
        </div>
      </div>
    `;
  }

  private renderOverlay() {
    const g = this.game;
    if (g.phase === 'ready') {
      const classifier = this.model.classifier;
      return html`<dd-start-screen
        data-testid="start-screen"
        .model=${this.model.readiness}
        .rules=${g.rules}
        .targets=${classifier ? fairTargets(classifier.classQuality) : []}
        .targetNote=${classifier?.targetNote ?? ''}
        .best=${g.best}
        @start=${() => this.startRound()}
      ></dd-start-screen>`;
    }
    if (g.phase === 'over') {
      return html`<dd-round-summary data-testid="end-screen" .score=${g.score} .best=${g.best} ?newBest=${g.newBest} .turns=${g.turns} @play-again=${() => this.startRound()}></dd-round-summary>`;
    }
    return nothing;
  }

  private problemText(): string {
    const p = this.problem;
    if (!p) return '';
    return p.kind === 'guess'
      ? msg(str`The model could not guess: ${p.detail}`, { id: 'doodle.problem.guess' })
      : msg(str`This drawing could not be saved for the quantization lab: ${p.detail}`, { id: 'doodle.problem.save' });
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

  /** A model finished loading: guesses come from it from now on. */
  private startGuessing(classifier: LoadedSketchClassifier): void {
    this.problem = null;
    const predictor: LivePredictor = new LivePredictor(
      classifier.predictStep,
      {
        // Answers from a predictor replaced by a model switch are ignored.
        onPrediction: (p) => this.predictor === predictor && this.onPrediction(p.guesses),
        onError: (error) => {
          if (this.predictor === predictor) this.problem = { kind: 'guess', detail: errorText(error) };
        },
      },
      this.now,
    );
    this.predictor = predictor;
    predictor.update(this.canvas.pad);
  }

  private onPrediction(guesses: Guess[]): void {
    this.problem = null;
    this.guesses = guesses;
    this.updateMeter();
    this.dispatchGame({ type: 'guess', now: this.now(), guess: guesses[0] ?? null, drawing: this.canvas.pad.snapshot() });
  }

  private updateMeter(): void {
    this.rate = this.predictor?.rate() ?? 0;
    this.msPerPrediction = this.predictor?.meanMs() ?? null;
  }

  private startRound(): void {
    const classifier = this.model.classifier;
    if (!classifier || this.game.phase === 'playing') return;
    const deck = makeDeck(classifier.classQuality, Math.random);
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
      if (last.outcome === 'recognised') this.showToast(last.target);
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
        model: this.model.classifier?.description ?? this.model.choice.key,
        createdAt: Date.now(),
      });
      await this.renderRoot.querySelector<SavedDrawings>('dd-saved-drawings')?.refresh();
    } catch (error) {
      this.problem = { kind: 'save', detail: errorText(error) };
    }
  }

  private showToast(target: string): void {
    this.toast = { target, key: (this.toast?.key ?? 0) + 1 };
    window.clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => (this.toast = null), TOAST_MS);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'doodle-page': DoodlePage;
  }
}
