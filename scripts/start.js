// `npm start`: builds the app when needed, then serves it.
import { join } from 'node:path';
import { ensureBuild } from './ensure-build.js';

ensureBuild();
// adapter-node's own limit would refuse large batches before the API can answer with its 413.
process.env.BODY_SIZE_LIMIT ??= 'Infinity';
// adapter-node assumes https unless told the origin, and SvelteKit then refuses same-site form
// posts over plain http (sign-in included): the app's own address is the origin.
process.env.ORIGIN ??= (process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '');
await import(join(process.cwd(), 'build', 'index.js'));
