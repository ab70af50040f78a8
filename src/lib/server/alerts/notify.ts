import type { Rule } from '../../schemas/rule';
import { groupBy } from '../../group-by';
import { renderAlertEmail, renderAlertSummary } from '../mail/render-alert';
import { listAlertEvents } from '../queries/alerts/list-alert-events';
import { listIncidentAccounts } from '../queries/alerts/list-incident-accounts';
import { listIncidentMembers, listUnannouncedAlerts } from '../queries/alerts/list-unannounced';
import type { Alert } from '../rules/decide';
import { getTenantSettings } from '../tenants/tenant-settings';
import { enqueueMessages, type OutgoingMessage } from './outbox';

export interface NotifyOptions {
	appUrl: string;
	/** ALERT_RECIPIENTS: every alert of every tenant. */
	recipients: string[];
	/** More new alerts than this for one tenant at once come as one summary per rule. */
	burstCap: number;
	now: Date;
}

/** Alerts older than this that were never announced are left alone (a store restored from backup). */
const ANNOUNCE_WITHIN_MS = 7 * 86_400_000;

const unique = (xs: string[]) => [...new Set(xs.map((x) => x.trim().toLowerCase()).filter(Boolean))];

/**
 * Puts an email in the outbox for every incident not yet announced: one per alert, or, when a
 * tenant has more than the burst cap at once (a large import, the demo's history), one summary
 * per rule. Alerts folded into an incident are told in its email, never in one of their own.
 */
export async function notifyPending(rules: ReadonlyMap<string, Rule>, o: NotifyOptions): Promise<number> {
	const pending = await listUnannouncedAlerts(new Date(o.now.getTime() - ANNOUNCE_WITHIN_MS));
	if (pending.length === 0) return 0;
	const byTenant = [...groupBy(pending, (a) => a.tenant)].map(([tenant, alerts]) => ({
		tenant,
		groups: alerts.length > o.burstCap ? [...groupBy(alerts, (a) => a.ruleId).values()] : alerts.map((a) => [a])
	}));
	// Only an alert's own email tells its incident's other alerts: after an import, asking for the
	// members of every summarised incident read tens of thousands of alerts for nothing.
	const alone = byTenant.flatMap((t) => t.groups.filter((g) => g.length === 1).map((g) => g[0].id));
	const related = groupBy(await listIncidentMembers(alone), (a) => a.incidentId);
	const messages: OutgoingMessage[] = [];
	for (const { tenant, groups } of byTenant) {
		const settings = await getTenantSettings(tenant);
		const timezone = settings.businessHours.timezone;
		const recipientsOf = (a: Alert) => unique([...o.recipients, ...settings.alertRecipients, ...(rules.get(a.ruleId)?.recipients ?? [])]);
		for (const group of groups) {
			const rule = rules.get(group[0].ruleId);
			const noun = rule?.noun ?? 'events';
			if (group.length > 1) {
				const message = renderAlertSummary(group, { appUrl: o.appUrl, timezone, tenant, nounOf: () => noun });
				messages.push({ tenant, kind: 'summary', alertIds: group.map((a) => a.id), recipients: unique(group.flatMap(recipientsOf)), message });
				continue;
			}
			const a = group[0];
			const samples = await listAlertEvents({ tenant, eventIds: a.eventIds, from: a.windowStart, to: a.windowEnd }, 10);
			const others = related.get(a.id) ?? [];
			// Who was tried and who got in, for incidents about sign-ins (a spray and the sign-in after it).
			const accounts = (await listIncidentAccounts([a, ...others].map((x) => x.evidenceQuery), o.now, 500)).filter((u) => u.failures > 0 || u.sign_ins > 0);
			const message = renderAlertEmail(a, { appUrl: o.appUrl, timezone, noun, windowMinutes: rule?.windowMinutes ?? 0, samples, related: others, accounts });
			messages.push({ tenant, kind: 'alert', alertIds: [a.id], recipients: recipientsOf(a), message });
		}
	}
	return enqueueMessages(messages, o.now);
}
