import { beforeEach, describe, expect, it, vi } from 'vitest';
import { QuantizeError } from '../../quantize/errors';
import type { LayerSensitivity, MixedPrecisionResult } from '../../quantize/sensitivity';
import type { SensitivityWorkerOptions } from '../../quantize/worker-api';
import { buildSmallCnn } from '../../quantize/testing/model-builder';
import type { StoredVariant } from '../../runtime/variant-store';
import type { EvalDrawing, SampleOrigin } from './eval-samples';
import { checkDrawings, checkTarget, comparedOn, measureSensitivity, mixedForLab, mixedSummary, sensitivityFailure, type SensitivityContext } from './lab-sensitivity';
import { QUANTIZE_METHODS } from './quantize-methods';

// The worker is replaced by what it answers: the flow's part is what it sends, keeps and says.
const worker = vi.hoisted(() => ({ sensitivity: vi.fn(), mixed: vi.fn() }));
vi.mock('../../runtime/quantize-client', () => ({ layerSensitivityInWorker: worker.sensitivity, mixedPrecisionInWorker: worker.mixed }));
vi.mock('../../runtime/capabilities', () => ({ probeCapabilities: async () => ({ wasmThreads: 1 }) }));

const weightOnly = QUANTIZE_METHODS.find((m) => m.mode === 'weight-only')!;
const staticInt8 = QUANTIZE_METHODS.find((m) => m.mode === 'static')!;
const drawings = (n: number, label = 'cat'): EvalDrawing[] => Array.from({ length: n }, (_, i) => ({ label, bitmap: new Uint8Array(784).fill(i % 255) }));
const MODEL_BYTES = buildSmallCnn({ classes: 16 });
const opened: StoredVariant = { id: 'f1', modelId: 'file', name: 'mine.onnx', mode: 'opened', bytes: MODEL_BYTES, createdAt: 1 };

function context(sets: Partial<Record<SampleOrigin, EvalDrawing[]>>, origin: SampleOrigin = 'synthetic'): SensitivityContext {
  return { model: { id: 'file:f1', title: 'mine.onnx · your file', opened }, origin, drawings: sets[origin] ?? [], drawingsOf: (o) => sets[o] ?? [], onStatus: () => {}, onProgress: () => {} };
}

const LAYERS: LayerSensitivity[] = [
  { layer: 'conv1', op: 'Conv', weight: 'conv1.weight', agreement: 0.875, klDivergence: 0.02, sqnrDb: 18 },
  { layer: 'fc', op: 'Gemm', weight: 'fc.weight', agreement: 1, klDivergence: 0.001, sqnrDb: 30 },
  { layer: 'conv2', op: 'Conv', weight: 'conv2.weight', agreement: 1, klDivergence: 0, sqnrDb: 41 },
];

function mixedResult(overrides: Partial<MixedPrecisionResult>): MixedPrecisionResult {
  return {
    keptInFloat: ['conv1'], agreement: 0.9955, klDivergence: 0.001, sqnrDb: 30, bytes: 25_000, model: new Uint8Array(25_000),
    report: { mode: 'weight-only', perChannel: true, bytesBefore: 100_000, bytesAfter: 25_000, opsetBefore: 13, opsetAfter: 13, weights: [], activations: [], skipped: [{ name: 'conv1', reason: 'kept in float (excluded)' }], notes: [], calibrationSamples: 0 },
    reached: true, targetAgreement: 0.99, steps: [{ keptInFloat: 0, agreement: 0.9, bytes: 24_000 }, { keptInFloat: 1, agreement: 0.9955, bytes: 25_000 }], sensitivity: LAYERS,
    ...overrides,
  } as MixedPrecisionResult;
}

beforeEach(() => {
  worker.sensitivity.mockReset();
  worker.mixed.mockReset();
});

