/** Words the Models page's components share, in the interface language: tasks, sources, and what is wrong with a folder. */
import { msg, str } from '@lit/localize';
import type { CatalogModel } from '../../runtime/catalog';
import type { FolderProblem } from '../../runtime/local-model-folder';
import type { OnnxProblem } from '../../runtime/onnx-check';
import type { ModelSource } from '../../runtime/protocol';

export function taskName(task: CatalogModel['task']): string {
  switch (task) {
    case 'summarization':
      return msg('summarization', { id: 'models.task.summarization' });
    case 'image-classification':
      return msg('image classification', { id: 'models.task.image' });
    case 'sketch-classification':
      return msg('sketch classification', { id: 'models.task.sketch' });
  }
}

export function sourceName(source: ModelSource): string {
  switch (source) {
    case 'bundled':
      return msg('bundled with the app', { id: 'models.source.bundled' });
    case 'hub':
      return msg('from the model hub', { id: 'models.source.hub' });
    case 'local':
      return msg('from disk', { id: 'models.source.local' });
  }
}

function onnxWhy(why: string): string {
  switch (why as OnnxProblem) {
    case 'cut short':
      return msg('cut short: an incomplete copy?', { id: 'models.onnx.cut-short' });
    case 'no graph or opset':
      return msg('no model graph in it', { id: 'models.onnx.no-graph' });
    default:
      return msg('not an ONNX file', { id: 'models.onnx.not-onnx' });
  }
}

const list = (items: readonly string[]) => items.join(', ');

/** What is wrong with a folder the user opened, in one or two sentences. */
export function problemText(problem: FolderProblem): string {
  switch (problem.kind) {
    case 'empty':
      return msg('The folder is empty.', { id: 'models.problem.empty' });
    case 'no-config': {
      const found = list(problem.found);
      return msg(str`This folder has no config.json, so it is not a transformers.js model folder. It holds: ${found}.`, { id: 'models.problem.no-config' });
    }
    case 'bad-config': {
      const detail = problem.detail;
      return msg(str`config.json could not be read (${detail}).`, { id: 'models.problem.bad-config' });
    }
    case 'unknown-task': {
      const what = [problem.modelType, ...problem.architectures].filter(Boolean).join(', ') || '?';
      return msg(str`config.json describes a model this app has no use for (${what}). It runs encoder–decoder summarizers (BART, T5…), image classifiers and 28×28 sketch classifiers.`, {
        id: 'models.problem.unknown-task',
      });
    }
    case 'no-onnx': {
      const task = taskName(problem.task);
      return msg(str`This ${task} model has no ONNX files in its onnx/ folder; the app runs transformers.js ONNX exports.`, { id: 'models.problem.no-onnx' });
    }
    case 'missing-files': {
      const task = taskName(problem.task);
      const files = list(problem.files);
      return msg(str`This ${task} model lacks files it needs: ${files}.`, { id: 'models.problem.missing-files' });
    }
    case 'no-labels': {
      const task = taskName(problem.task);
      return msg(str`config.json has no id2label, which a ${task} model needs to name its classes.`, { id: 'models.problem.no-labels' });
    }
    case 'bad-onnx': {
      const files = list(problem.files.map((f) => `${f.path} (${onnxWhy(f.why)})`));
      return msg(str`These ONNX files could not be read: ${files}.`, { id: 'models.problem.bad-onnx' });
    }
  }
}
