import { getConfig } from '../config';
import type { Mailer } from '../mail/mailer';
import { evaluateRules, type EvaluationReport } from './evaluate-rules';
import { notifyPending } from './notify';
import { deliverOutbox, type DeliveryReport } from './outbox';
import { listRules } from './rule-store';

export interface RuleJobReport extends EvaluationReport {
	enqueued: number;
	delivery: DeliveryReport;
}

/**
 * One tick of the rule job: evaluate what arrived since the last tick, put the email of every
 * alert not yet announced in the outbox (also those a crash kept from it), send what is due.
 */
export async function runRuleJob(now: Date, mailer: Mailer, opts: { tenants?: string[]; rerunFrom?: Date } = {}): Promise<RuleJobReport> {
	const config = getConfig();
	const report = await evaluateRules({ now, settleMs: config.rules.settleMs, tenants: opts.tenants, rerunFrom: opts.rerunFrom });
	const rules = new Map((await listRules()).map((r) => [r.rule.id, r.rule]));
	const enqueued = await notifyPending(rules, { appUrl: config.http.appUrl, recipients: config.mail.alertRecipients, burstCap: config.rules.burstCap, now });
	const delivery = await deliverOutbox(mailer, now);
	return { ...report, enqueued, delivery };
}

export function summarize(r: RuleJobReport): string {
	const windows = r.runs.reduce((n, x) => n + x.windows, 0);
	const parts = [`${r.runs.length} rule run(s) over ${windows} window(s)`, `${r.opened.length} alert(s) raised`, `${r.extended.length} extended`, `${r.delivery.sent} email(s) sent`];
	if (r.errors.length) parts.push(`errors: ${r.errors.map((e) => `${e.ruleId}@${e.tenant}: ${e.error}`).join('; ')}`);
	if (r.delivery.failed.length) parts.push(`${r.delivery.failed.length} email(s) failed, will retry`);
	return parts.join(', ');
}
