import { decodeModel, toNumber } from './proto';
import { initializerMap } from './graph';

export interface ModelInput {
  name: string;
  /** null where the dimension is symbolic (e.g. batch) or unknown. */
  dims: (number | null)[];
  elemType: number;
}

/** The inputs a caller must feed (graph inputs that are not initializers), with their shapes. */
export function modelInputs(bytes: Uint8Array): ModelInput[] {
  const graph = decodeModel(bytes).graph!;
  const initializers = initializerMap(graph);
  return (graph.input ?? [])
    .filter((input) => !initializers.has(input.name ?? ''))
    .map((input) => ({
      name: input.name ?? '',
      dims: (input.type?.tensorType?.shape?.dim ?? []).map((dim) => (dim.dimParam ? null : toNumber(dim.dimValue) || null)),
      elemType: input.type?.tensorType?.elemType ?? 0,
    }));
}
