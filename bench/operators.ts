// `npx tsx bench/operators.ts [--runs 300]`: the bundled sketch models (doodle-cnn, doodle-vit) in fp32, fp16, int8
// (the shipped file) and int4 (block 32), timed in onnxruntime-web's WASM kernels (run in Node, 1 thread: the same
// binary the browser loads, without the page and worker around it) and in onnxruntime-node (native, 1 thread), with
// the WASM/native ratio; WASM session settings tried for their effect on that ratio; and a per-operator profile
// (onnxruntime's own profiler, both runtimes) of where the time goes. Writes bench/results/operators.md and .json.
// Native and WASM runs alternate in rounds so load from other jobs falls on both alike; the load average is noted.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { MODEL_VARIANTS, VARIANT_MODELS, type ModelVariant } from '../src/bench/settings';
import { shippedPath, variantBytes } from '../src/bench/model-variants';
import { nodeVariantSource } from './native';
import { summarizeLatencies } from '../src/util/percentile';
import { bitmapToInput, rasteriseStrokes, sketchInputShape } from '../src/sketch';
import { toQuickDrawStrokes } from '../src/sketch/sketchpad';
import { fullPenDrawing } from '../src/bench/synthetic-pen';
import { operatorShares, type OperatorShare, type TraceEvent } from '../src/bench/operator-profile';
import { fixedCell, ratioCell, ratioOf } from '../src/bench/results';

/** WASM session settings tried on fp32 (beside the default) for their effect on the WASM/native ratio. */
const WASM_SETTINGS: Record<string, object> = {
  default: {},
  'freeDimensionOverrides batch=1': { freeDimensionOverrides: { batch: 1 } },
  'graphOptimizationLevel extended': { graphOptimizationLevel: 'extended' },
  'enableMemPattern false': { enableMemPattern: false },
};
/** Profiled runs counted, after as many uncounted ones (the first runs allocate and are slower). */
const PROFILE_RUNS = 50;
const TMP = '.tmp/bench-operators';

type Runtime = typeof ort | typeof ortWeb;
const log = (message: string) => process.stderr.write(`[bench:operators] ${message}\n`);

async function session(runtime: Runtime, bytes: Uint8Array, options: object): Promise<{ run: () => Promise<void>; release: () => Promise<void>; end: () => void }> {
  const created = await (runtime as typeof ort).InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, ...options });
  const input = bitmapToInput(rasteriseStrokes(toQuickDrawStrokes(fullPenDrawing().strokes))!);
  const feeds = { [created.inputNames[0]!]: new (runtime as typeof ort).Tensor('float32', input, sketchInputShape()) };
  return { run: async () => void (await created.run(feeds)), release: () => created.release(), end: () => created.endProfiling() };
}

/** p50 (ms) of `runs` runs of each session, alternating them in rounds of 10 after 30 warm-up runs each. */
async function alternatingP50(sessions: { run: () => Promise<void> }[], runs: number): Promise<number[]> {
  const times = sessions.map(() => [] as number[]);
  for (const s of sessions) for (let i = 0; i < 30; i++) await s.run();
  for (let round = 0; round < runs / 10; round++) {
    for (const [index, s] of sessions.entries()) {
      for (let i = 0; i < 10; i++) {
        const started = performance.now();
        await s.run();
        times[index].push(performance.now() - started);
      }
    }
  }
  return times.map((t) => summarizeLatencies(t).p50);
}

/** onnxruntime-node's profile: its trace file's node events. */
async function nativeProfile(bytes: Uint8Array): Promise<TraceEvent[]> {
  await mkdir(TMP, { recursive: true });
  const s = await session(ort, bytes, { enableProfiling: true, profileFilePrefix: `${TMP}/native` });
  for (let i = 0; i < 2 * PROFILE_RUNS; i++) await s.run();
  s.end();
  await s.release();
  const file = (await readdir(TMP)).find((f) => f.startsWith('native'))!;
  const events = JSON.parse(await readFile(`${TMP}/${file}`, 'utf8')) as TraceEvent[];
  await rm(TMP, { recursive: true });
  return events;
}

/** onnxruntime-web's profile of the file at `path`, from a child process (bench/wasm-profile.ts) that prints it. */
function wasmProfile(path: string): TraceEvent[] {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/wasm-profile.ts', path, String(2 * PROFILE_RUNS)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 600_000 });
  if (child.status !== 0) throw new Error(`The WASM profile of ${path} failed: ${child.stderr}`);
  return child.stdout
    .split('\n')
    .map((line) => line.trim().replace(/,$/, ''))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as TraceEvent);
}

interface Row {
  model: string;
  variant: ModelVariant;
  bytes: number;
  wasmP50: number;
  nativeP50: number;
}

