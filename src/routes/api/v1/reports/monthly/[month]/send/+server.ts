import type { RequestHandler } from './$types';
import { z } from 'zod';
import { keyActor } from '$lib/admin/api.server';
import { jsonResponse, parameterProblem, problem } from '$lib/server/http/problem';
import { requireKey } from '$lib/server/http/require-key';
import { defaultSendDeps } from '$lib/server/monthly/deps';
import { checkReportMonth, MonthError } from '$lib/server/monthly/request';
import { sendMonthlyReport } from '$lib/server/monthly/send-report';

const Params = z.object({
	tenant: z.string({ message: 'name the tenant whose report to send' }).trim().min(1, 'name the tenant whose report to send').max(128),
	resend: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false')
});

const MESSAGES = {
	sent: 'sent',
	already_sent: 'already sent; nothing was sent now (pass resend=true to send it again on purpose)',
	in_progress: 'being sent by another process right now; nothing more was sent',
	waiting: 'a recent send failed and is retried shortly',
	failed: 'sending failed; nothing is lost, try again'
} as const;

/** Sends a tenant's monthly report unless already sent; `resend=true` sends it again on purpose. */
export const POST: RequestHandler = async ({ request, url, params }) => {
	const key = await requireKey(request.headers.get('authorization'), 'admin');
	if (key instanceof Response) return key;
	const parsed = Params.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) return parameterProblem(parsed.error);
	const { tenant, resend } = parsed.data;
	if (key.tenant && key.tenant !== tenant) return problem(403, `tenant: this API key is bound to the tenant "${key.tenant}"`, { parameter: 'tenant' });
	let month: string;
	try {
		month = await checkReportMonth(params.month, tenant, new Date(), true);
	} catch (e) {
		if (e instanceof MonthError) return problem(400, `month: ${e.message}`, { parameter: 'month' });
		throw e;
	}
	const result = await sendMonthlyReport(tenant, month, resend === 'true' ? 'resend' : 'once', keyActor(key), defaultSendDeps());
	const run = result.run;
	const body = {
		status: result.outcome,
		sent: result.outcome === 'sent',
		message: MESSAGES[result.outcome],
		tenant,
		month,
		send_no: run?.sendNo ?? null,
		recipients: run?.recipients ?? [],
		sent_at: run?.sentAt ?? null,
		message_id: run?.messageId || null,
		error: run?.status === 'failed' ? run.error : null
	};
	return jsonResponse(result.outcome === 'failed' ? 502 : result.outcome === 'in_progress' ? 409 : 200, body);
};
