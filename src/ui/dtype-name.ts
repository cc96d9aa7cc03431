/**
 * A dtype as the app names it to a person. `q4` is transformers.js's name for its 4-bit weight files (`*_q4.onnx`);
 * the quantization lab and the catalog's notes say int4, so every page says int4 for it.
 */
import type { Dtype } from '../runtime/protocol';

export function dtypeName(dtype: Dtype): string {
  return dtype === 'q4' ? 'int4' : dtype;
}
