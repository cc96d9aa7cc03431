/**
 * Differential testing of the quantizer: a graph is quantized in every mode (int8 modes per channel and per tensor;
 * fp16, int4 and palette with options varied by the graph's seed), and each result is run in onnxruntime at its
 * default optimization level and with optimizations off, and compared with the float model within its error bound
 * (`ErrorBound`).
 */
import { quantizeModel } from '../quantize-model';
import { QuantizeError } from '../errors';
import { ortCalibration, ortModelRunner, type OrtWithTensor } from '../ort-calibration';
import { selfCheck } from '../self-check';
import type { TensorMap } from '../../types/tensor';
import type { QuantizeMode, QuantizeOptions } from '../types';
import type { RandomGraph } from './random-graphs';

export const FUZZ_MODES: readonly QuantizeMode[] = ['weight-only', 'dynamic', 'static', 'fp16', 'int4', 'palette'];

/** One way of quantizing a graph: its options (calibration and self-check added by the run) and a label for reports. */
export interface DifferentialVariant {
  label: string;
  options: Omit<QuantizeOptions, 'calibration' | 'selfCheck'>;
}

/**
 * The variants a graph is checked in: each int8 mode per channel and per tensor, fp16, int4 with the block size
 * (32/64/128) and symmetry chosen by `seed`, and a 4- or 6-bit palette (every third seed with 2-channel groups).
 */
export function differentialVariants(seed: number): DifferentialVariant[] {
  const int8 = (['weight-only', 'dynamic', 'static'] as const).flatMap((mode) =>
    [true, false].map((perChannel) => ({ label: `${mode} ${perChannel ? 'per-channel' : 'per-tensor'}`, options: { mode, perChannel } })),
  );
  const blockSize = ([32, 64, 128] as const)[seed % 3];
  const symmetric = seed % 2 === 0;
  const bits = seed % 2 === 0 ? 4 : 6;
  const paletteGroupSize = seed % 3 === 0 ? 2 : undefined;
  return [
    ...int8,
    { label: 'fp16', options: { mode: 'fp16' } },
    { label: `int4 block ${blockSize} ${symmetric ? 'symmetric' : 'asymmetric'}`, options: { mode: 'int4', blockSize, symmetric } },
    { label: `palette ${bits}-bit${paletteGroupSize ? ` groups of ${paletteGroupSize}` : ''}`, options: { mode: 'palette', bits, paletteGroupSize } },
  ];
}
const CALIBRATION_SAMPLES = 16;
const CHECK_SAMPLES = 3;
/** onnxruntime's default level (all optimizations: it fuses QDQ into integer kernels) and none at all. */
const LEVELS = [
  ['default', {}],
  ['disabled', { graphOptimizationLevel: 'disabled' }],
] as const;

export interface DifferentialRun {
  mode: QuantizeMode;
  /** The variant, e.g. "static per-channel", "int4 block 64 asymmetric". */
  label: string;
  /** null when the model passed at both optimization levels. */
  failure: { level: 'default' | 'disabled' | 'quantize'; code: string; message: string } | null;
}

/** Quantizes `graph` in every variant (`differentialVariants`) and checks each result at both optimization levels. */
export async function differentialRuns(graph: RandomGraph, ort: OrtWithTensor): Promise<DifferentialRun[]> {
  const calibration: TensorMap[] = graph.samples(CALIBRATION_SAMPLES);
  const feeds = calibration.map((sample) => Object.fromEntries(Object.entries(sample).map(([name, v]) => [name, new ort.Tensor(v.type, v.data, v.dims)])));
  const checkSamples = calibration.slice(0, CHECK_SAMPLES);
  const runs: DifferentialRun[] = [];
  for (const { label, options } of differentialVariants(graph.seed)) {
    let failure: DifferentialRun['failure'] = null;
    try {
      const { bytes, report } = await quantizeModel(graph.bytes, {
        ...options,
        calibration: { run: ortCalibration(ort, feeds), minSamples: CALIBRATION_SAMPLES },
      });
      for (const [level, sessionOptions] of LEVELS) {
        try {
          await selfCheck(graph.bytes, bytes, report, { run: ortModelRunner(ort, sessionOptions), samples: checkSamples, runtime: `onnxruntime-node (${level} optimizations)` });
        } catch (error) {
          failure = { level, code: (error as QuantizeError).code ?? 'internal', message: (error as Error).message };
          break;
        }
      }
    } catch (error) {
      failure = { level: 'quantize', code: error instanceof QuantizeError ? error.code : 'internal', message: (error as Error).message };
    }
    runs.push({ mode: options.mode, label, failure });
  }
  return runs;
}
