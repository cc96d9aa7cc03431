/** The weight-format modes (fp16, int4 blocks, palettization): option checks and dispatch. */
import type { onnx } from './proto';
import { QuantizeError } from './errors';
import { convertToFloat16 } from './float16-graph';
import { quantizeInt4 } from './int4-weights';
import { INT4_BLOCK_SIZES } from './int4-blocks';
import { quantizePalette } from './palette-weights';
import type { QuantizeContext } from './context';
import type { WeightCandidate } from './weights';
import type { QuantizeMode, QuantizeOptions } from './types';

export type WeightFormatMode = Extract<QuantizeMode, 'fp16' | 'int4' | 'palette'>;

export function isWeightFormat(mode: QuantizeMode): mode is WeightFormatMode {
  return mode === 'fp16' || mode === 'int4' || mode === 'palette';
}

/** Throws QuantizeError 'invalid-options' for a block size, bit count or group size the mode cannot use. */
export function checkWeightFormatOptions(options: QuantizeOptions): void {
  const invalid = (message: string) => new QuantizeError('invalid-options', message);
  if (options.mode === 'int4' && options.blockSize !== undefined && !INT4_BLOCK_SIZES.includes(options.blockSize)) {
    throw invalid(`int4 block size must be ${INT4_BLOCK_SIZES.join(', ')}; got ${options.blockSize}.`);
  }
  if (options.mode === 'palette') {
    if (options.bits !== undefined && options.bits !== 4 && options.bits !== 6) throw invalid(`Palette bits must be 4 (16 entries) or 6 (64 entries); got ${options.bits}.`);
    const group = options.paletteGroupSize;
    if (group !== undefined && (!Number.isInteger(group) || group < 1)) throw invalid(`Palette group size must be a whole number of output channels ≥ 1; got ${group}.`);
  }
}

/** Rewrites `context`'s graph (of `model`) in the mode's weight format; `excluded` nodes stay float32. */
export function quantizeWeightFormat(
  model: onnx.IModelProto,
  context: QuantizeContext,
  candidates: readonly WeightCandidate[],
  options: QuantizeOptions & { mode: WeightFormatMode },
  excluded: ReadonlySet<string>,
  onStep: (total: number) => void,
): void {
  checkWeightFormatOptions(options);
  if (options.mode === 'fp16') {
    const total = context.graph.node!.length;
    convertToFloat16(context, excluded, () => onStep(total));
  } else if (options.mode === 'int4') {
    quantizeInt4(model, context, candidates, { blockSize: options.blockSize ?? 32, symmetric: options.symmetric ?? true }, () => onStep(candidates.length));
  } else {
    quantizePalette(model, context, candidates, { bits: options.bits ?? 4, groupSize: options.paletteGroupSize }, () => onStep(candidates.length));
  }
}
