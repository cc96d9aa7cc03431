import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/prng';
import { localModelId, modelFolderPaths, planModelFolder, taskOfConfig, type FolderVerdict } from './local-model-folder';
import type { Dtype } from './protocol';

const BART = JSON.stringify({ model_type: 'bart', architectures: ['BartForConditionalGeneration'], is_encoder_decoder: true });
const VIT = JSON.stringify({ model_type: 'mobilevit', architectures: ['MobileViTForImageClassification'], id2label: { 0: 'cat', 1: 'dog' } });
const SKETCH = JSON.stringify({ model_type: 'doodle-cnn', id2label: { 0: 'circle' }, input: { shape: [null, 1, 28, 28] } });
const SUFFIX: Record<Dtype, string> = { fp32: '', int8: '_quantized', fp16: '_fp16', q4: '_q4' };
const SEQ2SEQ_SHARED = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json'];

const seq2seqFiles = (dtypes: Dtype[]) => [...SEQ2SEQ_SHARED, ...dtypes.flatMap((d) => [`onnx/encoder_model${SUFFIX[d]}.onnx`, `onnx/decoder_model_merged${SUFFIX[d]}.onnx`])];
const imageFiles = (dtypes: Dtype[]) => ['config.json', 'preprocessor_config.json', ...dtypes.map((d) => `onnx/model${SUFFIX[d]}.onnx`)];

function plan(verdict: FolderVerdict) {
  if (!verdict.ok) throw new Error(`expected a plan, got ${JSON.stringify(verdict.problem)}`);
  return verdict.plan;
}
function problem(verdict: FolderVerdict) {
  if (verdict.ok) throw new Error('expected a problem');
  return verdict.problem;
}

/** Every non-empty subset of our dtypes. */
const DTYPE_SETS: Dtype[][] = Array.from({ length: 15 }, (_, mask) => (['fp32', 'int8', 'fp16', 'q4'] as Dtype[]).filter((_, i) => (mask + 1) & (1 << i)));

