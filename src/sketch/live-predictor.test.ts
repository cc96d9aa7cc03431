import { describe, expect, it } from 'vitest';
import { LivePredictor, type PredictStep, type Prediction, type SketchClassifier } from './live-predictor';
import { Sketchpad } from './sketchpad';

const labels = ['circle', 'square', 'star', 'fish', 'cat', 'eye'];

function setup() {
  const requests: { bitmap: Uint8Array; answer: (p: number[]) => void }[] = [];
  const classifier: SketchClassifier = {
    labels,
    classify: (bitmap) => new Promise((resolve) => requests.push({ bitmap, answer: (p) => resolve(Float32Array.from(p)) })),
  };
  const predictions: Prediction[] = [];
  const errors: unknown[] = [];
  let clock = 0;
  const predictor = new LivePredictor(classifier, { onPrediction: (p) => predictions.push(p), onError: (e) => errors.push(e) }, () => clock);
  return { predictor, requests, predictions, errors, advance: (ms: number) => (clock += ms) };
}
const settle = () => new Promise((r) => setTimeout(r, 0));
const logits = [5, 4, 3, 2, 1, 0];

function line(pad: Sketchpad, from: number, to: number) {
  pad.begin({ x: from, y: from });
  pad.extend({ x: to, y: to / 2 });
  pad.end();
}

describe('live predictor', () => {
  it('asks nothing for a blank canvas', () => {
    const { predictor, requests } = setup();
    predictor.update(new Sketchpad());
    expect(requests).toHaveLength(0);
  });

  it('sends the drawing as a 28×28 ink bitmap and reports the top 5 guesses', async () => {
    const { predictor, requests, predictions } = setup();
    const pad = new Sketchpad();
    line(pad, 10, 200);
    predictor.update(pad);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.bitmap).toHaveLength(784);
    expect(Math.max(...requests[0]!.bitmap)).toBe(255);
    requests[0]!.answer(logits);
    await settle();
    expect(predictions).toHaveLength(1);
    expect(predictions[0]!.guesses.map((g) => g.label)).toEqual(['circle', 'square', 'star', 'fish', 'cat']);
    expect(predictions[0]!.version).toBe(pad.version);
  });

  it('while one request is in flight, only the newest drawing is sent next', async () => {
    const { predictor, requests, predictions } = setup();
    const pad = new Sketchpad();
    line(pad, 10, 100);
    predictor.update(pad);
    for (let i = 0; i < 5; i++) {
      line(pad, 20 + i, 150 + i * 10);
      predictor.update(pad);
    }
    expect(requests).toHaveLength(1);
    requests[0]!.answer(logits);
    await settle();
    expect(requests).toHaveLength(2);
    requests[1]!.answer(logits);
    await settle();
    expect(requests).toHaveLength(2);
    expect(predictions.at(-1)!.version).toBe(pad.version);
  });

  it('drops an answer that arrives after the canvas was cleared', async () => {
    const { predictor, requests, predictions } = setup();
    const pad = new Sketchpad();
    line(pad, 10, 100);
    predictor.update(pad);
    pad.clear();
    predictor.update(pad);
    requests[0]!.answer(logits);
    await settle();
    expect(predictions).toEqual([]);
  });

  it('measures completed predictions per second', async () => {
    const { predictor, requests, advance } = setup();
    const pad = new Sketchpad();
    for (let i = 0; i < 3; i++) {
      line(pad, i, 100 + i);
      predictor.update(pad);
      requests[i]!.answer(logits);
      await settle();
      advance(100);
    }
    expect(predictor.rate()).toBe(3);
    advance(2000);
    expect(predictor.rate()).toBe(0);
    expect(predictor.meanMs()).toBeNull();
  });

  it('reports a failing model and keeps working', async () => {
    const { predictor, requests, errors, predictions } = setup();
    const pad = new Sketchpad();
    line(pad, 10, 100);
    predictor.update(pad);
    requests[0]!.answer([0.5]);
    await settle();
    expect(String(errors[0])).toMatch(/returned 1 scores for 6 labels/);
    line(pad, 30, 120);
    predictor.update(pad);
    requests[1]!.answer(logits);
    await settle();
    expect(predictions).toHaveLength(1);
  });

  it('runs a pluggable predict step (image models) on the current strokes, with the same latest-wins scheduling', async () => {
    const calls: { strokes: number; answer: () => void }[] = [];
    const step: PredictStep = (strokes, count) =>
      new Promise((resolve) =>
        calls.push({ strokes: strokes.length, answer: () => resolve({ guesses: labels.slice(0, count).map((label) => ({ label, probability: 0.2 })) }) }),
      );
    const predictions: Prediction[] = [];
    const predictor = new LivePredictor(step, { onPrediction: (p) => predictions.push(p), onError: () => undefined }, () => 0);
    const pad = new Sketchpad();
    line(pad, 10, 100);
    predictor.update(pad);
    const first = pad.version;
    line(pad, 20, 120);
    predictor.update(pad);
    line(pad, 30, 140);
    predictor.update(pad);
    expect(calls).toHaveLength(1);
    calls[0]!.answer();
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.strokes).toBe(3);
    calls[1]!.answer();
    await settle();
    expect(predictions.map((p) => p.version)).toEqual([first, pad.version]);
    expect(predictions[0]!.guesses.map((g) => g.label)).toEqual(labels.slice(0, 5));
    expect(predictions[0]!.bitmap).toBeUndefined();
  });
});
