/**
 * Scores the doodleNet reference model (TF.js layers, 345 classes; a local peer for comparison, never shipped) on the
 * same drawings and classes as our model, with the same bitmaps (ink high, /255 as doodleNet was trained).
 *
 *   npx tsx models/tools/compare-doodlenet.ts --reference ../shared/data/reference-models/doodlenet-tfjs \
 *     --data ../shared/data/quickdraw/train --from-row 2250 [--strokes ../shared/data/quickdraw/strokes] [--json]
 *
 * "restricted" = best of our model's classes only (a like-for-like 16-way choice); "open" = best of all 345.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SKETCH_INPUT_SPEC } from '../../src/sketch/input-spec';
import { labelsFromConfig } from '../../src/sketch/predictions';
import { parseQuickDrawNdjson } from '../../src/sketch/quickdraw-ndjson';
import { rasteriseStrokes } from '../../src/sketch/rasterise';
import { loadBitmapFolder } from './sketch-data';
import { scoreLogits, topIndices } from './sketch-scores';
import { loadTfjsCnn, type TfjsCnn, type TfjsModelJson } from './tfjs-layers-cnn';

const PIXELS = SKETCH_INPUT_SPEC.size * SKETCH_INPUT_SPEC.size;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reference: { type: 'string', default: '../shared/data/reference-models/doodlenet-tfjs' },
      model: { type: 'string', default: 'models/doodle-cnn' },
      data: { type: 'string' },
      'from-row': { type: 'string', default: '0' },
      strokes: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.data) throw new Error('Missing --data <dir>: a folder of <class>.npy files (uint8 [N, 784]).');
  const referenceDir = resolve(values.reference);
  const modelJson = JSON.parse(await readFile(join(referenceDir, 'model.json'), 'utf8')) as TfjsModelJson;
  const shards = await Promise.all(modelJson.weightsManifest.flatMap((g) => g.paths).map((p) => readFile(join(referenceDir, p))));
  const network = loadTfjsCnn(modelJson, new Uint8Array(Buffer.concat(shards)));
  const referenceClasses = (await readFile(join(referenceDir, 'class_names.txt'), 'utf8'))
    .split('\n').map((line) => line.trim()).filter(Boolean).map((name) => name.replace(/_/g, ' ').toLowerCase());

  const labels = labelsFromConfig(JSON.parse(await readFile(join(resolve(values.model), 'config.json'), 'utf8')));
  const columns = labels.map((label) => {
    const column = referenceClasses.indexOf(label);
    if (column < 0) throw new Error(`The reference model has no class "${label}".`);
    return column;
  });
  const data = await loadBitmapFolder(resolve(values.data), labels, Number(values['from-row']));
  const bitmaps = Array.from({ length: data.truth.length }, (_, i) => data.bitmaps.subarray(i * PIXELS, (i + 1) * PIXELS));
  const results: Record<string, unknown> = { bitmaps: score(network, bitmaps, data.truth, labels, columns) };
  if (values.strokes) {
    const strokeBitmaps: Uint8Array[] = [];
    const strokeTruth: number[] = [];
    for (const file of (await readdir(resolve(values.strokes))).filter((f) => f.endsWith('.ndjson'))) {
      const label = labels.indexOf(file.slice(0, -'.ndjson'.length));
      if (label < 0) continue;
      const path = join(resolve(values.strokes), file);
      for (const drawing of parseQuickDrawNdjson(await readFile(path, 'utf8'), path)) {
        strokeBitmaps.push(rasteriseStrokes(drawing.strokes)!);
        strokeTruth.push(label);
      }
    }
    results.strokes = score(network, strokeBitmaps, strokeTruth, labels, columns);
  }
  console.log(`doodleNet reference on ${data.truth.length} drawings of our ${labels.length} classes:`);
  for (const [name, r] of Object.entries(results)) console.log(`  ${name}: ${JSON.stringify(r)}`);
  if (values.json) console.log(JSON.stringify(results));
}

function score(network: TfjsCnn, bitmaps: readonly Uint8Array[], truth: readonly number[], labels: readonly string[], columns: readonly number[]) {
  const restricted: Float32Array[] = [];
  let openCorrect = 0;
  bitmaps.forEach((bitmap, i) => {
    const probabilities = network.predict(Float32Array.from(bitmap, (v) => v / 255));
    restricted.push(Float32Array.from(columns, (column) => probabilities[column]));
    if (topIndices(probabilities, 1)[0] === columns[truth[i]]) openCorrect++;
  });
  const scores = scoreLogits(restricted, truth, labels);
  const round = (v: number) => Math.round(v * 10000) / 10000;
  return { n: scores.n, restrictedTop1: round(scores.top1), restrictedTop5: round(scores.top5), openTop1: round(openCorrect / bitmaps.length) };
}

main().catch((error: Error) => {
  console.error(`compare-doodlenet: ${error.message}`);
  process.exitCode = 1;
});
