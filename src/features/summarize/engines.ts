// The summarization engines the page offers: the bundled extractive engine, and transformers.js hub models.
import { DTYPES, type Catalog } from '../../runtime/catalog';
import type { Dtype, SummarizeProgress } from '../../runtime/protocol';

export const EXTRACTIVE = 'extractive';
export const OTHER_HUB_MODEL = 'other';

export interface HubSummarizer {
  id: string;
  title: string;
  dtypes: Dtype[];
  defaultDtype: Dtype;
}

/** Catalogued summarization models (hub), with the dtypes each offers. */
export function hubSummarizers(from: Catalog): HubSummarizer[] {
  return from.models
    .filter((model) => model.task === 'summarization')
    .map((model) => ({ id: model.id, title: model.title, dtypes: DTYPES.filter((d) => model.dtypes[d]), defaultDtype: model.defaultDtype }));
}

/** A model the catalog does not know may offer any dtype; fp32 is what every export has. */
export function uncataloguedSummarizer(id: string): HubSummarizer {
  return { id, title: id, dtypes: [...DTYPES], defaultDtype: 'fp32' };
}

export function progressLabel(progress: SummarizeProgress): string {
  if (progress.stage === 'combine') return 'Combining the chunk summaries…';
  const round = progress.round > 1 ? ` (summaries of summaries, round ${progress.round})` : '';
  return `Chunk ${progress.index} of ${progress.total}${round}`;
}
