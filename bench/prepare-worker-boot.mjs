// A worker thread does not inherit tsx's loader from --import: it registers it, then loads the TypeScript.
import { register } from 'tsx/esm/api';
register();
await import('./prepare-worker-thread.ts');
