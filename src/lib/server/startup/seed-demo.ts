import { getConfig } from '../config';
import { insert } from '../clickhouse/query';
import { countEventsOutside } from '../queries/events/count-events-outside';
import { generateDemoEvents } from '../demo/generate';
import { prepareEvents } from '../ingest/prepare';
import { DEFAULT_TENANT_SETTINGS } from '../../schemas/tenant-settings';
import { saveTenantSettings } from '../tenants/tenant-settings';
import { runRuleJob } from '../alerts/rule-job';
import { getMailer } from '../mail/mailer';

/**
 * Fills a store without application events with the demo company's last 30 days; Trailscope's
 * own audit trail (the first administrator's creation, say) does not count as data.
 */
export async function seedDemoIfEmpty(now = new Date()): Promise<number> {
	if ((await countEventsOutside(getConfig().auditTenant)) > 0) return 0;
	const events = generateDemoEvents({ now });
	const chunk = 10_000;
	for (let i = 0; i < events.length; i += chunk) {
		const part = events.slice(i, i + chunk);
		const prepared = await prepareEvents(part, part.map(() => 0), { now, retention: getConfig().retention });
		if (!prepared.ok) throw new Error(`demo data failed validation: ${JSON.stringify(prepared.problems.slice(0, 3))}`);
		await insert('demo.insertEvents', 'events', prepared.rows);
	}
	// The demo company works in Paris, its support desk open every day from 07:00 to 22:00 (a few
	// people cover weekends); its off-hours incidents are planted at night, in Paris time.
	const businessHours = { ...DEFAULT_TENANT_SETTINGS.businessHours, timezone: 'Europe/Paris', days: [1, 2, 3, 4, 5, 6, 7], start: '07:00', end: '22:00' };
	await saveTenantSettings('default', { ...DEFAULT_TENANT_SETTINGS, businessHours }, 'demo', now);
	// Trailscope's own users work for the demo company too: their sign-ins keep its hours.
	await saveTenantSettings(getConfig().auditTenant, { ...DEFAULT_TENANT_SETTINGS, businessHours }, 'demo', now);
	return events.length;
}

/**
 * Evaluates the rules once right after seeding, so a newcomer's /alerts shows the planted
 * incidents at once. It is an ordinary tick: the demo's 30 days have just arrived, so every rule
 * reads them as it would a large import; their email goes the usual way (one summary per rule).
 */
export async function raiseDemoAlerts(now = new Date()): Promise<number> {
	const report = await runRuleJob(now, getMailer());
	return report.opened.length;
}
