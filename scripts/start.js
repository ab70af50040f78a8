// `npm start`: builds the app when needed, then serves it.
import { join } from 'node:path';
import { ensureBuild } from './ensure-build.js';

ensureBuild();
// adapter-node's own limit would refuse large batches before the API can answer with its 413.
process.env.BODY_SIZE_LIMIT ??= 'Infinity';
if (process.env.APP_URL && !process.env.ORIGIN) process.env.ORIGIN = process.env.APP_URL;
await import(join(process.cwd(), 'build', 'index.js'));
