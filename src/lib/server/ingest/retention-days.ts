import type { Category } from '../../schemas/event-input';

export interface Retention {
	days: number;
	securityDays: number;
}

/** Kept for the longer, security retention: what an incident review reaches back for. */
export const SECURITY_CATEGORIES: readonly Category[] = ['authentication', 'authorization', 'data_export'];

export const retentionDays = (category: Category, r: Retention) => (SECURITY_CATEGORIES.includes(category) ? r.securityDays : r.days);
