// Doodle Dash rules as a pure state machine: every event carries the time it happened (`now`, ms from any
// monotonic clock), so the page injects its clock and tests drive time by hand.

import type { SketchPrediction } from '../../sketch';
import type { TurnOutcome } from '../../sketch/labelled-drawing';

export type Guess = SketchPrediction;

/** One target of the round, closed by recognition, skip or the end of the round. `D` is the drawing snapshot. */
export interface Turn<D> {
  target: string;
  outcome: TurnOutcome;
  /** The model's last guess for this drawing (null when nothing was drawn or no guess came back). */
  guess: Guess | null;
  drawing: D;
}

export interface GameRules {
  roundMs: number;
  /** A guess counts when its label is the target and its probability is at least this. */
  threshold: number;
}

export const DEFAULT_RULES: GameRules = { roundMs: 60_000, threshold: 0.7 };

export type GameState<D> =
  | { phase: 'ready'; best: number; rules: GameRules }
  | {
      phase: 'playing';
      best: number;
      rules: GameRules;
      score: number;
      endsAt: number;
      deck: readonly string[];
      deckIndex: number;
      target: string;
      currentGuess: Guess | null;
      turns: readonly Turn<D>[];
    }
  | { phase: 'over'; best: number; rules: GameRules; score: number; turns: readonly Turn<D>[]; newBest: boolean };

export type GameEvent<D> =
  | { type: 'start'; now: number; deck: readonly string[] }
  /** A prediction for the drawing currently on the canvas. */
  | { type: 'guess'; now: number; guess: Guess | null; drawing: D }
  | { type: 'skip'; now: number; drawing: D }
  | { type: 'tick'; now: number; drawing: D };

export function initialGame<D>(best = 0, rules: GameRules = DEFAULT_RULES): GameState<D> {
  return { phase: 'ready', best, rules };
}

export function msLeft<D>(state: GameState<D>, now: number): number {
  return state.phase === 'playing' ? Math.max(0, state.endsAt - now) : 0;
}

function isRecognised(guess: Guess | null, target: string, rules: GameRules): boolean {
  return guess !== null && guess.label === target && guess.probability >= rules.threshold;
}

export function gameReducer<D>(state: GameState<D>, event: GameEvent<D>): GameState<D> {
  if (event.type === 'start') return start(state, event.now, event.deck);
  if (state.phase !== 'playing') return state;
  // Time is checked first: a guess or skip that arrives after the buzzer does not count.
  if (event.now >= state.endsAt) return finish(state, event.drawing);
  switch (event.type) {
    case 'tick':
      return state;
    case 'skip':
      return nextTarget(state, closeTurn(state, 'skipped', event.drawing), state.score);
    case 'guess':
      if (isRecognised(event.guess, state.target, state.rules)) {
        const turn: Turn<D> = { target: state.target, outcome: 'recognised', guess: event.guess, drawing: event.drawing };
        return nextTarget(state, turn, state.score + 1);
      }
      return { ...state, currentGuess: event.guess };
  }
}

function start<D>(state: GameState<D>, now: number, deck: readonly string[]): GameState<D> {
  if (deck.length === 0) throw new Error('A round needs at least one target class.');
  return {
    phase: 'playing',
    best: state.best,
    rules: state.rules,
    score: 0,
    endsAt: now + state.rules.roundMs,
    deck,
    deckIndex: 0,
    target: deck[0]!,
    currentGuess: null,
    turns: [],
  };
}

type Playing<D> = Extract<GameState<D>, { phase: 'playing' }>;

function closeTurn<D>(state: Playing<D>, outcome: TurnOutcome, drawing: D): Turn<D> {
  return { target: state.target, outcome, guess: state.currentGuess, drawing };
}

function nextTarget<D>(state: Playing<D>, turn: Turn<D>, score: number): GameState<D> {
  const deckIndex = (state.deckIndex + 1) % state.deck.length;
  return {
    ...state,
    score,
    deckIndex,
    target: state.deck[deckIndex]!,
    currentGuess: null,
    turns: [...state.turns, turn],
  };
}

function finish<D>(state: Playing<D>, drawing: D): GameState<D> {
  // The unfinished target joins the gallery only when something was drawn or guessed for it.
  const unfinished = state.currentGuess !== null ? [closeTurn(state, 'timed-out', drawing)] : [];
  const newBest = state.score > state.best;
  return {
    phase: 'over',
    best: Math.max(state.best, state.score),
    rules: state.rules,
    score: state.score,
    turns: [...state.turns, ...unfinished],
    newBest,
  };
}
