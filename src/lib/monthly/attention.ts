import { formatNumber } from '../format';
import { formatTime } from './format';
import type { MonthlyReport } from './model';

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;
const list = (xs: string[], max = 3) => (xs.length > max ? `${xs.slice(0, max).join(', ')} and ${formatNumber(xs.length - max)} more` : xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}` : (xs[0] ?? ''));

/**
 * Three to five sentences a manager reads first: elevations of privilege, alerts still open,
 * unusual exports, then (when there are any) sign-ins after failures and mass deletions.
 */
export function attentionSentences(r: MonthlyReport): string[] {
	const elevations = r.privilegeChanges.filter((c) => c.elevation);
	const open = r.summary.find((f) => f.key === 'alerts_open')?.value ?? 0;
	const openRules = r.alerts.byRule.filter((a) => a.open > 0);
	const serious = r.alerts.bySeverity.filter((s) => s.severity === 'critical' || s.severity === 'high').reduce((n, s) => n + s.open, 0);
	const unusual = r.unusualExports ?? [];
	const gotIn = r.failedLogins.filter((f) => f.successAfter);
	const out = [
		elevations.length
			? `${plural(elevations.length, 'account was', 'accounts were')} given admin, owner or full access: ${list(elevations.map((c) => `${c.target || 'an account'} by ${c.actor} on ${formatTime(c.occurredAt, r.timezone).slice(0, 10)}`))}; check that ${elevations.length === 1 ? 'it was' : 'each was'} intended.`
			: 'No account was given admin, owner or full access.',
		!r.alerts.available
			? 'Alerting is not set up, so no incident was tracked.'
			: open
				? `${plural(open, 'alert is', 'alerts are')} still open${serious ? `, ${formatNumber(serious)} of them high or critical` : ''}: ${list(openRules.map((a) => `${a.ruleName} (${formatNumber(a.open)})`))}.`
				: `Every alert raised this month (${formatNumber(r.alerts.byRule.reduce((n, a) => n + a.raised, 0))}) was acknowledged or resolved.`,
		unusual.length
			? `${plural(unusual.length, 'person', 'people')} exported far more than usual: ${list(unusual.map((u) => `${u.actor} (${formatNumber(u.records)} records${u.ratio ? `, ×${formatNumber(Math.round(u.ratio))} their usual` : ''})`))}.`
			: 'No one exported unusually much data.',
		gotIn.length ? `${plural(gotIn.length, 'address', 'addresses')} signed in after failed attempts: ${list(gotIn.map((f) => f.ip))}.` : '',
		r.massDeletions.length ? `${plural(r.massDeletions.length, 'mass deletion', 'mass deletions')}, by ${list([...new Set(r.massDeletions.map((m) => m.actor))])}.` : ''
	];
	return out.filter(Boolean);
}
