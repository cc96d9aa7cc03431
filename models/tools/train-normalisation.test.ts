import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hasTorch, PYTHON, TOOLS } from './testing/python-torch';
import { bitmapToInput } from '../../src/sketch/model-input';

const torchFound = hasTorch();
if (!torchFound) console.warn('Skipping the training-normalisation check: /usr/bin/python3 with torch and numpy not found.');

describe.skipIf(!torchFound)('training and the app prepare drawings identically (needs python3-torch)', () => {
  it('gives the same model input from train_sketch.py as from bitmapToInput', () => {
    const bitmap = Uint8Array.from({ length: 784 }, (_, i) => (i * 37) % 256);
    const script = [
      'import json, sys, numpy as np',
      `sys.path.insert(0, ${JSON.stringify(TOOLS)})`,
      'import train_sketch as t',
      'spec = json.load(open(t.SPEC_PATH))',
      `x = np.array([${Array.from(bitmap).join(',')}], dtype=np.uint8).reshape(1, 784)`,
      'print(json.dumps(t.to_tensor(x, spec).flatten().tolist()))',
    ].join('\n');
    const fromPython = JSON.parse(execFileSync(PYTHON, ['-c', script], { encoding: 'utf8' })) as number[];
    const fromApp = bitmapToInput(bitmap);
    expect(fromPython).toHaveLength(784);
    fromPython.forEach((value, i) => expect(value).toBeCloseTo(fromApp[i], 5));
  });
});
