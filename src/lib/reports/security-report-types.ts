import type { BusinessHours } from '../schemas/tenant-settings';

/** The shape of the security report (GET /api/v1/reports/security), shared by the server and the pages. */

export interface PeriodTotals {
	events: number;
	/** Distinct accounts (email, else actor id) with at least one successful event. */
	active_users: number;
	sign_ins: number;
	failed_sign_ins: number;
	exports: number;
	exported_records: number;
	exported_bytes: number;
	privilege_changes: number;
	configuration_changes: number;
	deletions: number;
}

export interface UnusualExporter {
	actor: string;
	records: number;
	usual_daily_records: number;
	expected_records: number;
	ratio: number | null;
}

/**
 * The settings of the rules a report section echoes, as stored when the report was made: a mass
 * deletion burst is at least `deletions` deletions by one account within `window_minutes`, or one
 * bulk deletion of at least `single_items` items; an unusual exporter exported at least `min_records` records and
 * more than `factor` times its daily average over the `baseline_days` before the period.
 */
export interface ReportRuleSettings {
	mass_deletion: { rule_id: string; deletions: number; window_minutes: number; single_items: number | null };
	unusual_exports: { rule_id: string; factor: number; baseline_days: number; min_records: number };
}

/** Every row carries `events_query`: the /events (and GET /api/v1/events) query string of exactly its events. */
interface Linked {
	events_query: string;
}
type Values = Record<string, unknown> | null;
export interface Target {
	type: string | null;
	id: string | null;
	name: string | null;
}
/** A time span, ISO 8601 in the report's zone. */
interface Span {
	from: string;
	to: string;
}

export interface SecurityReport {
	period: { from: string; to: string; timezone: string };
	/** The timeline filters the report is narrowed by (ip, actor, source); empty when none. */
	filter: { ip?: string; actor?: string; source?: string };
	business_hours: ({ tenant: string } & BusinessHours)[];
	totals: PeriodTotals & { deleted_items: number } & Linked;
	failed_logins_by_ip: ({ ip: string; failures: number; accounts: number; first_seen: string; last_seen: string; country: string | null; success_after: boolean } & Linked)[];
	failed_logins_by_country: ({ country: string | null; failures: number; ips: number; accounts: number } & Linked)[];
	failed_logins_over_time: (Span & { failures: number } & Linked)[];
	exports: {
		count: number;
		records: number;
		bytes: number;
		by_user: ({ actor: string; exports: number; records: number; bytes: number } & Linked)[];
		over_time: (Span & { exports: number; records: number; bytes: number } & Linked)[];
		largest: ({ id: string; occurred_at: string; actor: string; actor_name: string | null; action: string; target: Target; records: number; bytes: number } & Linked)[];
		unusual: (UnusualExporter & Linked)[];
	} & Linked;
	privilege_changes: ({ id: string; occurred_at: string; actor: string; actor_name: string | null; action: string; target: Target; before: Values; after: Values; elevation: boolean } & Linked)[];
	configuration_changes: ({ id: string; occurred_at: string; actor: string; actor_name: string | null; action: string; setting: string; target: Target; before: Values; after: Values } & Linked)[];
	deletions: {
		count: number;
		items: number;
		by_actor: ({ actor: string; deletions: number; items: number; exact: boolean } & Linked)[];
		by_entity_type: ({ entity_type: string | null; deletions: number; items: number; exact: boolean } & Linked)[];
		bursts: (Span & { actor: string; deletions: number; items: number; exact: boolean } & Linked)[];
		over_time: (Span & { deletions: number })[];
	};
	off_hours: ({ id: string; occurred_at: string; tenant: string; kinds: string[]; actor: string; actor_name: string | null; action: string; ip: string | null; country: string | null; target: Target } & Linked)[];
	off_hours_summary: { events: number; sign_ins: number; exports: number; privilege_changes: number; configuration_changes: number; deletions: number; accounts: number };
	/** How many rows each list was cut to. */
	limits: Record<string, number>;
	/** The rule settings the bursts and unusual exporters were found with. */
	rules: ReportRuleSettings;
	/** The period's sign-ins, privilege changes and deletions on the timeline: exact, or a wider filter when the group is too mixed. */
	kind_links: Record<'sign_ins' | 'privilege_changes' | 'deletions', { events_query: string; exact: boolean }>;
}
