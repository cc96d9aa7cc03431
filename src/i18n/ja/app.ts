// Japanese for the app strings (ids "app.*"). Template values: ${0}, ${1}… are the source's expressions in order.
import type { JaTemplates } from './types';

export const templates: JaTemplates = {};