describe('lab sensitivity: what is checked before the worker starts', () => {
  it('refuses a comparison set below 16 drawings, naming the set and its count, and starts nothing', async () => {
    for (const n of [0, 1, 15]) {
      const run = measureSensitivity({ method: weightOnly }, context({ drawn: drawings(n) }, 'drawn'));
      await expect(run).rejects.toThrow(`Per-layer sensitivity compares on at least 16 drawings; drawings made here has ${n}.`);
    }
    expect(worker.sensitivity).not.toHaveBeenCalled();
    expect(() => checkDrawings({ method: weightOnly }, context({ synthetic: drawings(16) }))).not.toThrow();
  });

  it('needs calibration drawings only for a method that calibrates, from the set chosen for it', () => {
    const sets = { synthetic: drawings(32), drawn: drawings(3) };
    expect(() => checkDrawings({ method: weightOnly, calibrationOrigin: 'drawn' }, context(sets))).not.toThrow();
    expect(() => checkDrawings({ method: staticInt8, calibrationOrigin: 'drawn' }, context(sets))).toThrow(
      'Static int8 calibrates on at least 16 drawings; drawings made here has 3. Choose another set to calibrate on.',
    );
    expect(() => checkDrawings({ method: staticInt8, calibrationOrigin: 'synthetic' }, context(sets))).not.toThrow();
  });

  it('accepts a target agreement from 0.90 to 1 only', () => {
    for (const ok of [0.9, 0.95, 0.99, 1]) expect(() => checkTarget(ok)).not.toThrow();
    for (const bad of [Number.NaN, 0, 0.899, 1.001, 99]) expect(() => checkTarget(bad), String(bad)).toThrow('The target agreement must be a number from 0.90 to 1.00.');
  });
});

describe('lab sensitivity: the runs', () => {
  it('measures on the comparison drawings as model inputs, with calibration inputs for static int8 only', async () => {
    worker.sensitivity.mockResolvedValue(LAYERS);
    const sets = { synthetic: drawings(16), game: drawings(20, 'dog') };
    const measured = await measureSensitivity({ method: weightOnly }, context(sets));
    expect(measured.layers).toEqual(LAYERS);
    expect(comparedOn(measured.compared)).toBe('16 synthetic shapes · 1 class');
    let options = worker.sensitivity.mock.calls[0]![1] as SensitivityWorkerOptions;
    expect(options.mode).toBe('weight-only');
    expect(options.samples).toHaveLength(16);
    expect(options.samples![0]!.input!.dims).toEqual([1, 1, 28, 28]);
    expect(options.calibrationInputs).toBeUndefined();

    await measureSensitivity({ method: staticInt8, calibrationOrigin: 'game' }, context(sets));
    options = worker.sensitivity.mock.calls[1]![1] as SensitivityWorkerOptions;
    expect(options.mode).toBe('static');
    expect(options.calibrationInputs).toHaveLength(20);
  });

  it('reuses the measured ranking for mixed precision only when model, format and drawings are the same', async () => {
    worker.sensitivity.mockResolvedValue(LAYERS);
    worker.mixed.mockResolvedValue(mixedResult({}));
    const sets = { synthetic: drawings(16), imported: drawings(17) };
    const measured = await measureSensitivity({ method: weightOnly }, context(sets));
    await mixedForLab({ method: weightOnly }, context(sets), 0.99, measured);
    expect((worker.mixed.mock.calls[0]![1] as SensitivityWorkerOptions).sensitivity).toEqual(LAYERS);
    expect((worker.mixed.mock.calls[0]![1] as SensitivityWorkerOptions).targetAgreement).toBe(0.99);
    await mixedForLab({ method: staticInt8, calibrationOrigin: 'synthetic' }, context(sets), 0.99, measured);
    expect((worker.mixed.mock.calls[1]![1] as SensitivityWorkerOptions).sensitivity).toBeUndefined();
    await mixedForLab({ method: weightOnly }, context(sets, 'imported'), 0.99, measured);
    expect((worker.mixed.mock.calls[2]![1] as SensitivityWorkerOptions).sensitivity).toBeUndefined();
  });

  it('makes a variant of the model with the layers kept in fp32 when the target is reached, and none when it is not', async () => {
    const sets = { synthetic: drawings(16) };
    worker.mixed.mockResolvedValue(mixedResult({}));
    const reached = await mixedForLab({ method: weightOnly }, context(sets), 0.99);
    expect(reached.made!.variant).toMatchObject({ modelId: 'file:f1', name: 'mine.onnx', mode: 'weight-only', keptInFloat: ['conv1'] });
    expect(reached.made!.variant.bytes.byteLength).toBe(25_000);

    // A format with settings runs with its defaults, and the variant carries them (it is named from them).
    const int4 = QUANTIZE_METHODS.find((m) => m.mode === 'int4')!;
    const blocks = await mixedForLab({ method: int4 }, context(sets), 0.99);
    expect(worker.mixed.mock.calls[1]![1]).toMatchObject({ mode: 'int4', blockSize: 32, symmetric: true });
    expect(blocks.made!.variant).toMatchObject({ mode: 'int4', options: { blockSize: 32, symmetric: true }, keptInFloat: ['conv1'] });

    worker.mixed.mockResolvedValue(mixedResult({ reached: false, report: null, keptInFloat: ['conv1', 'fc', 'conv2'], agreement: 1, bytes: MODEL_BYTES.byteLength, targetAgreement: 1 }));
    const missed = await mixedForLab({ method: weightOnly }, context(sets), 1);
    expect(missed.made).toBeUndefined();

    // Reached with no layer in fp32: that is the format itself, which "Quantize here" makes; no second copy.
    worker.mixed.mockResolvedValue(mixedResult({ keptInFloat: [] }));
    const plain = await mixedForLab({ method: weightOnly }, context(sets), 0.99);
    expect(plain.made).toBeUndefined();
  });

  it('turns each worker failure into a message for people that says nothing was stored, and lets a stop through as a stop', async () => {
    const sets = { synthetic: drawings(16) };
    worker.sensitivity.mockRejectedValueOnce(new QuantizeError('no-float-weights', 'This model has no Conv, Gemm or MatMul with a stored float weight.'));
    await expect(measureSensitivity({ method: weightOnly }, context(sets))).rejects.toThrow(
      'There are no float weights to quantize: This model has no Conv, Gemm or MatMul with a stored float weight. Nothing was stored; your models are unchanged.',
    );
    worker.mixed.mockRejectedValueOnce(new QuantizeError('self-check-failed', 'Self-check failed: output "logits" differs by 9.1.'));
    await expect(mixedForLab({ method: weightOnly }, context(sets), 0.99)).rejects.toThrow(
      'The quantized model failed its check against the fp32 model, so it was not kept: Self-check failed: output "logits" differs by 9.1. Nothing was stored; your models are unchanged.',
    );
    expect(sensitivityFailure(new Error('out of memory')).message).toBe('The quantize worker failed: out of memory Nothing was stored; your models are unchanged.');
    const stop = new DOMException('stopped', 'AbortError');
    expect(sensitivityFailure(stop)).toBe(stop);
  });
});

