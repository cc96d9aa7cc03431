import { describe, expect, it } from 'vitest';
import type { FileProgress } from '../runtime/protocol';
import { withFileProgress } from './file-progress';

const event = (file: string, loaded: number): FileProgress => ({ file, status: 'progress', loaded, total: 100, fromCache: false });

describe('withFileProgress', () => {
  it('keeps one row per file, updated in place, in first-seen order', () => {
    let files: FileProgress[] = [];
    files = withFileProgress(files, event('config.json', 10));
    files = withFileProgress(files, event('onnx/model.onnx', 5));
    files = withFileProgress(files, event('config.json', 100));
    expect(files.map((f) => [f.file, f.loaded])).toEqual([['config.json', 100], ['onnx/model.onnx', 5]]);
  });
});
