/** The extractive summarizer off the main thread: a 5 MB text ranks in about a second, which would freeze the page. */
import * as Comlink from 'comlink';
import { runExtractive } from '../src/summarize/run-extractive';
import { checkText } from '../src/summarize/validation';
import type { SummarizeWorkerApi } from '../src/summarize/worker-api';

const api: SummarizeWorkerApi = {
  extract: runExtractive,
  check(text) {
    const result = checkText(text);
    return result.ok ? { ok: true } : result;
  },
};
Comlink.expose(api);
