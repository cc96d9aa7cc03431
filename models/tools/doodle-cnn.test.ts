import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import * as ortWeb from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { SKETCH_INPUT_SPEC } from '../../src/sketch/input-spec';
import { bitmapToInput, sketchInputShape, strokesToInput } from '../../src/sketch/model-input';
import { labelsFromConfig, topPredictions } from '../../src/sketch/predictions';
import { parseQuickDrawNdjson } from '../../src/sketch/quickdraw-ndjson';
import { rasteriseStrokes, type Stroke } from '../../src/sketch/rasterise';
import { loadBitmapFolder } from './sketch-data';
import { classifyBatch, loadSketchModel } from './sketch-onnx';
import { scoreLogits } from './sketch-scores';
import { top1Agreement } from '../../src/quantize/metrics';

const MODEL_DIR = resolve(__dirname, '../doodle-cnn');
const QUICKDRAW = resolve(__dirname, '../../../shared/data/quickdraw');
const PIXELS = SKETCH_INPUT_SPEC.size * SKETCH_INPUT_SPEC.size;
const modelBuilt = existsSync(`${MODEL_DIR}/onnx/model.onnx`) && existsSync(`${MODEL_DIR}/onnx/model_quantized.onnx`);
const dataAvailable = existsSync(`${QUICKDRAW}/train`) && existsSync(`${QUICKDRAW}/strokes`);
if (!dataAvailable) console.warn(`Skipping the bundled sketch model checks: ${QUICKDRAW} not found.`);
/**
 * train_sketch.py never trains on rows ≥ 2250 of each class (its validation split); the last 50 of each class keep
 * this test quick in WASM while still covering every class.
 */
const HELD_OUT_FROM = 2450;

const labels = () => labelsFromConfig(JSON.parse(readFileSync(`${MODEL_DIR}/config.json`, 'utf8')));

describe('bundled sketch model files', () => {
  it('are present in the transformers.js layout with labels for every class', () => {
    expect(modelBuilt).toBe(true);
    expect(labels().length).toBeGreaterThan(1);
  });

  it('recognises shapes drawn like a mouse on the page: dense points in canvas pixels', async () => {
    const polyline = (points: [number, number][]): Stroke => [points.map((p) => p[0]), points.map((p) => p[1])];
    const arc = (cx: number, cy: number, r: number, from: number, to: number, steps = 48) =>
      polyline(Array.from({ length: steps + 1 }, (_, i) => {
        const angle = from + ((to - from) * i) / steps;
        return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
      }));
    const drawings: Record<string, Stroke[]> = {
      circle: [arc(300, 200, 120, 0, 2 * Math.PI)],
      square: [polyline([[100, 100], [400, 100], [400, 400], [100, 400], [100, 100]])],
      star: [polyline(Array.from({ length: 6 }, (_, i) => {
        const angle = -Math.PI / 2 + (i * 4 * Math.PI) / 5;
        return [250 + 150 * Math.cos(angle), 250 + 150 * Math.sin(angle)];
      }))],
      'smiley face': [arc(300, 200, 120, 0, 2 * Math.PI), arc(255, 170, 4, 0, 2 * Math.PI, 8), arc(345, 170, 4, 0, 2 * Math.PI, 8), arc(300, 220, 50, 0.2, Math.PI - 0.2)],
      rainbow: [0, 1, 2].map((k) => arc(300, 300, 150 - 30 * k, Math.PI, 2 * Math.PI)),
    };
    const known = labels();
    const model = await loadSketchModel(`${MODEL_DIR}/onnx/model.onnx`);
    for (const [label, strokes] of Object.entries(drawings)) {
      const [logits] = await classifyBatch(model, strokesToInput(strokes)!, 1);
      expect(topPredictions(logits, known, 1)[0].label, label).toBe(label);
    }
  });
});

describe.skipIf(!dataAvailable)('bundled sketch model on Quick, Draw! data (needs ../shared/data)', () => {
  it('knows exactly the classes of the training folder', () => {
    const classes = readdirSync(`${QUICKDRAW}/train`).filter((f) => f.endsWith('.npy')).map((f) => f.slice(0, -4)).sort();
    expect(labels()).toEqual(classes);
  });

  it('recognises stroke drawings rasterised by our own pipeline, as a page drawing would be', async () => {
    const known = labels();
    const bitmaps: Uint8Array[] = [];
    const truth: number[] = [];
    for (const [index, label] of known.entries()) {
      const path = `${QUICKDRAW}/strokes/${label}.ndjson`;
      for (const drawing of parseQuickDrawNdjson(readFileSync(path, 'utf8'), path)) {
        bitmaps.push(rasteriseStrokes(drawing.strokes)!);
        truth.push(index);
      }
    }
    const inputs = new Float32Array(bitmaps.length * PIXELS);
    bitmaps.forEach((bitmap, i) => bitmapToInput(bitmap, SKETCH_INPUT_SPEC, inputs, i * PIXELS));
    const model = await loadSketchModel(`${MODEL_DIR}/onnx/model.onnx`);
    const scores = scoreLogits(await classifyBatch(model, inputs, truth.length), truth, known);
    expect(scores.top1).toBeGreaterThan(0.88);
  });

  it('runs int8 in onnxruntime-web (WASM) with the same answers as fp32 on held-out drawings', async () => {
    const known = labels();
    const data = await loadBitmapFolder(`${QUICKDRAW}/train`, known, HELD_OUT_FROM);
    const count = data.truth.length;
    const inputs = new Float32Array(count * PIXELS);
    for (let i = 0; i < count; i++) bitmapToInput(data.bitmaps.subarray(i * PIXELS, (i + 1) * PIXELS), SKETCH_INPUT_SPEC, inputs, i * PIXELS);

    const fp32 = await classifyBatch(await loadSketchModel(`${MODEL_DIR}/onnx/model.onnx`), inputs, count);
    ortWeb.env.wasm.numThreads = 1;
    const session = await ortWeb.InferenceSession.create(readFileSync(`${MODEL_DIR}/onnx/model_quantized.onnx`), { executionProviders: ['wasm'] });
    const int8: Float32Array[] = [];
    for (let start = 0; start < count; start += 100) {
      const n = Math.min(100, count - start);
      const batch = new ortWeb.Tensor('float32', inputs.subarray(start * PIXELS, (start + n) * PIXELS), sketchInputShape(n));
      const logits = (await session.run({ input: batch })).logits.data as Float32Array;
      for (let i = 0; i < n; i++) int8.push(logits.slice(i * known.length, (i + 1) * known.length));
    }

    expect(top1Agreement(fp32, int8)).toBeGreaterThanOrEqual(0.98);
    expect(scoreLogits(fp32, data.truth, known).top1).toBeGreaterThanOrEqual(0.94);
    expect(scoreLogits(int8, data.truth, known).top1).toBeGreaterThanOrEqual(0.93);
  });
});
