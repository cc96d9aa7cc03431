import { decodeModel, encodeModel } from './proto';
import { QuantizeError } from './errors';
import { QuantizeContext } from './context';
import { defaultOpset, dropUnreadDefaultInputs, pruneUnusedInitializers } from './graph';
import { ensureOpset } from './opset';
import { findWeightCandidates, foldWeightTransposes } from './weights';
import { quantizeWeightsOnly } from './weight-only';
import { quantizeDynamic } from './dynamic';
import { quantizeStatic } from './static-qdq';
import { calibrationTensors, resolveRanges } from './calibration';
import { selfCheck } from './self-check';
import { EXCLUDED_REASON, excludedNodes, nodeId } from './exclusion';
import { smoothModel } from './smooth-quant';
import { isWeightFormat, quantizeWeightFormat } from './weight-formats';
import type { ProgressCallback, QuantizeOptions, QuantizeReport, QuantizeResult } from './types';

const MODE_NAMES = { 'weight-only': 'Weight-only', dynamic: 'Dynamic', static: 'Static', fp16: 'fp16', int4: 'int4', palette: 'Palette' } as const;

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
  const original = bytes;
  let smoothQuant: QuantizeReport['smoothQuant'];
  if (options.smoothQuant) {
    // The smoothed float model computes the same function; everything below (and the self-check) starts from it.
    ({ bytes, report: smoothQuant } = await smoothModel(bytes, options, (count) => onProgress({ stage: 'calibrating', done: count, total: 0 })));
  }
  const model = decodeModel(bytes);
  const opsetBefore = defaultOpset(model);
  let perChannel = options.perChannel ?? true;
  const report: QuantizeReport = {
    mode: options.mode,
    perChannel,
    bytesBefore: original.byteLength,
    bytesAfter: 0,
    opsetBefore,
    opsetAfter: opsetBefore,
    weights: [],
    activations: [],
    skipped: [],
    notes: [],
    calibrationSamples: 0,
    ...(smoothQuant ? { smoothQuant } : {}),
  };

  const graph = model.graph!;
  const folded = foldWeightTransposes(graph);
  if (folded.length > 0) report.notes.push(`Transpose of ${quoted(folded)} folded into the stored weight, so it is quantized too.`);
  const excluded = excludedNodes(graph, options.nodes?.exclude);
  const found = findWeightCandidates(graph);
  const { skipped, unusable } = found;
  // A weight read by an excluded node stays float for every reader: one stored copy serves them all.
  const candidates = found.candidates.filter((candidate) => !candidate.consumers.some((node) => excluded.has(nodeId(node))));
  report.skipped = [...skipped, ...[...excluded].map((name) => ({ name, reason: EXCLUDED_REASON }))];
  for (const candidate of found.candidates.filter((c) => !candidates.includes(c) && c.consumers.some((node) => !excluded.has(nodeId(node))))) {
    report.notes.push(`"${candidate.name}" stays float for every node reading it, since one of them is excluded.`);
  }
  if (candidates.length === 0 && found.candidates.length > 0) {
    throw new QuantizeError('no-float-weights', 'Every Conv, Gemm and MatMul with a stored weight is excluded from quantization; there is nothing left to quantize.');
  }
  if (candidates.length === 0) throw noFloatWeights(unusable);
  // Older exporters list weights as graph inputs too (overridable defaults); a quantized weight is replaced, so
  // its input entry goes, which onnxruntime needs (an input may not be a node's output) and callers never feed.
  const quantizedNames = new Set(candidates.map((candidate) => candidate.name));
  const listed = (graph.input ?? []).filter((input) => quantizedNames.has(input.name ?? '')).map((input) => input.name ?? '');
  if (listed.length > 0) {
    graph.input = graph.input!.filter((input) => !quantizedNames.has(input.name ?? ''));
    report.notes.push(`${quoted(listed)} ${listed.length > 1 ? 'were' : 'was'} also listed as graph input${listed.length > 1 ? 's' : ''} (overridable defaults, as older exporters wrote weights); quantized, and no longer listed as inputs.`);
  }

  // Per-channel DequantizeLinear needs its `axis` attribute (opset 13); dynamic mode needs DynamicQuantizeLinear
  // (11); static needs 11 because onnxruntime writes Round (opset 11) when it fuses a quantized Conv bias.
  const minimum = options.mode === 'weight-only' ? 10 : 11;
  // Weight formats raise the opset themselves where an operator needs it (weight-formats.ts).
  const required = isWeightFormat(options.mode) ? opsetBefore : perChannel ? 13 : minimum;
  let opset = ensureOpset(model, required);
  if (!opset.ok && required === 13 && opsetBefore >= 10) {
    const perTensor = ensureOpset(model, minimum);
    if (perTensor.ok) {
      perChannel = false;
      report.notes.push(`Per-channel scales need opset 13 and this model (opset ${opsetBefore}) uses ${opset.blockers.join(', ')}; one scale per tensor was used instead.`);
      opset = perTensor;
    }
  }
  if (!opset.ok) {
    const needed = required === 13 ? minimum : required;
    const reason = opsetBefore < 10 ? 'which predates ONNX quantization operators' : `and cannot be raised: it uses ${ensureOpset(model, needed).blockers.join(', ')}`;
    throw new QuantizeError(
      'unsupported-opset',
      `${MODE_NAMES[options.mode]} quantization needs ONNX opset ${needed} or newer; this model uses opset ${opsetBefore} ${reason}. Re-export it with opset 13 or newer.`,
    );
  }
  if (opset.raisedFrom !== undefined) report.notes.push(`Opset raised from ${opset.raisedFrom} to ${defaultOpset(model)}; every operator in the model means the same there.`);
  report.perChannel = perChannel;
  report.opsetAfter = defaultOpset(model);

  const context = new QuantizeContext(model, report);
  let done = 0;
  if (isWeightFormat(options.mode)) {
    quantizeWeightFormat(model, context, candidates, { ...options, mode: options.mode }, excluded, (total) => onProgress({ stage: 'quantizing', done: ++done, total }));
  } else if (options.mode === 'weight-only') {
    quantizeWeightsOnly(context, candidates, perChannel, () => onProgress({ stage: 'quantizing', done: ++done, total: candidates.length }));
  } else if (options.mode === 'dynamic') {
    const total = graph.node!.length;
    quantizeDynamic(context, candidates, perChannel, () => onProgress({ stage: 'quantizing', done: ++done, total }));
  } else {
    const tensors = calibrationTensors(graph, excluded);
    const { ranges, sampleCount, method, observed } = await resolveRanges(bytes, tensors, options.calibration, (count) =>
      onProgress({ stage: 'calibrating', done: count, total: 0 }),
    );
    report.calibrationSamples = sampleCount;
    report.calibrationMethod = method;
    const total = candidates.length + graph.node!.length;
    quantizeStatic(context, candidates, perChannel, ranges, () => onProgress({ stage: 'quantizing', done: ++done, total }), excluded, observed);
  }
  dropUnreadDefaultInputs(graph);
  pruneUnusedInitializers(graph);

  onProgress({ stage: 'writing', done: 0, total: 1 });
  const output = encodeModel(model);
  report.bytesAfter = output.byteLength;
  if (options.selfCheck) report.selfCheck = await selfCheck(bytes, output, report, options.selfCheck);
  onProgress({ stage: 'writing', done: 1, total: 1 });
  return { bytes: output, report };
}

function quoted(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

/** The refusal when nothing is quantizable, naming each weight operator and why its weight is not usable. */
function noFloatWeights(unusable: readonly string[]): QuantizeError {
  if (unusable.length === 0) {
    return new QuantizeError('no-float-weights', 'This model has no Conv, Gemm or MatMul operators, whose weights quantization stores (and, for int8, speeds up); there is nothing to quantize.');
  }
  const shown = unusable.slice(0, 3).join('; ') + (unusable.length > 3 ? `; and ${unusable.length - 3} more` : '');
  return new QuantizeError(
    'no-float-weights',
    `This model has no float32 Conv, Gemm or MatMul weights to quantize (it may already be quantized): ${shown}.`,
  );
}
