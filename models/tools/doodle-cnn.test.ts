import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SKETCH_INPUT_SPEC } from '../../src/sketch/input-spec';
import { bitmapToInput, strokesToInput } from '../../src/sketch/model-input';
import { labelsFromConfig, topPredictions } from '../../src/sketch/predictions';
import { parseQuickDrawNdjson } from '../../src/sketch/quickdraw-ndjson';
import { rasteriseStrokes } from '../../src/sketch/rasterise';
import { loadBitmapFolder } from './sketch-data';
import { classifyBatch, loadSketchModel } from './sketch-onnx';
import { scoreLogits } from './sketch-scores';
import { top1Agreement } from '../../src/quantize/metrics';
import { classifyInWasm } from './testing/ort-web';
import { syntheticDrawings } from './testing/synthetic-drawings';

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
    const known = labels();
    const model = await loadSketchModel(`${MODEL_DIR}/onnx/model.onnx`);
    for (const [label, strokes] of Object.entries(syntheticDrawings())) {
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
    const int8 = await classifyInWasm(readFileSync(`${MODEL_DIR}/onnx/model_quantized.onnx`), inputs, count);

    expect(top1Agreement(fp32, int8)).toBeGreaterThanOrEqual(0.98);
    expect(scoreLogits(fp32, data.truth, known).top1).toBeGreaterThanOrEqual(0.94);
    expect(scoreLogits(int8, data.truth, known).top1).toBeGreaterThanOrEqual(0.93);
  });
});
