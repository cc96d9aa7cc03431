/**
 * The pages the shell shows, in nav order. A page is listed only once it works.
 * `load()` imports the module that defines the custom element `tag`; sub-routes reach it as its `subroute` property.
 * `title()` is called at render time, so it follows the interface language.
 */
import { msg } from '@lit/localize';

export interface PageEntry {
  route: string;
  title: () => string;
  tag: string;
  load: () => Promise<unknown>;
}

export const pages: PageEntry[] = [
  { route: 'doodle', title: () => msg('Doodle Dash', { id: 'app.page.doodle' }), tag: 'doodle-page', load: () => import('../features/doodle/doodle-page') },
  { route: 'summarize', title: () => msg('Summarize', { id: 'app.page.summarize' }), tag: 'summarize-page', load: () => import('../features/summarize/summarize-page') },
  { route: 'quantize', title: () => msg('Quantize lab', { id: 'app.page.quantize' }), tag: 'quantize-page', load: () => import('../features/quantize/quantize-page') },
  { route: 'models', title: () => msg('Models', { id: 'app.page.models' }), tag: 'mlwb-models-page', load: () => import('../features/models/models-page') },
  { route: 'bench', title: () => msg('Benchmark', { id: 'app.page.bench' }), tag: 'bench-page', load: () => import('../features/bench/bench-page') },
];
