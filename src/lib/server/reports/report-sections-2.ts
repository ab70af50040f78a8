import { and, byActor } from '../../reports/events-query';
import { countOffHours } from '../queries/reports/count-off-hours';
import { listChangeEvents } from '../queries/reports/list-change-events';
import { listDeletionBursts } from '../queries/reports/list-deletion-bursts';
import { listDeletionsBy } from '../queries/reports/list-deletions-by';
import { listOffHoursEvents } from '../queries/reports/list-off-hours-events';
import { changeValues, settingName } from './change-values';
import { offHoursCondition } from './off-hours';
import { DELETION_WIDER } from '../queries/event-kinds';
import { baseOf, eventSummary, groupLink, LIMITS } from './report-sections';
import type { ReportQuery } from './report-query';
import type { ReportRuleSettings } from './rule-settings';
import { isoIn } from './series';

export async function changeSections(q: ReportQuery) {
	const base = baseOf(q);
	const [privilege, config] = await Promise.all([listChangeEvents(q, 'privilege_change', LIMITS.privilege_changes), listChangeEvents(q, 'config_change', LIMITS.configuration_changes)]);
	const common = (r: (typeof privilege)[number]) => eventSummary(q, base, r);
	return {
		privilege_changes: privilege.map((r) => ({ ...common(r), ...changeValues(r.changes, r.changed_fields, true), elevation: r.elevation })),
		configuration_changes: config.map((r) => ({ ...common(r), setting: settingName(r), ...changeValues(r.changes, r.changed_fields, false) }))
	};
}

export async function deletionSections(q: ReportQuery, settings: ReportRuleSettings['mass_deletion']) {
	const base = baseOf(q);
	const [byActor_, byType, bursts] = await Promise.all([
		listDeletionsBy(q, 'actor', LIMITS.deletion_groups),
		listDeletionsBy(q, 'target_type', LIMITS.deletion_groups),
		listDeletionBursts(q, settings, LIMITS.deletion_bursts)
	]);
	return {
		by_actor: byActor_.map((g) => ({ actor: g.key, deletions: g.deletions, items: g.n_items, ...groupLink(base, and(DELETION_WIDER, byActor(g.key)), g) })),
		by_entity_type: byType.map((g) => ({ entity_type: g.key || null, deletions: g.deletions, items: g.n_items, ...groupLink(base, and(DELETION_WIDER, { f: [`target_type:eq:${g.key}`] }), g) })),
		bursts: bursts.map((b) => ({
			actor: b.actor,
			from: isoIn(b.from, q.timezone),
			to: isoIn(b.to, q.timezone),
			deletions: b.deletions,
			items: b.items,
			// `to` is the last deletion; the link's end is exclusive.
			...groupLink(base, and(DELETION_WIDER, byActor(b.actor), { from: b.from, to: new Date(b.to.getTime() + 1) }), b)
		}))
	};
}

export async function offHoursSections(q: ReportQuery) {
	const base = baseOf(q);
	const off = await offHoursCondition(q);
	const [events, summary] = await Promise.all([listOffHoursEvents(q, off, LIMITS.off_hours), countOffHours(q, off)]);
	return {
		business_hours: Object.entries(off.hours).map(([tenant, bh]) => ({ tenant, ...bh })),
		off_hours: events.map((r) => ({ ...eventSummary(q, base, r), tenant: r.tenant, kinds: r.kind, ip: r.ip || null, country: r.country })),
		off_hours_summary: summary
	};
}
