import { z } from 'zod';
import type { Rule } from '../../../schemas/rule';
import { query } from '../../clickhouse/query';
import { compileRule } from '../../rules/compile';
import type { TenantScope } from '../../rules/scope-sql';
import { compileEvidenceBatch, type EvidenceSpan } from '../../rules/compile-evidence';
import type { BusinessHours } from '../../../schemas/tenant-settings';
import type { Hit } from '../../rules/decide';
import { fromChTime } from '../../clickhouse/time';

const HitRow = z.object({
	tenant: z.string(),
	group_values: z.array(z.string()),
	slot_end: z.string(),
	measure: z.coerce.number(),
	peak: z.coerce.number(),
	lim: z.coerce.number(),
	first_seen: z.string(),
	last_seen: z.string(),
	escalated: z.coerce.number()
});


/** The groups over a rule's threshold in each window of each tenant's ranges, by tenant in window order. */
export async function listRuleHits(rule: Rule, scopes: readonly TenantScope[], signal?: AbortSignal): Promise<Hit[]> {
	const q = compileRule(rule, scopes);
	const rows = await query({ name: `rules.listRuleHits.${rule.id}`, row: HitRow, params: q.params, sql: q.sql, signal });
	return rows.map((r) => ({
		tenant: r.tenant,
		groupValues: r.group_values,
		slotEnd: fromChTime(r.slot_end),
		measure: r.measure,
		peak: r.peak,
		limit: r.lim,
		firstSeen: fromChTime(r.first_seen),
		lastSeen: fromChTime(r.last_seen),
		escalated: r.escalated > 0
	}));
}

const EvidenceRow = z.object({
	idx: z.coerce.number(),
	events: z.coerce.number(),
	measure: z.coerce.number(),
	actor_name: z.string(),
	actor_email: z.string(),
	target_name: z.string(),
	ids: z.array(z.string())
});

export interface Evidence {
	/** The first events behind the alert, oldest first. */
	ids: string[];
	/** How many events are behind it, and its rule's measure over all of them. */
	events: number;
	measure: number;
	names: { actorName: string; actorEmail: string; targetName: string };
}

export const EVIDENCE_SLICE = 20_000;

const NONE: Evidence = { ids: [], events: 0, measure: 0, names: { actorName: '', actorEmail: '', targetName: '' } };

/** The evidence of each span, in the order given: ids sampled, events counted, the rule's measure, names. */
export async function listEvidence(rule: Rule, hoursOf: (tenant: string) => BusinessHours, spans: readonly EvidenceSpan[], sample = 100): Promise<Evidence[]> {
	const out: Evidence[] = [];
	// In slices: the spans travel as parameters, and a catch-up over an imported month decides hundreds of thousands.
	for (let at = 0; at < spans.length; at += EVIDENCE_SLICE) {
		const slice = spans.slice(at, at + EVIDENCE_SLICE);
		const q = compileEvidenceBatch(rule, hoursOf, slice, sample);
		const rows = await query({ name: 'rules.listEvidence', row: EvidenceRow, params: q.params, sql: q.sql });
		const byIdx = new Map(rows.map((r) => [r.idx, r]));
		slice.forEach((_, i) => {
			const r = byIdx.get(i + 1);
			out.push(r ? { ids: r.ids, events: r.events, measure: r.measure, names: { actorName: r.actor_name, actorEmail: r.actor_email, targetName: r.target_name } } : NONE);
		});
	}
	return out;
}
