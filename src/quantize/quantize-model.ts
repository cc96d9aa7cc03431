import { decodeModel, encodeModel } from './proto';
import { QuantizeError } from './errors';
import { QuantizeContext } from './context';
import { defaultOpset, pruneUnusedInitializers } from './graph';
import { ensureOpset } from './opset';
import { findWeightCandidates } from './weights';
import { quantizeWeightsOnly } from './weight-only';
import { quantizeDynamic } from './dynamic';
import { quantizeStatic } from './static-qdq';
import { calibrationTensors, resolveRanges } from './calibration';
import type { ProgressCallback, QuantizeOptions, QuantizeReport, QuantizeResult } from './types';

const MODE_NAMES = { 'weight-only': 'Weight-only', dynamic: 'Dynamic', static: 'Static' } as const;

/**
 * Quantizes a float ONNX model to int8. The result has the same graph inputs and outputs, so it is a
 * drop-in replacement. Throws QuantizeError with a message for people when the model cannot be quantized.
 */
export async function quantizeModel(
  bytes: Uint8Array,
  options: QuantizeOptions,
  onProgress: ProgressCallback = () => {},
): Promise<QuantizeResult> {
  onProgress({ stage: 'reading', done: 0, total: 1 });
  const model = decodeModel(bytes);
  const opsetBefore = defaultOpset(model);
  let perChannel = options.perChannel ?? true;
  const report: QuantizeReport = {
    mode: options.mode,
    perChannel,
    bytesBefore: bytes.byteLength,
    bytesAfter: 0,
    opsetBefore,
    opsetAfter: opsetBefore,
    weights: [],
    activations: [],
    skipped: [],
    notes: [],
    calibrationSamples: 0,
  };

  // Per-channel DequantizeLinear needs its `axis` attribute (opset 13); dynamic mode needs DynamicQuantizeLinear (11).
  const required = options.mode === 'dynamic' ? 11 : perChannel ? 13 : 10;
  let opset = ensureOpset(model, required);
  if (!opset.ok && required === 13) {
    const perTensor = ensureOpset(model, 10);
    if (perTensor.ok) {
      perChannel = false;
      report.notes.push(`Per-channel scales need opset 13 and this model (opset ${opsetBefore}) uses ${opset.blockers.join(', ')}; one scale per tensor was used instead.`);
      opset = perTensor;
    }
  }
  if (!opset.ok) {
    const reason = opsetBefore < 10 ? 'which predates ONNX quantization operators' : `and uses ${opset.blockers.join(', ')}, whose meaning changed in later opsets`;
    throw new QuantizeError(
      'unsupported-opset',
      `${MODE_NAMES[options.mode]} quantization needs ONNX opset ${required} or newer; this model uses opset ${opsetBefore} ${reason}. Re-export it with opset ${Math.max(required, 13)}.`,
    );
  }
  if (opset.raisedFrom !== undefined) report.notes.push(`Opset raised from ${opset.raisedFrom} to ${required}; every operator in the model means the same there.`);
  report.perChannel = perChannel;
  report.opsetAfter = defaultOpset(model);

  const graph = model.graph!;
  const { candidates, skipped } = findWeightCandidates(graph);
  report.skipped = skipped;
  if (candidates.length === 0) {
    throw new QuantizeError(
      'no-float-weights',
      'This model has no float32 Conv, Gemm or MatMul weights to quantize (it may already be quantized).',
    );
  }

  const context = new QuantizeContext(model, report);
  let done = 0;
  if (options.mode === 'weight-only') {
    quantizeWeightsOnly(context, candidates, perChannel, () => onProgress({ stage: 'quantizing', done: ++done, total: candidates.length }));
  } else if (options.mode === 'dynamic') {
    const total = graph.node!.length;
    quantizeDynamic(context, candidates, perChannel, () => onProgress({ stage: 'quantizing', done: ++done, total }));
  } else {
    const tensors = calibrationTensors(graph);
    const { ranges, sampleCount } = await resolveRanges(bytes, tensors, options.calibration, (count) =>
      onProgress({ stage: 'calibrating', done: count, total: 0 }),
    );
    report.calibrationSamples = sampleCount;
    const total = candidates.length + graph.node!.length;
    quantizeStatic(context, candidates, perChannel, ranges, () => onProgress({ stage: 'quantizing', done: ++done, total }));
  }
  pruneUnusedInitializers(graph);

  onProgress({ stage: 'writing', done: 0, total: 1 });
  const output = encodeModel(model);
  report.bytesAfter = output.byteLength;
  onProgress({ stage: 'writing', done: 1, total: 1 });
  return { bytes: output, report };
}
