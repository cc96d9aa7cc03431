import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNpyUint8 } from './npy';
import { parseQuickDrawNdjson } from './quickdraw-ndjson';
import { rasteriseStrokes } from './rasterise';

const QUICKDRAW = resolve(__dirname, '../../../shared/data/quickdraw');
const available = existsSync(`${QUICKDRAW}/train`) && existsSync(`${QUICKDRAW}/strokes`);
if (!available) console.warn(`Skipping the rasteriser-vs-dataset test: ${QUICKDRAW} not found.`);

// For these classes the shared stroke sample and the bitmap file start with the same drawings (stroke file line k =
// bitmap row k), so our rasteriser can be compared with Google's rendering pixel by pixel.
const SAME_DRAWINGS = ['apple', 'bicycle', 'bowtie', 'cat', 'fish', 'lollipop', 'rainbow'];

describe.skipIf(!available)('rasteriseStrokes on Quick, Draw! strokes (needs ../shared/data)', () => {
  it("reproduces the dataset's own 28×28 bitmaps of the same drawings", () => {
    let squaredError = 0;
    let pixels = 0;
    for (const word of SAME_DRAWINGS) {
      const bitmaps = parseNpyUint8(new Uint8Array(readFileSync(`${QUICKDRAW}/train/${word}.npy`)), word);
      const drawings = parseQuickDrawNdjson(readFileSync(`${QUICKDRAW}/strokes/${word}.ndjson`, 'utf8'), word);
      drawings.forEach((drawing, row) => {
        const ours = rasteriseStrokes(drawing.strokes)!;
        const theirs = bitmaps.data.subarray(row * 784, (row + 1) * 784);
        for (let i = 0; i < 784; i++) squaredError += (ours[i] - theirs[i]) ** 2;
        pixels += 784;
      });
    }
    // Grey levels 0–255: a one-pixel shift or a line width off by a third gives an error above 20.
    expect(Math.sqrt(squaredError / pixels)).toBeLessThan(8);
  });
});
