import { z } from 'zod';
import { insert, query } from '../../clickhouse/query';
import { ChTimeIso, rowVersion, toChTime } from '../../clickhouse/time';
import type { TenantScope } from '../events/event-where';

export const RUN_KINDS = ['scheduled', 'manual', 'resend'] as const;
export const RUN_STATUSES = ['sending', 'sent', 'failed'] as const;

export const ReportRunRow = z.object({
	tenant: z.string(),
	month: z.string(),
	sendNo: z.coerce.number(),
	kind: z.enum(RUN_KINDS),
	status: z.enum(RUN_STATUSES),
	attempts: z.coerce.number(),
	recipients: z.array(z.string()),
	messageId: z.string(),
	error: z.string(),
	requestedBy: z.string(),
	summary: z.string(),
	digest: z.string(),
	createdAt: ChTimeIso,
	sentAt: ChTimeIso.nullable(),
	updatedAt: ChTimeIso
});
export type ReportRun = z.infer<typeof ReportRunRow>;

const COLUMNS = `tenant, month, send_no AS "sendNo", kind, status, attempts, recipients, message_id AS "messageId", error,
	requested_by AS "requestedBy", summary, digest, toString(created_at) AS "createdAt",
	if(isNull(sent_at), NULL, toString(sent_at)) AS "sentAt", toString(updated_at) AS "updatedAt"`;

/** Every send of one tenant's month, the first (send_no 0) first. */
export function listMonthRuns(tenant: string, month: string): Promise<ReportRun[]> {
	return query({
		name: 'monthly.listMonthRuns',
		row: ReportRunRow,
		params: { tenant, month },
		sql: `SELECT ${COLUMNS} FROM report_runs FINAL WHERE tenant = {tenant:String} AND month = {month:String} ORDER BY send_no`
	});
}

/** Past reports the caller may see, newest month first; bounded by a count, not a period (a few rows a month). */
export function listReportRuns(scope: TenantScope, tenant: string | undefined, limit = 500): Promise<ReportRun[]> {
	const where = tenant ? 'tenant = {tenant:String}' : scope === '*' ? '1' : 'tenant IN {tenants:Array(String)}';
	return query({
		name: 'monthly.listReportRuns',
		row: ReportRunRow,
		params: { tenant, tenants: scope === '*' ? [] : scope, limit },
		sql: `SELECT ${COLUMNS} FROM report_runs FINAL WHERE ${where} ORDER BY month DESC, tenant, send_no DESC LIMIT {limit:UInt32}`
	});
}


/** Writes the whole new state of one send as a newer version. */
export async function insertReportRun(run: ReportRun, now: Date): Promise<void> {
	const ch = (iso: string) => toChTime(new Date(iso));
	await insert('monthly.insertReportRun', 'report_runs', [
		{
			tenant: run.tenant,
			month: run.month,
			send_no: run.sendNo,
			kind: run.kind,
			status: run.status,
			attempts: run.attempts,
			recipients: run.recipients,
			message_id: run.messageId,
			error: run.error.slice(0, 2000),
			requested_by: run.requestedBy,
			summary: run.summary,
			digest: run.digest,
			created_at: ch(run.createdAt),
			sent_at: run.sentAt ? ch(run.sentAt) : null,
			updated_at: toChTime(now),
			version: rowVersion(now)
		}
	]);
}
