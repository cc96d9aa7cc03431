import { describe, expect, it } from 'vitest';
import { gameReducer, initialGame, msLeft, type GameEvent, type GameState } from './game';

type Drawing = string;
const rules = { roundMs: 60_000, threshold: 0.7 };
const deck = ['fish', 'star', 'cat'];

function play(events: GameEvent<Drawing>[], best = 0): GameState<Drawing> {
  return events.reduce(gameReducer<Drawing>, initialGame<Drawing>(best, rules));
}
const guess = (now: number, label: string, probability: number, drawing = 'ink'): GameEvent<Drawing> => ({
  type: 'guess', now, guess: { label, probability }, drawing,
});

describe('doodle game', () => {
  it('starts a 60 s round on the first target with score 0', () => {
    const state = play([{ type: 'start', now: 1000, deck }]);
    expect(state.phase).toBe('playing');
    if (state.phase !== 'playing') return;
    expect(state.target).toBe('fish');
    expect(state.score).toBe(0);
    expect(msLeft(state, 1000)).toBe(60_000);
    expect(msLeft(state, 31_000)).toBe(30_000);
  });

  it('scores when the top guess is the target above the threshold, then moves to the next target', () => {
    const state = play([{ type: 'start', now: 0, deck }, guess(500, 'fish', 0.9, 'fish drawing')]);
    if (state.phase !== 'playing') throw new Error('round should go on');
    expect(state.score).toBe(1);
    expect(state.target).toBe('star');
    expect(state.turns).toEqual([
      { target: 'fish', outcome: 'recognised', guess: { label: 'fish', probability: 0.9 }, drawing: 'fish drawing' },
    ]);
  });

  it('does not score a right label below the threshold, nor a wrong label', () => {
    const state = play([{ type: 'start', now: 0, deck }, guess(100, 'fish', 0.5), guess(200, 'cat', 0.99)]);
    if (state.phase !== 'playing') throw new Error('round should go on');
    expect(state.score).toBe(0);
    expect(state.target).toBe('fish');
    expect(state.currentGuess).toEqual({ label: 'cat', probability: 0.99 });
  });

  it('skip records the last guess, keeps the score and shows the next target', () => {
    const state = play([
      { type: 'start', now: 0, deck },
      guess(100, 'cat', 0.4, 'scribble'),
      { type: 'skip', now: 200, drawing: 'scribble' },
    ]);
    if (state.phase !== 'playing') throw new Error('round should go on');
    expect(state.score).toBe(0);
    expect(state.target).toBe('star');
    expect(state.currentGuess).toBeNull();
    expect(state.turns[0]).toEqual({
      target: 'fish', outcome: 'skipped', guess: { label: 'cat', probability: 0.4 }, drawing: 'scribble',
    });
  });

  it('cycles through the deck when every target was used', () => {
    const state = play([
      { type: 'start', now: 0, deck: ['fish', 'star'] },
      { type: 'skip', now: 1, drawing: '' },
      { type: 'skip', now: 2, drawing: '' },
    ]);
    expect(state.phase === 'playing' && state.target).toBe('fish');
  });

  it('ends on time out, keeps the unfinished drawing in the gallery, and ignores a late guess', () => {
    const state = play([
      { type: 'start', now: 0, deck },
      guess(1000, 'fish', 0.95),
      guess(59_000, 'cat', 0.3, 'half a star'),
      guess(60_000, 'star', 0.99, 'late star'),
    ]);
    expect(state.phase).toBe('over');
    if (state.phase !== 'over') return;
    expect(state.score).toBe(1);
    expect(state.turns.map((t) => [t.target, t.outcome, t.drawing])).toEqual([
      ['fish', 'recognised', 'ink'],
      ['star', 'timed-out', 'late star'],
    ]);
  });

  it('a tick before the end changes nothing; a tick at the end finishes the round', () => {
    const started = play([{ type: 'start', now: 0, deck }]);
    expect(gameReducer(started, { type: 'tick', now: 59_999, drawing: '' })).toBe(started);
    const over = gameReducer(started, { type: 'tick', now: 60_000, drawing: '' });
    expect(over.phase).toBe('over');
    expect(over.phase === 'over' && over.turns).toEqual([]);
  });

  it('keeps the best score across rounds and flags a new best', () => {
    const first = play([{ type: 'start', now: 0, deck }, guess(1, 'fish', 1), guess(2, 'star', 1), { type: 'tick', now: 60_000, drawing: '' }], 1);
    expect(first.phase === 'over' && [first.score, first.best, first.newBest]).toEqual([2, 2, true]);
    const second = [{ type: 'start', now: 70_000, deck } as const, { type: 'tick', now: 130_000, drawing: '' } as const]
      .reduce(gameReducer<Drawing>, first);
    expect(second.phase === 'over' && [second.score, second.best, second.newBest]).toEqual([0, 2, false]);
  });

  it('play again starts a fresh round from the end screen', () => {
    const over = play([{ type: 'start', now: 0, deck }, guess(1, 'fish', 1), { type: 'tick', now: 60_000, drawing: '' }]);
    const again = gameReducer(over, { type: 'start', now: 100_000, deck: ['cat'] });
    expect(again.phase === 'playing' && [again.score, again.target, again.turns.length, msLeft(again, 100_000)])
      .toEqual([0, 'cat', 0, 60_000]);
  });

  it('ignores guesses and skips outside a round', () => {
    const ready = initialGame<Drawing>(0, rules);
    expect(gameReducer(ready, guess(1, 'fish', 1))).toBe(ready);
    expect(gameReducer(ready, { type: 'skip', now: 1, drawing: '' })).toBe(ready);
  });

  it('refuses to start without targets', () => {
    expect(() => play([{ type: 'start', now: 0, deck: [] }])).toThrow(/at least one target/);
  });
});
