import { archiveExpiring } from './archive-expiring';
import type { Job } from './job';

/** Every job the scheduler runs. */
export const JOBS: Job[] = [archiveExpiring];
