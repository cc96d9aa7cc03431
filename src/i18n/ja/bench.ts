// Japanese for the bench strings (ids "bench.*"). Template values: ${0}, ${1}… are the source's expressions in order.
import type { JaTemplates } from './types';

export const templates: JaTemplates = {};
