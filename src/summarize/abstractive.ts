// Abstractive summarization with a transformers.js `summarization` pipeline, run inside the inference worker:
// tokens stream out through a TextStreamer, Stop interrupts generation between tokens, and documents longer than
// the model's input are summarized chunk by chunk, then the chunk summaries are summarized (map-reduce).
import { InterruptableStoppingCriteria, TextStreamer } from '@huggingface/transformers';
import type { SummarizeEvent, SummarizeOptions } from './events';
import { chunkByTokens } from './chunking';

interface Tokenizer {
  model_max_length?: number;
  encode(text: string, options?: { add_special_tokens?: boolean }): number[];
}

interface Session {
  run(...args: unknown[]): Promise<unknown>;
}

interface SummarizationPipeline {
  (text: string, options: Record<string, unknown>): Promise<{ summary_text: string }[]>;
  tokenizer: Tokenizer;
  task?: string;
  model: {
    sessions: Record<string, Session>;
    config: { prefix?: string; task_specific_params?: Record<string, { prefix?: string }>; max_position_embeddings?: number };
    generation_config?: { max_length?: number | null };
  };
}

// Room for the special tokens a tokenizer adds around the input (<s> … </s>).
const SPECIAL_TOKEN_ROOM = 4;
// A model that says nothing useful about its input limit is treated as a 512-token model.
const FALLBACK_INPUT_TOKENS = 512;
const MAX_INPUT_TOKENS = 1024;
const DEFAULT_MAX_NEW_TOKENS = 142;
// Each round shrinks the text; if it still does not fit after this many, the last round's summaries are the result.
const MAX_ROUNDS = 3;

function inputLimit(pipe: SummarizationPipeline, countTokens: (text: string) => number): number {
  const declared = pipe.tokenizer.model_max_length;
  const positions = pipe.model.config.max_position_embeddings;
  const limit = Math.min(
    MAX_INPUT_TOKENS,
    declared && declared < 1e6 ? declared : FALLBACK_INPUT_TOKENS,
    positions && positions > 0 ? positions : Infinity,
  );
  const prefix = pipe.model.config.prefix ?? pipe.model.config.task_specific_params?.summarization?.prefix ?? '';
  return Math.max(8, limit - SPECIAL_TOKEN_ROOM - (prefix ? countTokens(prefix) : 0));
}

/** Resolves in a later task, not a microtask: pending messages (a cancel) are handled first. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const yieldingSessions = new WeakSet<Session>();

/**
 * onnxruntime-web's WASM runs resolve without giving the worker's event loop a turn, so a cancel() message would
 * wait until the whole summary is done. Each model step first yields one task, which lets it in between tokens.
 */
function yieldBeforeEachStep(pipe: SummarizationPipeline): void {
  for (const session of Object.values(pipe.model.sessions)) {
    if (yieldingSessions.has(session)) continue;
    const run = session.run.bind(session);
    session.run = async (...args: unknown[]) => {
      await nextTask();
      return run(...args);
    };
    yieldingSessions.add(session);
  }
}

export interface AbstractiveSummarizer {
  summarize(text: string, options: SummarizeOptions, onEvent: (event: SummarizeEvent) => void): Promise<string>;
  /** Stops the running summary after the current token; what was generated so far is returned. */
  cancel(): void;
}

export function createAbstractiveSummarizer(currentPipeline: () => unknown): AbstractiveSummarizer {
  let stopping: InterruptableStoppingCriteria | undefined;

  async function generate(pipe: SummarizationPipeline, text: string, options: SummarizeOptions, onToken: (text: string) => void): Promise<string> {
    const streamer = new TextStreamer(pipe.tokenizer as never, { skip_prompt: true, skip_special_tokens: true, callback_function: onToken });
    const maxNewTokens = options.maxNewTokens ?? Math.min(pipe.model.generation_config?.max_length ?? DEFAULT_MAX_NEW_TOKENS, 256);
    const output = await pipe(text, {
      max_new_tokens: maxNewTokens,
      ...(options.minNewTokens ? { min_new_tokens: options.minNewTokens } : {}),
      streamer,
      stopping_criteria: stopping,
    });
    return (output[0]?.summary_text ?? '').trim();
  }

  return {
    async summarize(text, options, onEvent) {
      const onToken = (token: string) => onEvent({ kind: 'token', text: token });
      const pipe = currentPipeline() as SummarizationPipeline | undefined;
      if (!pipe) throw new Error('No summarization model is loaded.');
      yieldBeforeEachStep(pipe);
      stopping = new InterruptableStoppingCriteria();
      const countTokens = (t: string) => pipe.tokenizer.encode(t, { add_special_tokens: false }).length;
      const limit = inputLimit(pipe, countTokens);
      let current = text;
      for (let round = 1; ; round++) {
        const chunks = chunkByTokens(current, countTokens, limit);
        if (chunks.length <= 1) {
          if (round > 1) onEvent({ kind: 'progress', progress: { stage: 'combine', round } });
          return generate(pipe, chunks[0] ?? current, options, onToken);
        }
        const summaries: string[] = [];
        for (let index = 0; index < chunks.length && !stopping.interrupted; index++) {
          onEvent({ kind: 'progress', progress: { stage: 'chunk', index: index + 1, total: chunks.length, round } });
          summaries.push(await generate(pipe, chunks[index]!, options, onToken));
        }
        current = summaries.join('\n\n');
        if (stopping.interrupted || round === MAX_ROUNDS) return current;
      }
    },
    cancel() {
      stopping?.interrupt();
    },
  };
}
