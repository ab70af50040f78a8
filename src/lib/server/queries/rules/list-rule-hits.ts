import { z } from 'zod';
import type { Rule } from '../../../schemas/rule';
import { query } from '../../clickhouse/query';
import { compileEvidence, compileRule, type EvalRange } from '../../rules/compile';
import type { Hit } from '../../rules/decide';
import type { BusinessHours } from '../../../schemas/tenant-settings';

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

/** The ids of the events behind an alert, oldest first. */
export async function listEvidenceIds(rule: Rule, a: { tenant: string; groupValues: string[]; from: Date; to: Date; businessHours: BusinessHours }): Promise<string[]> {
	const q = compileEvidence(rule, a);
	const rows = await query({ name: `rules.listEvidenceIds`, row: z.object({ id: z.string() }), params: q.params, sql: q.sql });
	return rows.map((r) => r.id);
}
