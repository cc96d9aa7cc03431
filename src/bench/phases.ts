// Window events that tell a driver outside the page (npm run bench) when a load it should watch starts and ends,
// e.g. to count the network requests made during a warm load.
import type { Dtype } from '../runtime/protocol';

export const PHASE_EVENT = 'mlwb-bench-phase';

export interface PhaseDetail {
  phase: 'warm-load' | 'cold-load';
  state: 'start' | 'end';
  backend: string;
  dtype: Dtype;
}
