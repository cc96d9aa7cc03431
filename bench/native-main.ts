// `tsx bench/native-main.ts [--quick]`: the native reference alone, as one JSON line ({ measurements, int8SizeRatio }),
// for callers that cannot import the sketch code directly (Playwright's loader refuses its JSON imports).
import { BENCH_SETTINGS } from '../src/bench/settings';
import { int8SizeRatio, measureNative } from './native';

const setting = process.argv.includes('--quick') ? BENCH_SETTINGS.quick : BENCH_SETTINGS.standard;
const measurements = await measureNative(setting, [1, 2], ['fp32']);
process.stdout.write(`${JSON.stringify({ measurements, int8SizeRatio: int8SizeRatio() })}\n`);
