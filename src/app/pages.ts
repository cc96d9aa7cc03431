/**
 * The pages the shell shows, in nav order. A page is listed only once it works.
 * `load()` imports the module that defines the custom element `tag`; sub-routes reach it as its `subroute` property.
 */
export interface PageEntry {
  route: string;
  title: string;
  tag: string;
  load: () => Promise<unknown>;
}

export const pages: PageEntry[] = [
  { route: 'doodle', title: 'Doodle Dash', tag: 'doodle-page', load: () => import('../features/doodle/doodle-page') },
  { route: 'summarize', title: 'Summarize', tag: 'summarize-page', load: () => import('../features/summarize/summarize-page') },
  { route: 'quantize', title: 'Quantize lab', tag: 'quantize-page', load: () => import('../features/quantize/quantize-page') },
  { route: 'models', title: 'Models', tag: 'mlwb-models-page', load: () => import('../features/models/models-page') },
  { route: 'bench', title: 'Benchmark', tag: 'bench-page', load: () => import('../features/bench/bench-page') },
];
