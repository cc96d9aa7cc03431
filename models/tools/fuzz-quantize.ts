/**
 * Differential testing of the quantizer for any seed and length (the unit suite runs a fixed 240 graphs):
 *
 *   npm run fuzz:quantize -- [--seed N] [--graphs M] [--runtime node|web]
 *
 * Graph i is `randomGraph(seed + i)` (src/quantize/testing/random-graphs.ts); each is quantized in every variant
 * (`differentialVariants`: int8 modes per channel and per tensor, fp16, int4 blocks, palettes), run in
 * onnxruntime-node (or onnxruntime-web's WASM kernels, the browser's runtime, with --runtime web) with default
 * optimizations and none, and compared with float within its error bound. Failures are grouped by kind (variant, where, message without numbers);
 * reproduce one with its seed. Exits non-zero when anything failed.
 */
import { parseArgs } from 'node:util';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { differentialRuns } from '../../src/quantize/testing/differential';
import { randomGraph } from '../../src/quantize/testing/random-graphs';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seed: { type: 'string', default: '1' }, graphs: { type: 'string', default: '1000' }, runtime: { type: 'string', default: 'node' } },
  });
  if (values.runtime !== 'node' && values.runtime !== 'web') throw new Error(`--runtime must be node or web; got "${values.runtime}".`);
  const ort = values.runtime === 'web' ? ortWeb : ortNode;
  if (ort === ortWeb) ortWeb.env.wasm.numThreads = 1;
  const seed = Number(values.seed);
  const graphs = Number(values.graphs);
  if (!Number.isInteger(seed) || !Number.isInteger(graphs) || graphs < 1) throw new Error('--seed and --graphs take whole numbers (graphs ≥ 1).');
  ort.env.logLevel = 'fatal';
  const started = performance.now();
  const kinds = new Map<string, string[]>();
  let runs = 0;
  for (let i = 0; i < graphs; i++) {
    const graph = randomGraph(seed + i);
    for (const run of await differentialRuns(graph, ort)) {
      runs++;
      if (!run.failure) continue;
      const kind = `${run.label}, ${run.failure.level}: ${run.failure.message.replace(/\d[\d.e+-]*/g, 'N')}`;
      kinds.set(kind, [...(kinds.get(kind) ?? []), graph.name]);
    }
    if ((i + 1) % 100 === 0) console.log(`${i + 1} graphs, ${runs} runs, ${[...kinds.values()].reduce((n, list) => n + list.length, 0)} failures…`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${graphs} graphs (seeds ${seed}–${seed + graphs - 1}), ${runs} quantize-and-run checks in onnxruntime-${values.runtime} in ${seconds} s: ${kinds.size === 0 ? 'no failures' : `${kinds.size} kinds of failure`}`);
  for (const [kind, names] of kinds) console.log(`\n${names.length}× ${kind}\n  first: ${names[0]}`);
  if (kinds.size > 0) process.exitCode = 1;
}

main().catch((error: Error) => {
  console.error(`fuzz:quantize: ${error.message}`);
  process.exitCode = 1;
});