describe('mixedSummary', () => {
  const base = { floatBytes: 100_000, layerCount: 3, compared: { origin: 'synthetic' as const, drawings: drawings(16) } };

  it('says how many layers stayed fp32, the agreement against the target and the size', () => {
    expect(mixedSummary({ ...base, result: mixedResult({}) })).toBe(
      'Kept 1 of 3 layers in fp32: agreement with fp32 0.996 (target 0.990) on 16 synthetic shapes · 1 class; 25.0 kB, 4.00× smaller.',
    );
    expect(mixedSummary({ ...base, result: mixedResult({ keptInFloat: [], agreement: 1 }) })).toBe(
      'No layer needs fp32: with every layer quantized the agreement with fp32 is 1.000 (target 0.990) on 16 synthetic shapes · 1 class; 25.0 kB, 4.00× smaller. Nothing was stored: make it with "Quantize here". Drawings like the real ones (your game drawings, an imported file) show differences the synthetic shapes may not.',
    );
  });

  it('says plainly when no mix reaches the target, with the best agreement tried, and that nothing was stored', () => {
    const result = mixedResult({ reached: false, report: null, targetAgreement: 1, steps: [{ keptInFloat: 0, agreement: 0.9, bytes: 1 }, { keptInFloat: 2, agreement: 0.9375, bytes: 2 }] });
    expect(mixedSummary({ ...base, result })).toBe(
      'No mix smaller than fp32 reaches agreement 1.000 on 16 synthetic shapes · 1 class: the best was 0.938. Nothing was stored; lower the target or choose another format.',
    );
  });
});