describe('planModelFolder', () => {
  it('takes a seq2seq folder in any set of dtypes: each complete dtype with its encoder and merged decoder', () => {
    for (const dtypes of DTYPE_SETS) {
      const p = plan(planModelFolder(seq2seqFiles(dtypes), BART));
      expect(p.task).toBe('summarization');
      expect(Object.keys(p.dtypes).sort()).toEqual([...dtypes].sort());
      for (const d of dtypes) expect(p.dtypes[d]).toEqual([`onnx/decoder_model_merged${SUFFIX[d]}.onnx`, `onnx/encoder_model${SUFFIX[d]}.onnx`]);
      expect(p.defaultDtype).toBe(['fp32', 'int8', 'fp16', 'q4'].find((d) => dtypes.includes(d as Dtype)));
      expect(p.sharedFiles).toEqual(SEQ2SEQ_SHARED);
      expect(p.leftOut).toEqual([]);
    }
  });

  it('names each file a seq2seq folder lacks, whichever one is missing', () => {
    for (const dtypes of DTYPE_SETS) {
      const all = seq2seqFiles(dtypes);
      for (const gone of all.filter((f) => f !== 'config.json' && f !== 'generation_config.json')) {
        const files = all.filter((f) => f !== gone);
        const verdict = planModelFolder(files, BART);
        const isOnnx = gone.endsWith('.onnx');
        if (isOnnx && dtypes.length > 1) {
          // Another dtype is still complete: the broken one is simply not offered.
          const p = plan(verdict);
          expect(Object.values(p.dtypes).flat()).not.toContain(gone);
          expect(p.leftOut).toHaveLength(1);
        } else {
          expect(problem(verdict)).toEqual({ kind: 'missing-files', task: 'summarization', files: [gone] });
        }
      }
    }
  });

  it('takes image-classification folders and requires their preprocessor config and labels', () => {
    for (const dtypes of DTYPE_SETS) {
      const p = plan(planModelFolder(imageFiles(dtypes), VIT));
      expect(p.task).toBe('image-classification');
      expect(Object.keys(p.dtypes).sort()).toEqual([...dtypes].sort());
      expect(problem(planModelFolder(imageFiles(dtypes).filter((f) => f !== 'preprocessor_config.json'), VIT))).toEqual({
        kind: 'missing-files',
        task: 'image-classification',
        files: ['preprocessor_config.json'],
      });
    }
    const unlabelled = JSON.stringify({ architectures: ['ViTForImageClassification'] });
    expect(problem(planModelFolder(imageFiles(['fp32']), unlabelled))).toEqual({ kind: 'no-labels', task: 'image-classification' });
  });

  it('takes a sketch model like the bundled doodle-cnn (28×28 input in config.json, no preprocessor)', () => {
    const p = plan(planModelFolder(['config.json', 'onnx/model.onnx', 'onnx/model_quantized.onnx', 'README.md'], SKETCH));
    expect(p).toMatchObject({ task: 'sketch-classification', dtypes: { fp32: ['onnx/model.onnx'], int8: ['onnx/model_quantized.onnx'] }, leftOut: ['README.md'] });
  });

  it('leaves out files the browser does not need and dtypes this app does not load, keeping external weights', () => {
    const files = [
      ...imageFiles(['fp32']),
      'onnx/model.onnx_data',
      'onnx/model_q4f16.onnx',
      'onnx/model_int8.onnx',
      'onnx/model_bnb4.onnx',
      'model.safetensors',
      'pytorch_model.bin',
      '.gitattributes',
      'README.md',
    ];
    const p = plan(planModelFolder(files, VIT));
    expect(p.dtypes).toEqual({ fp32: ['onnx/model.onnx', 'onnx/model.onnx_data'] });
    expect(p.leftOut).toEqual(['.gitattributes', 'README.md', 'model.safetensors', 'onnx/model_bnb4.onnx', 'onnx/model_int8.onnx', 'onnx/model_q4f16.onnx', 'pytorch_model.bin']);
  });

  it('says what is wrong with a folder that is not a model', () => {
    expect(problem(planModelFolder([], undefined))).toEqual({ kind: 'empty' });
    expect(problem(planModelFolder(['holiday.jpg', 'notes.txt'], undefined))).toEqual({ kind: 'no-config', found: ['holiday.jpg', 'notes.txt'] });
    expect(problem(planModelFolder(['config.json'], '{ not json'))).toMatchObject({ kind: 'bad-config' });
    expect(problem(planModelFolder(['config.json'], '[1, 2]'))).toEqual({ kind: 'bad-config', detail: 'it is not a JSON object' });
    expect(problem(planModelFolder(['config.json', 'onnx/model.onnx'], JSON.stringify({ model_type: 'whisper', architectures: ['WhisperForConditionalGeneration'] })))).toEqual({
      kind: 'unknown-task',
      modelType: 'whisper',
      architectures: ['WhisperForConditionalGeneration'],
    });
    expect(problem(planModelFolder(SEQ2SEQ_SHARED, BART))).toEqual({ kind: 'no-onnx', task: 'summarization' });
  });
});

describe('taskOfConfig', () => {
  it('reads the task from model_type, architectures and the sketch input shape', () => {
    expect(taskOfConfig({ model_type: 't5' })).toBe('summarization');
    expect(taskOfConfig({ architectures: ['ViTForImageClassification'] })).toBe('image-classification');
    expect(taskOfConfig({ input: { shape: [null, 1, 28, 28] } })).toBe('sketch-classification');
    expect(taskOfConfig({ input: { shape: [null, 3, 28, 28] } })).toBeUndefined();
    expect(taskOfConfig({ model_type: 'bert', architectures: ['BertModel'] })).toBeUndefined();
  });
});

