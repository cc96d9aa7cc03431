/**
 * Differential testing of the quantizer: a graph is quantized in every mode, per channel and per tensor, and each
 * result is run in onnxruntime at its default optimization level and with optimizations off, and compared with the float model within the int8 error bound (`ErrorBound`).
 */
import { quantizeModel } from '../quantize-model';
import { QuantizeError } from '../errors';
import { ortCalibration, ortModelRunner, type OrtWithTensor } from '../ort-calibration';
import { selfCheck } from '../self-check';
import type { TensorMap } from '../../types/tensor';
import type { QuantizeMode } from '../types';
import type { RandomGraph } from './random-graphs';

export const FUZZ_MODES: readonly QuantizeMode[] = ['weight-only', 'dynamic', 'static'];
const CALIBRATION_SAMPLES = 16;
const CHECK_SAMPLES = 3;
/** onnxruntime's default level (all optimizations: it fuses QDQ into integer kernels) and none at all. */
const LEVELS = [
  ['default', {}],
  ['disabled', { graphOptimizationLevel: 'disabled' }],
] as const;

export interface DifferentialRun {
  mode: QuantizeMode;
  perChannel: boolean;
  /** null when the model passed at both optimization levels. */
  failure: { level: 'default' | 'disabled' | 'quantize'; code: string; message: string } | null;
}

/** Quantizes `graph` in every mode × {per channel, per tensor} and checks each result at both optimization levels. */
export async function differentialRuns(graph: RandomGraph, ort: OrtWithTensor): Promise<DifferentialRun[]> {
  const calibration: TensorMap[] = graph.samples(CALIBRATION_SAMPLES);
  const feeds = calibration.map((sample) => Object.fromEntries(Object.entries(sample).map(([name, v]) => [name, new ort.Tensor(v.type, v.data, v.dims)])));
  const checkSamples = calibration.slice(0, CHECK_SAMPLES);
  const runs: DifferentialRun[] = [];
  for (const mode of FUZZ_MODES) {
    for (const perChannel of [true, false]) {
      let failure: DifferentialRun['failure'] = null;
      try {
        const { bytes, report } = await quantizeModel(graph.bytes, {
          mode,
          perChannel,
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
      runs.push({ mode, perChannel, failure });
    }
  }
  return runs;
}
