import { Agent, request } from 'node:http';
import { planQueries, type QueryPlan } from './queries';
import { latency, type Latency } from './stats';

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

interface Reply {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

export function send(url: string, method: 'GET' | 'POST', headers: Record<string, string>, body?: string): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const req = request(url, { method, agent, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(body);
	});
}

/** Signs in through the real form and returns the session cookie, for the pages people use. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
	const form = new URLSearchParams({ email, password }).toString();
	const reply = await send(`${base}/login`, 'POST', { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, form);
	const cookie = ([] as string[]).concat(reply.headers['set-cookie'] ?? []).find((c) => c.startsWith('ts_session='));
	if (reply.status !== 303 || !cookie) throw new Error(`sign-in failed: HTTP ${reply.status}: ${reply.body.toString('utf8').slice(0, 300)}`);
	return cookie.split(';')[0];
}

/**
 * The /events page's server load as a browser's navigation asks for it (`__data.json`): the
 * layout's data, the table's first page, the histogram and the period's total, with the tenant
 * chosen by cookie as in the app.
 */
export async function runPageLoads(base: string, session: string, now: Date, seed: number, runs: number): Promise<{ latency: Latency; events: number }> {
	const plans = planQueries('timeline', runs + 2, now, seed ^ 0x5a5a);
	const times: number[] = [];
	let events = 0;
	for (let i = 0; i < plans.length; i++) {
		const p: QueryPlan = plans[i];
		const q = new URLSearchParams({ from: p.from.toISOString(), to: p.to.toISOString() });
		const t0 = performance.now();
		const reply = await send(`${base}/events/__data.json?${q}`, 'GET', { cookie: `${session}; ts_tenant=${p.tenant}` });
		const ms = performance.now() - t0;
		const text = reply.body.toString('utf8');
		if (reply.status !== 200 || !text.includes('histogram')) throw new Error(`/events load: HTTP ${reply.status}: ${text.slice(0, 300)}`);
		if (i >= 2) times.push(ms);
		events = Math.max(events, (text.match(/"content_hash"/g) ?? []).length);
	}
	return { latency: latency(times), events };
}

export function closePage() {
	agent.destroy();
}
