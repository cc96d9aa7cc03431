// Model ids typed by the user: the hub names every model organisation/name.
const HUB_ID = /^[\w.-]+\/[\w.-]+$/;

export type ParsedHubId = { ok: true; id: string } | { ok: false; message: string };

/** The id the user typed (trimmed), or what is wrong with it; `example` is a model that fits where it is asked. */
export function parseHubId(value: string, example = 'Xenova/t5-small'): ParsedHubId {
  const id = value.trim();
  if (HUB_ID.test(id)) return { ok: true, id };
  return { ok: false, message: `Enter a hub model id like "${example}" (organisation/name).` };
}
