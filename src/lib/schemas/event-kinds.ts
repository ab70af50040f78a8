/** Kinds of events, each one of the shared predicates of server/queries/event-kinds.ts. */
export const EVENT_KINDS = ['failed_sign_in', 'sign_in', 'export', 'deletion', 'privilege_change', 'privilege_elevation', 'config_change'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** How a kind reads on a filter chip or in a sentence. */
export const KIND_LABELS: Record<EventKind, string> = {
	failed_sign_in: 'failed sign-in',
	sign_in: 'sign-in',
	export: 'export',
	deletion: 'deletion',
	privilege_change: 'privilege change',
	privilege_elevation: 'privilege elevation',
	config_change: 'configuration change'
};
