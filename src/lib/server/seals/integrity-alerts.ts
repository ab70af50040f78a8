import { createHash } from 'node:crypto';
import type { Alert } from '../rules/decide';
import type { RangeReport } from './verify-range';

export const INTEGRITY_RULE = { id: 'integrity_violation', name: 'Integrity violation: sealed events do not verify' } as const;
const MAX_IDS = 50;

/**
 * One critical alert per failed period. Its id comes from the tenant, the period and what was
 * found, so verifying the same damage again names the same alert (stored once, emailed once),
 * while new damage to that period raises a new one.
 */
export function integrityAlerts(report: RangeReport, now: Date): Alert[] {
	return report.periods
		.filter((p) => p.status === 'failed')
		.map((p) => {
			const findings = p.problems.map((x) => `${x.kind}: ${x.message}`);
			const ids = [...new Set(p.problems.flatMap((x) => x.ids ?? []))];
			const digest = createHash('sha256').update(`${INTEGRITY_RULE.id}\n${report.tenant}\n${p.period_start}\n${findings.join('\n')}\n${ids.join(',')}`).digest('hex');
			const groupValues = [p.period_start];
			return {
				id: `al_${digest.slice(0, 24)}`,
				tenant: report.tenant,
				ruleId: INTEGRITY_RULE.id,
				ruleName: INTEGRITY_RULE.name,
				severity: 'critical',
				status: 'open',
				groupFields: ['period'],
				groupValues,
				groupKey: JSON.stringify(groupValues),
				count: p.problems.length,
				threshold: 1,
				windowStart: new Date(p.period_start),
				windowEnd: new Date(p.period_end),
				firstSeen: new Date(p.period_start),
				lastSeen: new Date(p.period_end),
				eventIds: ids.slice(0, MAX_IDS),
				evidenceCount: ids.length,
				groupLabels: [findings.join('; ').slice(0, 1000)],
				incidentId: '',
				evidenceQuery: new URLSearchParams({ tenant: report.tenant, from: p.period_start, to: p.period_end }).toString(),
				...{ createdAt: now, updatedAt: now, statusBy: '', statusComment: '', statusAt: null, version: 1 }
			} satisfies Alert;
		});
}
