import { archiveExpiring } from './archive-expiring';
import { evaluateRules } from './evaluate-rules';
import type { Job } from './job';

/** Every job the scheduler runs. */
export const JOBS: Job[] = [archiveExpiring, evaluateRules];
