import { recordAudit, type AuditActor } from '../audit/record-audit';
import { getConfig } from '../config';
import { getMailer } from '../mail/mailer';
import type { ReportRun } from '../queries/monthly/report-runs';
import { getTenantSettings } from '../tenants/tenant-settings';
import { composeMonthlyEmail } from './compose';
import type { SendDeps } from './send-report';

/** REPORT_RECIPIENTS and the tenant's own report recipients, each once. */
export async function reportRecipients(tenant: string, configured: string[]): Promise<string[]> {
	const settings = await getTenantSettings(tenant);
	const seen = new Set<string>();
	return [...configured, ...settings.reportRecipients].filter((a) => !seen.has(a.toLowerCase()) && !!seen.add(a.toLowerCase()));
}

/** Every send goes to Trailscope's own audit trail: it carries audit data out of the system. */
export async function auditReportSend(actor: AuditActor, run: ReportRun): Promise<void> {
	await recordAudit({
		actor,
		action: run.kind === 'resend' ? 'monthly_report.resend' : 'monthly_report.send',
		category: 'data_export',
		outcome: run.status === 'sent' ? 'success' : 'failure',
		reason: run.error || undefined,
		target: { type: 'monthly_report', id: `${run.tenant}/${run.month}`, name: `${run.month} compliance report of ${run.tenant}` },
		details: { tenant: run.tenant, month: run.month, send_no: run.sendNo, kind: run.kind, attempt: run.attempts, recipients: run.recipients, message_id: run.messageId, digest: run.digest }
	});
}

/** The real mailer, configuration, clock and audit trail. */
export function defaultSendDeps(overrides: Partial<SendDeps> = {}): SendDeps {
	const config = getConfig();
	const clock = overrides.clock ?? (() => new Date());
	return {
		mailer: getMailer(),
		clock,
		compose: (tenant, month) => composeMonthlyEmail(tenant, month, clock(), config.http.appUrl),
		recipients: (tenant) => reportRecipients(tenant, config.monthlyReport.recipients),
		audit: auditReportSend,
		...overrides
	};
}

export const SYSTEM_ACTOR: AuditActor = { id: 'trailscope', name: 'Trailscope scheduler', type: 'system' };
