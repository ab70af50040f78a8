import { z } from 'zod';
import type { Rule } from '../../../schemas/rule';
import { query } from '../../clickhouse/query';
import { compileRule, type EvalRange } from '../../rules/compile';
import { compileEvidenceIds, compileEvidenceSummary, type EvidenceScope } from '../../rules/compile-evidence';
import type { Hit } from '../../rules/decide';

const HitRow = z.object({
	group_values: z.array(z.string()),
	slot_end: z.string(),
	measure: z.coerce.number(),
	peak: z.coerce.number(),
	lim: z.coerce.number(),
	first_seen: z.string(),
	last_seen: z.string(),
	escalated: z.coerce.number()
});

const date = (ch: string) => new Date(`${ch.replace(' ', 'T')}Z`);

/** The groups over a rule's threshold in each window of the range, in window order. */
export async function listRuleHits(rule: Rule, range: EvalRange, signal?: AbortSignal): Promise<Hit[]> {
	const q = compileRule(rule, range);
	const rows = await query({ name: `rules.listRuleHits.${rule.id}`, row: HitRow, params: q.params, sql: q.sql, signal });
	return rows.map((r) => ({
		groupValues: r.group_values,
		slotEnd: date(r.slot_end),
		measure: r.measure,
		peak: r.peak,
		limit: r.lim,
		firstSeen: date(r.first_seen),
		lastSeen: date(r.last_seen),
		escalated: r.escalated > 0
	}));
}

const SummaryRow = z.object({ events: z.coerce.number(), measure: z.coerce.number(), actor_name: z.string(), actor_email: z.string(), target_name: z.string() });

export interface Evidence {
	/** The first events behind the alert, oldest first. */
	ids: string[];
	/** How many events are behind it, and its rule's measure over all of them. */
	events: number;
	measure: number;
	names: { actorName: string; actorEmail: string; targetName: string };
}

/** The events behind an alert: a sample of ids, their number, the rule's measure and the names in its group. */
export async function getEvidence(rule: Rule, a: EvidenceScope, sample = 100): Promise<Evidence> {
	const ids = compileEvidenceIds(rule, a, sample);
	const summary = compileEvidenceSummary(rule, a);
	const [idRows, [s]] = await Promise.all([
		query({ name: 'rules.listEvidenceIds', row: z.object({ id: z.string() }), params: ids.params, sql: ids.sql }),
		query({ name: 'rules.getEvidenceSummary', row: SummaryRow, params: summary.params, sql: summary.sql })
	]);
	return { ids: idRows.map((r) => r.id), events: s.events, measure: s.measure, names: { actorName: s.actor_name, actorEmail: s.actor_email, targetName: s.target_name } };
}
