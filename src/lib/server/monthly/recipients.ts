import { z } from 'zod';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { getTenantSettings, saveTenantSettings } from '../tenants/tenant-settings';

/** Addresses as typed into the form: separated by commas, spaces or new lines. */
export const RecipientsText = z
	.string()
	.max(5000)
	.transform((t) => [...new Set(t.split(/[\s,;]+/).map((a) => a.trim()).filter(Boolean))])
	.pipe(z.array(z.email({ message: 'is not an email address' })).max(50, 'at most 50 recipients'));

/** Saves a tenant's own report recipients and writes the change, before and after, to the audit trail. */
export async function saveReportRecipients(tenant: string, recipients: string[], by: AuditActor, meta: { ip?: string; userAgent?: string } = {}, now = new Date()) {
	const settings = await getTenantSettings(tenant);
	if (settings.reportRecipients.join(',') === recipients.join(',')) return false;
	await saveTenantSettings(tenant, { ...settings, reportRecipients: recipients }, by.email ?? by.id, now);
	await recordAudit(
		{
			actor: by,
			action: 'report_recipients_updated',
			category: 'configuration',
			target: { type: 'tenant', id: tenant, name: tenant },
			changes: { before: { report_recipients: settings.reportRecipients }, after: { report_recipients: recipients } },
			...meta
		},
		now
	);
	return true;
}
