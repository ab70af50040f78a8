import type { EventKind } from '../../schemas/event-kinds';
import { CONFIG_CHANGE, DELETION, EXPORT, FAILED_SIGN_IN, PRIVILEGE_CHANGE, PRIVILEGE_ELEVATION, SIGN_IN } from './event-kinds';

/** Each kind of event as its one shared predicate: rules, the timeline's `kind` filter and alert links use these. */
export const KIND_SQL: Record<EventKind, string> = {
	failed_sign_in: FAILED_SIGN_IN,
	sign_in: SIGN_IN,
	export: EXPORT,
	deletion: DELETION,
	privilege_change: PRIVILEGE_CHANGE,
	privilege_elevation: PRIVILEGE_ELEVATION,
	config_change: CONFIG_CHANGE
};

/** Events of any of these kinds. */
export const kindsSql = (kinds: readonly EventKind[]) => `(${kinds.map((k) => KIND_SQL[k]).join(' OR ')})`;
