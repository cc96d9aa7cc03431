// The user's runtime settings (backend, dtype, hub host) as a lit context: the shell provides them and keeps them
// current; the header and the pages consume them instead of each subscribing to src/runtime/settings.
import { createContext } from '@lit/context';
import type { Settings } from '../runtime/settings';

export const settingsContext = createContext<Settings>(Symbol('mlwb-settings'));
