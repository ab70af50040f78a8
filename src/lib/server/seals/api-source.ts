import type { EventOutput } from '../../schemas/event-output';
import { canonicalOfOutput } from './canonical-of';
import type { Seal } from './seal-record';
import type { VerifyEvent } from './verify-period';
import type { VerifySource } from './verify-range';

/** fetch, or a stand-in with its signature (tests route it to the handlers in-process). */
export type Fetch = (url: string, init?: { headers?: Record<string, string> }) => Promise<Response>;

export interface ApiTarget {
	url: string;
	key: string;
	fetch?: Fetch;
}

export async function getJson<T>(t: ApiTarget, path: string): Promise<T> {
	const res = await (t.fetch ?? fetch)(`${t.url.replace(/\/$/, '')}${path}`, { headers: { authorization: `Bearer ${t.key}` } });
	const text = await res.text();
	if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`);
	return JSON.parse(text) as T;
}

export const verifyEventOfOutput = (e: EventOutput): VerifyEvent => ({
	canonical: canonicalOfOutput(e),
	storedHash: e.content_hash,
	occurredMs: Date.parse(e.occurred_at),
	receivedMs: Date.parse(e.received_at)
});

interface SealsAnswer {
	seals: Seal[];
	predecessors: Seal[];
	head: { first_period: string; last_period_end: string; received_to: string } | null;
}

/**
 * A tenant's seals and events read through the HTTP API (GET /api/v1/seals and the NDJSON
 * export), so the verify command recomputes everything itself and trusts only the public key.
 */
export function apiSource(t: ApiTarget, tenant: string, range: { from: Date; to: Date }): VerifySource {
	let answer: Promise<SealsAnswer> | undefined;
	const seals = () => (answer ??= getJson<SealsAnswer>(t, `/api/v1/seals?${new URLSearchParams({ tenant, from: range.from.toISOString(), to: range.to.toISOString() })}`));
	return {
		seals: async () => (await seals()).seals,
		sealsBySeq: async (seqs) => (await seals()).predecessors.filter((s) => seqs.includes(s.seq)),
		async head() {
			const h = (await seals()).head;
			return h && { firstPeriod: Date.parse(h.first_period), lastPeriodEnd: Date.parse(h.last_period_end), receivedTo: Date.parse(h.received_to) };
		},
		async *events(from, to) {
			const q = new URLSearchParams({ format: 'ndjson', tenant, from: from.toISOString(), to: to.toISOString() });
			const res = await (t.fetch ?? fetch)(`${t.url.replace(/\/$/, '')}/api/v1/events/export?${q}`, { headers: { authorization: `Bearer ${t.key}` } });
			if (!res.ok) throw new Error(`export: ${res.status} ${(await res.text()).slice(0, 300)}`);
			let rest = '';
			const decoder = new TextDecoder();
			for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
				const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
				rest = lines.pop() ?? '';
				yield lines.filter(Boolean).map((l) => verifyEventOfOutput(JSON.parse(l) as EventOutput));
			}
			if (rest.trim()) yield [verifyEventOfOutput(JSON.parse(rest) as EventOutput)];
		}
	};
}
