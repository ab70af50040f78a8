import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../audit/record-audit';
import { getClaimHolder, insertReportClaim, type ClaimKey } from '../queries/monthly/report-claims';
import { insertReportRun, listMonthRuns, type ReportRun } from '../queries/monthly/report-runs';
import type { MailMessage, Mailer } from '../mail/mailer';
import type { Month } from './month';
import { retryDelayMs, RETRY_POLICIES } from '../retry';

/** What one send needs from outside: how to build the message, who gets it, and how to deliver. */
export interface SendDeps {
	mailer: Mailer;
	clock: () => Date;
	/** The message for a tenant's month, with a short summary and a digest of its figures. */
	compose(tenant: string, month: Month): Promise<{ message: Omit<MailMessage, 'to'>; summary: string; digest: string }>;
	recipients(tenant: string): Promise<string[]>;
	/** Written to Trailscope's audit trail; a send is an outward flow of audit data. */
	audit(actor: AuditActor, run: ReportRun): Promise<void>;
	/** How long a claim waits for rival claims to arrive before reading who holds it. */
	settleMs?: number;
}

export type SendMode = 'scheduled' | 'once' | 'resend';
export type SendOutcome = 'sent' | 'already_sent' | 'in_progress' | 'waiting' | 'failed';

export interface SendResult {
	outcome: SendOutcome;
	run: ReportRun | null;
}

/** A send in state "sending" for longer than this is taken as abandoned (the process died) and retried. */
export const STALE_SENDING_MS = 15 * 60e3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Which send (send_no) a request is about, or why nothing is to be done. */
function target(runs: ReportRun[], mode: SendMode, now: Date): { sendNo: number; current?: ReportRun } | SendOutcome {
	const last = runs.at(-1);
	const first = runs.find((r) => r.sendNo === 0);
	if (mode !== 'resend' && first?.status === 'sent') return 'already_sent';
	const current = mode === 'resend' ? last : first;
	if (current?.status === 'sending' && now.getTime() - Date.parse(current.updatedAt) < STALE_SENDING_MS) return 'in_progress';
	if (mode === 'scheduled' && current?.status === 'failed' && now.getTime() < Date.parse(current.updatedAt) + retryDelayMs(RETRY_POLICIES.monthlyReport, current.attempts)) return 'waiting';
	// A resend after a sent report is a new send; a resend of one that never went out retries it.
	if (mode === 'resend' && last?.status === 'sent') return { sendNo: last.sendNo + 1 };
	return { sendNo: current?.sendNo ?? 0, current };
}

/**
 * Sends a tenant's monthly report once (scheduled or on request), or again on purpose (resend).
 * Exactly once comes from the key (tenant, month, send_no) and a claim per attempt that the
 * earliest claimer wins, so a restart, a second process or a re-run never sends a second copy.
 */
export async function sendMonthlyReport(tenant: string, month: Month, mode: SendMode, actor: AuditActor, deps: SendDeps): Promise<SendResult> {
	const runs = await listMonthRuns(tenant, month);
	const t = target(runs, mode, deps.clock());
	if (typeof t === 'string') return { outcome: t, run: (mode === 'resend' ? runs.at(-1) : runs.find((r) => r.sendNo === 0)) ?? null };
	const key: ClaimKey = { tenant, month, sendNo: t.sendNo, attempt: (t.current?.attempts ?? 0) + 1 };
	const me = randomUUID();
	await insertReportClaim(key, me, deps.clock());
	await sleep(deps.settleMs ?? 1000);
	if ((await getClaimHolder(key)) !== me) return { outcome: 'in_progress', run: t.current ?? null };

	const started = deps.clock();
	const kind = t.sendNo > 0 ? 'resend' : mode === 'scheduled' ? 'scheduled' : 'manual';
	let run: ReportRun = {
		tenant, month, sendNo: t.sendNo, kind, status: 'sending', attempts: key.attempt, recipients: [], messageId: '', error: '',
		requestedBy: actor.email ?? actor.name ?? actor.id, summary: '', digest: '', createdAt: t.current?.createdAt ?? started.toISOString(), sentAt: null,
		updatedAt: started.toISOString()
	};
	await insertReportRun(run, started);
	try {
		const to = await deps.recipients(tenant);
		if (to.length === 0) throw new Error("no recipients: set REPORT_RECIPIENTS or the tenant's report recipients on the settings page");
		const composed = await deps.compose(tenant, month);
		run = { ...run, recipients: to, summary: composed.summary, digest: composed.digest };
		const { messageId } = await deps.mailer.send({ ...composed.message, to });
		const done = deps.clock();
		run = { ...run, status: 'sent', messageId, sentAt: done.toISOString(), updatedAt: done.toISOString() };
	} catch (e) {
		const failedAt = deps.clock();
		run = { ...run, status: 'failed', error: e instanceof Error ? e.message : String(e), updatedAt: failedAt.toISOString() };
	}
	await insertReportRun(run, new Date(Math.max(deps.clock().getTime(), started.getTime())));
	await deps.audit(actor, run);
	return { outcome: run.status === 'sent' ? 'sent' : 'failed', run };
}
