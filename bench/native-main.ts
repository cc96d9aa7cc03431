// `tsx bench/native-main.ts [--quick] [--variant-threads 1[,2]]`: the native reference alone, as one JSON line
// ({ measurements, int8SizeRatio, variantFiles }): the CNN fp32 at 1 and 2 threads and every model variant at the
// given thread counts (default 1), for callers that cannot import the sketch code directly (Playwright's loader
// refuses its JSON imports).
import { parseArgs } from 'node:util';
import { BENCH_SETTINGS } from '../src/bench/settings';
import { int8SizeRatio, measureNative, measureNativeVariants } from './native';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, 'variant-threads': { type: 'string', default: '1' } } });
const setting = values.quick ? BENCH_SETTINGS.quick : BENCH_SETTINGS.standard;
const variantThreads = values['variant-threads'].split(',').map(Number);
if (!variantThreads.every((n) => Number.isInteger(n) && n > 0)) throw new Error(`--variant-threads takes thread counts such as 1 or 1,2, not "${values['variant-threads']}".`);
const measurements = await measureNative(setting, [1, 2], ['fp32']);
const variants = await measureNativeVariants(setting, variantThreads);
process.stdout.write(`${JSON.stringify({ measurements: [...measurements, ...variants.measurements], int8SizeRatio: int8SizeRatio(), variantFiles: variants.files })}\n`);
