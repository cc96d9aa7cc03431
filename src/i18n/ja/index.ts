// The Japanese locale module @lit/localize loads: every area's templates under their `<area>.<name>` ids.
import { templates as app } from './app';
import { templates as bench } from './bench';
import { templates as doodle } from './doodle';
import { templates as models } from './models';
import { templates as quantize } from './quantize';
import { templates as summarize } from './summarize';
import { templates as ui } from './ui';

export const templates = { ...app, ...ui, ...doodle, ...summarize, ...quantize, ...models, ...bench };
