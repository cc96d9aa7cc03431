// The summarization engines the page offers: the bundled extractive engine, and transformers.js hub models.
import { msg, str } from '@lit/localize';
import { DTYPES, type Catalog } from '../../runtime/catalog';
import { parseHubId } from '../../runtime/hub-id';
import type { Dtype, SummarizeProgress } from '../../runtime/protocol';

export const EXTRACTIVE = 'extractive';
export const OTHER_HUB_MODEL = 'other';

export interface HubSummarizer {
  id: string;
  title: string;
  dtypes: Dtype[];
  defaultDtype: Dtype;
  /** Opened from the user's disk (`local/…` in the cache), not fetched from the hub. */
  local: boolean;
}

/** Catalogued summarization models (hub, and local folders opened on the Models page), with the dtypes each offers. */
export function hubSummarizers(from: Catalog): HubSummarizer[] {
  return from.models
    .filter((model) => model.task === 'summarization')
    .map((model) => ({
      id: model.id,
      title: model.title,
      dtypes: DTYPES.filter((d) => model.dtypes[d]),
      defaultDtype: model.defaultDtype,
      local: model.source === 'local',
    }));
}

/** A model the catalog does not know may offer any dtype; fp32 is what every export has. */
export function uncataloguedSummarizer(id: string): HubSummarizer {
  return { id, title: id, dtypes: [...DTYPES], defaultDtype: 'fp32', local: false };
}

/**
 * The hub model an engine choice names: a catalogued one, or for OTHER_HUB_MODEL the id typed in `otherModelId`
 * (undefined when that is not an organisation/name id).
 */
export function chosenHubModel(engine: string, otherModelId: string, catalogued: readonly HubSummarizer[]): HubSummarizer | undefined {
  if (engine !== OTHER_HUB_MODEL) return catalogued.find((m) => m.id === engine) ?? uncataloguedSummarizer(engine);
  const parsed = parseHubId(otherModelId);
  return parsed.ok ? uncataloguedSummarizer(parsed.id) : undefined;
}

/** The dtype a load uses: the one chosen if the model offers it, else the model's default. */
export function dtypeFor(model: HubSummarizer, chosen: Dtype): Dtype {
  return model.dtypes.includes(chosen) ? chosen : model.defaultDtype;
}

export function progressLabel(progress: SummarizeProgress): string {
  if (progress.stage === 'combine') return msg('Combining the chunk summaries…', { id: 'summarize.progress.combine' });
  const { index, total, round } = progress;
  if (round > 1) return msg(str`Chunk ${index} of ${total} (summaries of summaries, round ${round})`, { id: 'summarize.progress.chunk-round' });
  return msg(str`Chunk ${index} of ${total}`, { id: 'summarize.progress.chunk' });
}
