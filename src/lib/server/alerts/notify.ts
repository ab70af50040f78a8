import type { Rule } from '../../schemas/rule';
import { renderAlertEmail, renderAlertSummary } from '../mail/render-alert';
import { listAlertEvents } from '../queries/alerts/list-alert-events';
import type { Alert } from '../rules/decide';
import { getTenantSettings } from '../tenants/tenant-settings';
import { enqueueMessages, type OutgoingMessage } from './outbox';

export interface NotifyOptions {
	appUrl: string;
	/** ALERT_RECIPIENTS: every alert of every tenant. */
	recipients: string[];
	/** More new alerts than this for one tenant in one evaluation come as one summary email. */
	burstCap: number;
	now: Date;
}

const unique = (xs: string[]) => [...new Set(xs.map((x) => x.trim().toLowerCase()).filter(Boolean))];

/** Puts an email for each newly opened alert (or one summary per tenant for a burst) in the outbox. */
export async function notifyOpened(opened: Alert[], rules: ReadonlyMap<string, Rule>, o: NotifyOptions): Promise<number> {
	const byTenant = new Map<string, Alert[]>();
	for (const a of opened) byTenant.set(a.tenant, [...(byTenant.get(a.tenant) ?? []), a]);
	const messages: OutgoingMessage[] = [];
	for (const [tenant, alerts] of byTenant) {
		const settings = await getTenantSettings(tenant);
		const timezone = settings.businessHours.timezone;
		const recipientsOf = (a: Alert) => unique([...o.recipients, ...settings.alertRecipients, ...(rules.get(a.ruleId)?.recipients ?? [])]);
		if (alerts.length > o.burstCap) {
			const nounOf = (id: string) => rules.get(id)?.noun ?? 'events';
			const message = renderAlertSummary(alerts, { appUrl: o.appUrl, timezone, tenant, nounOf });
			messages.push({ tenant, kind: 'summary', alertIds: alerts.map((a) => a.id), recipients: unique(alerts.flatMap(recipientsOf)), message });
			continue;
		}
		for (const a of alerts) {
			const rule = rules.get(a.ruleId);
			const samples = await listAlertEvents({ tenant, eventIds: a.eventIds, from: a.windowStart, to: a.lastSeen }, 10);
			const message = renderAlertEmail(a, { appUrl: o.appUrl, timezone, noun: rule?.noun ?? 'events', windowMinutes: rule?.windowMinutes ?? 0, samples });
			messages.push({ tenant, kind: 'alert', alertIds: [a.id], recipients: recipientsOf(a), message });
		}
	}
	return enqueueMessages(messages, o.now);
}
