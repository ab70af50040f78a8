import { archiveExpiring } from './archive-expiring';
import { evaluateRules } from './evaluate-rules';
import type { Job } from './job';
import { monthlyReport } from './monthly-report';
import { sealEvents } from './seal-events';

/** Every job the scheduler runs. */
export const JOBS: Job[] = [archiveExpiring, evaluateRules, monthlyReport, sealEvents];