function profileTable(title: string, wasm: OperatorShare[], native: OperatorShare[]): string {
  const wasmBy = new Map(wasm.map((o) => [o.op, o]));
  const nativeBy = new Map(native.map((o) => [o.op, o]));
  // The operator types that take the most time in either runtime (fusions differ: e.g. NCHWc Conv natively).
  const ops = [...new Set([...wasm, ...native].sort((a, b) => b.share - a.share).map((o) => o.op))].slice(0, 12);
  const cell = (o: OperatorShare | undefined) => (o ? `${(o.microsecondsPerRun / 1000).toFixed(3)} | ${(100 * o.share).toFixed(1)}%` : '— | —');
  const nodes = (op: string) => `${wasmBy.get(op)?.nodes ?? 0} / ${nativeBy.get(op)?.nodes ?? 0}`;
  const sum = (list: OperatorShare[]) => list.reduce((total, o) => total + o.microsecondsPerRun, 0) / 1000;
  return [
    `#### ${title} (kernel time per run: WASM ${sum(wasm).toFixed(3)} ms, native ${sum(native).toFixed(3)} ms)`,
    '',
    '| operator | nodes WASM / native | WASM ms/run | WASM share | native ms/run | native share |',
    '| --- | --- | --- | --- | --- | --- |',
    ...ops.map((op) => `| ${op} | ${nodes(op)} | ${cell(wasmBy.get(op))} | ${cell(nativeBy.get(op))} |`),
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '300' } } });
  const runs = Math.max(10, Math.round(Number(values.runs) / 10) * 10);
  ort.env.logLevel = 'fatal';
  ortWeb.env.logLevel = 'fatal';
  ortWeb.env.wasm.numThreads = 1;
  const loadAtStart = loadavg()[0]!;
  const rows: Row[] = [];
  const settings: { model: string; setting: string; wasmP50: number; nativeP50: number }[] = [];
  const profiles: string[] = [];
  for (const model of VARIANT_MODELS) {
    for (const variant of MODEL_VARIANTS) {
      log(`${model} ${variant}…`);
      const bytes = await variantBytes(model, variant, nodeVariantSource(model));
      const sessions = [await session(ortWeb, bytes, {}), await session(ort, bytes, {})];
      const [wasmP50, nativeP50] = await alternatingP50(sessions, runs);
      for (const s of sessions) await s.release();
      rows.push({ model, variant, bytes: bytes.byteLength, wasmP50, nativeP50 });
      if (variant === 'fp32' || variant === 'int8') {
        const path = `models/${model}/${shippedPath(model, variant)}`;
        profiles.push(profileTable(`${model} ${variant}`, operatorShares(wasmProfile(path), PROFILE_RUNS), operatorShares(await nativeProfile(bytes), PROFILE_RUNS)));
      }
    }
    const fp32 = await variantBytes(model, 'fp32', nodeVariantSource(model));
    for (const [setting, options] of Object.entries(WASM_SETTINGS)) {
      log(`${model} fp32, WASM ${setting}…`);
      const sessions = [await session(ortWeb, fp32, options), await session(ort, fp32, {})];
      const [wasmP50, nativeP50] = await alternatingP50(sessions, runs);
      for (const s of sessions) await s.release();
      settings.push({ model, setting, wasmP50, nativeP50 });
    }
  }
  const loadAtEnd = loadavg()[0]!;
  const ms = (v: number) => fixedCell(v, 3);
  const markdown = [
    '# Operators: WASM against native, per variant and per operator',
    '',
    `\`npx tsx bench/operators.ts --runs ${runs}\` on ${new Date().toISOString().slice(0, 10)}: onnxruntime-web WASM (in Node, 1 thread, the browser's kernels without page or worker) and onnxruntime-node (1 thread), ${runs} single-drawing runs each, alternating in rounds of 10. Machine load average (1 min) ${loadAtStart.toFixed(1)} at start, ${loadAtEnd.toFixed(1)} at the end: compare figures within this run only.`,
    '',
    '| model | variant | bytes | WASM p50 ms | native p50 ms | WASM / native |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.model} | ${r.variant} | ${r.bytes} | ${ms(r.wasmP50)} | ${ms(r.nativeP50)} | ${ratioCell(ratioOf(r.wasmP50, r.nativeP50))} |`),
    '',
    '## WASM session settings (fp32)',
    '',
    '| model | WASM setting | WASM p50 ms | native p50 ms | WASM / native |',
    '| --- | --- | --- | --- | --- |',
    ...settings.map((s) => `| ${s.model} | ${s.setting} | ${ms(s.wasmP50)} | ${ms(s.nativeP50)} | ${ratioCell(ratioOf(s.wasmP50, s.nativeP50))} |`),
    '',
    `## Where the time goes (onnxruntime's profiler: the last ${PROFILE_RUNS} of ${2 * PROFILE_RUNS} runs; the operator types taking the most time in either runtime, after each runtime's own fusions)`,
    '',
    ...profiles.flatMap((p) => [p, '']),
  ].join('\n');
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/operators.md', `${markdown}\n`);
  await writeFile('bench/results/operators.json', `${JSON.stringify({ runs, loadAtStart, loadAtEnd, rows, settings }, null, 2)}\n`);
  process.stderr.write(`${markdown}\n`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
