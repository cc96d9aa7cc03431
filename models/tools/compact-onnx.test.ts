import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeModel } from '../../src/quantize/proto';
import { hasTorch, PYTHON, TOOLS } from './testing/python-torch';

const torchFound = hasTorch();
if (!torchFound) console.warn('Skipping the ONNX compaction checks on fresh exports: /usr/bin/python3 with torch not found.');

const SHIPPED = ['doodle-cnn', 'doodle-vit'].map((id) => resolve(__dirname, `../${id}/onnx/model.onnx`));
const work = mkdtempSync(join(tmpdir(), 'compact-onnx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Exports a randomly initialised model of `arch` twice (exporter's graph, compacted graph); returns both paths. */
function exportBoth(arch: 'cnn' | 'vit'): { raw: string; compact: string } {
  const script = [
    'import json, os, sys, torch',
    `sys.path.insert(0, ${JSON.stringify(TOOLS)})`,
    'import train_sketch as t',
    'spec = json.load(open(t.SPEC_PATH))',
    'torch.manual_seed(7)',
    `model = t.DoodleViT(16, spec['size']) if ${JSON.stringify(arch)} == 'vit' else t.DoodleCNN(16)`,
    'model.eval()',
    't.fold_batchnorm(model)',
    `for name in ('raw', 'compact'): os.makedirs(os.path.join(${JSON.stringify(work)}, '${arch}-' + name, 'onnx'), exist_ok=True)`,
    `t.export_onnx(model, os.path.join(${JSON.stringify(work)}, '${arch}-raw'), spec, t.ARCHS['${arch}']['opset'], compact=False)`,
    `t.export_onnx(model, os.path.join(${JSON.stringify(work)}, '${arch}-compact'), spec, t.ARCHS['${arch}']['opset'])`,
  ].join('\n');
  execFileSync(PYTHON, ['-c', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  return { raw: join(work, `${arch}-raw/onnx/model.onnx`), compact: join(work, `${arch}-compact/onnx/model.onnx`) };
}

/** Logits for `count` seeded random drawings (values in [0, 1], some pixels exactly 0 as in real drawings). */
async function logits(path: string, count: number): Promise<Float32Array> {
  let seed = 12345;
  const input = Float32Array.from({ length: count * 784 }, () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const u = seed / 2 ** 32;
    return u < 0.6 ? 0 : u;
  });
  const session = await ort.InferenceSession.create(path);
  const out = await session.run({ input: new ort.Tensor('float32', input, [count, 1, 28, 28]) });
  return out.logits.data as Float32Array;
}

/** What a compacted graph must not contain: Constant nodes, exporter tensor names, unnamed MatMul weights. */
function exporterLeftovers(path: string): string[] {
  const graph = decodeModel(new Uint8Array(readFileSync(path))).graph!;
  const names = [...(graph.node ?? []).flatMap((n) => [...(n.input ?? []), ...(n.output ?? [])]), ...(graph.initializer ?? []).map((t) => t.name ?? '')];
  return [
    ...(graph.node ?? []).filter((n) => n.opType === 'Constant').map((n) => `Constant node ${n.name}`),
    ...names.filter((name) => name.includes('_output_') || name.startsWith('onnx::')),
  ];
}

describe('compact ONNX export structure (models/tools/compact_onnx.py)', () => {
  it.each(SHIPPED)('the shipped %s is compacted', (path) => {
    expect(exporterLeftovers(path)).toEqual([]);
  });

  describe.skipIf(!torchFound)('on small built graphs (needs /usr/bin/python3 with torch, numpy and onnx)', () => {
    it('keeps a Constant that is a graph output, folds the others, and computes the same', async () => {
      const [raw, compact] = ['raw', 'compact'].map((name) => join(work, `constants-${name}.onnx`));
      const script = [
        'import sys, numpy as np, onnx',
        'from onnx import helper, numpy_helper, TensorProto',
        `sys.path.insert(0, ${JSON.stringify(TOOLS)})`,
        'from compact_onnx import compact',
        'value = lambda v: numpy_helper.from_array(np.array(v, dtype=np.float32))',
        "nodes = [helper.make_node('Constant', [], ['k'], name='/Constant', value=value([2.0])),",
        "         helper.make_node('Constant', [], ['/a/Constant_output_0'], name='/a/Constant', value=value([3.0])),",
        "         helper.make_node('Mul', ['input', '/a/Constant_output_0'], ['/a/Mul_output_0'], name='/a/Mul'),",
        "         helper.make_node('Relu', ['/a/Mul_output_0'], ['logits'], name='/a/Relu')]",
        "io = lambda name: helper.make_tensor_value_info(name, TensorProto.FLOAT, [3] if name != 'k' else [1])",
        "model = helper.make_model(helper.make_graph(nodes, 'g', [io('input')], [io('logits'), io('k')]), opset_imports=[helper.make_opsetid('', 17)])",
        `onnx.save(model, ${JSON.stringify(raw)})`,
        `onnx.save(compact(model), ${JSON.stringify(compact)})`,
      ].join('\n');
      execFileSync(PYTHON, ['-c', script], { stdio: ['ignore', 'ignore', 'pipe'] });
      const graph = decodeModel(new Uint8Array(readFileSync(compact))).graph!;
      expect(graph.node!.map((n) => [n.opType, n.output![0]])).toEqual([['Constant', 'k'], ['Mul', 't0'], ['Relu', 'logits']]);
      const run = async (path: string) => {
        const session = await ort.InferenceSession.create(path);
        const out = await session.run({ input: new ort.Tensor('float32', Float32Array.of(-1, 0.5, 4), [3]) });
        return [Array.from(out.logits.data as Float32Array), Array.from(out.k.data as Float32Array)];
      };
      expect(await run(compact)).toEqual(await run(raw));
    });
  });

  describe.skipIf(!torchFound)('on fresh exports (needs python3-torch)', () => {
    it.each(['vit', 'cnn'] as const)('%s: same logits bit for bit on 256 inputs, same node names, smaller graph', async (arch) => {
      const { raw, compact } = exportBoth(arch);
      expect(exporterLeftovers(compact)).toEqual([]);
      const rawLogits = await logits(raw, 256);
      const compactLogits = await logits(compact, 256);
      expect(compactLogits).toHaveLength(256 * 16);
      expect(Buffer.from(compactLogits.buffer).equals(Buffer.from(rawLogits.buffer))).toBe(true);
      const nodeNames = (path: string) => (decodeModel(new Uint8Array(readFileSync(path))).graph!.node ?? [])
        .filter((n) => n.opType !== 'Constant').map((n) => n.name);
      expect(nodeNames(compact)).toEqual(nodeNames(raw));
      expect(readFileSync(compact).length).toBeLessThan(readFileSync(raw).length);
      if (arch === 'vit') {
        const initializers = decodeModel(new Uint8Array(readFileSync(compact))).graph!.initializer!.map((t) => t.name);
        expect(initializers).toContain('blocks.0.attn.q.weight.T');
        expect(initializers).toContain('blocks.3.mlp.2.weight.T');
      }
    }, 120_000);
  });
});