describe('modelFolderPaths', () => {
  it('strips the folder name a directory input puts in front of every path, and a parent folder above it', () => {
    expect(modelFolderPaths(['tiny/config.json', 'tiny/onnx/model.onnx'])).toEqual({ name: 'tiny', paths: ['config.json', 'onnx/model.onnx'] });
    expect(modelFolderPaths(['models/tiny/config.json', 'models/tiny/onnx/model.onnx'])).toEqual({ name: 'tiny', paths: ['config.json', 'onnx/model.onnx'] });
    expect(modelFolderPaths(['config.json', 'onnx/model.onnx'])).toEqual({ name: '', paths: ['config.json', 'onnx/model.onnx'] });
    expect(modelFolderPaths(['a/x.txt', 'b/y.txt'])).toEqual({ name: '', paths: ['a/x.txt', 'b/y.txt'] });
  });
});

describe('localModelId', () => {
  /** transformers.js's own test of a model id (isValidHfModelId in @huggingface/transformers src/utils/hub/utils.js). */
  const acceptedByTransformers = (id: string) => /^(\b[\w\-.]+\b\/)?\b[\w\-.]{1,96}\b$/.test(id) && !id.includes('..') && !id.includes('--') && !/\.(git|ipynb)$/.test(id);

  it('makes an id transformers.js accepts from any folder name, unique among those taken', () => {
    const names = ['tiny-summarizer', 'My Model (v2)', '日本語モデル', '..', '--x--', 'a'.repeat(200), 'distilbart.git', '  spaced  ', 'Ünïcödé', 'a..b--c', 'modèle', '日'.repeat(200)];
    for (const name of names) {
      const id = localModelId(name, new Set());
      expect(acceptedByTransformers(id), `${name} → ${id}`).toBe(true);
      expect(encodeURIComponent(id.slice('local/'.length)), name).toBe(id.slice('local/'.length));
    }
    expect(localModelId('My Model (v2)', new Set())).toBe('local/My-Model-v2');
    expect(localModelId('tiny', new Set(['local/tiny', 'local/tiny-2']))).toBe('local/tiny-3');
    // Accents dropped, letters kept; other scripts leave a tag of the whole name.
    expect(localModelId('modèle', new Set())).toMatch(/^local\/modele-[0-9a-z]{10}$/);
    expect(localModelId('日本語モデル', new Set())).toMatch(/^local\/model-[0-9a-z]{10}$/);
    // The same name in either Unicode form is one name.
    expect(localModelId('modèle'.normalize('NFD'), new Set())).toBe(localModelId('modèle', new Set()));
  });

  it('gives different folder names with letters outside ASCII different ids by themselves (no -2 needed)', () => {
    const random = seededRandom(2026);
    // Letters and digits from several scripts, spaces and punctuation, and accents to combine.
    const pools = ['日本語モデル音声画像', 'абвгдеёжзий', 'αβγδεζηθ', 'مرحبا', 'हिन्दी', 'éèêëñçøå', '٣٤٥', 'abcXYZ019', ' ._-()', '\u0301\u0308', '😀🚀'];
    const ids = new Map<string, string>();
    while (ids.size < 3000) {
      const length = 1 + Math.floor(random() * 24);
      let name = '';
      for (let i = 0; i < length; i++) {
        const pool = [...pools[Math.floor(random() * pools.length)]!];
        name += pool[Math.floor(random() * pool.length)];
      }
      name = name.normalize('NFC');
      if (!/[^\x00-\x7f]/.test(name) || ids.has(name)) continue;
      ids.set(name, localModelId(name, new Set()));
    }
    const seen = new Map<string, string>();
    for (const [name, id] of ids) {
      expect(acceptedByTransformers(id), `${JSON.stringify(name)} → ${id}`).toBe(true);
      expect(encodeURI(id), name).toBe(id);
      expect(seen.get(id), `${JSON.stringify(name)} and ${JSON.stringify(seen.get(id))} → ${id}`).toBeUndefined();
      seen.set(id, name);
    }
  });
});
