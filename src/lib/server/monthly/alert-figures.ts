import { groupValueText } from '../mail/render-alert';
import type { AlertRule, AlertSeverity } from '../../monthly/model';
import type { MonthAlert } from '../queries/monthly/list-month-alerts';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];
const minutes = (from: string, to: string | null) => (to ? (Date.parse(to) - Date.parse(from)) / 60e3 : null);
const mean = (xs: (number | null)[]) => {
	const known = xs.filter((x): x is number => x !== null);
	return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
};

/** Alerts of the month by severity (against the previous month) and by rule, with response times. */
export function alertFigures(current: MonthAlert[], previous: MonthAlert[], ruleHref: (ruleId: string) => string) {
	const bySeverity: AlertSeverity[] = SEVERITY_ORDER.map((severity) => ({
		severity,
		raised: current.filter((a) => a.severity === severity).length,
		previous: previous.filter((a) => a.severity === severity).length,
		open: current.filter((a) => a.severity === severity && a.status === 'open').length
	})).filter((s) => s.raised > 0 || s.previous > 0);
	const rules = new Map<string, MonthAlert[]>();
	for (const a of current) rules.set(a.ruleId, [...(rules.get(a.ruleId) ?? []), a]);
	const byRule: AlertRule[] = [...rules.entries()].map(([ruleId, alerts]) => ({
		ruleId,
		ruleName: alerts.at(-1)!.ruleName,
		severity: alerts.map((a) => a.severity).sort((x, y) => SEVERITY_ORDER.indexOf(x) - SEVERITY_ORDER.indexOf(y))[0],
		severities: SEVERITY_ORDER.map((severity) => ({ severity, count: alerts.filter((a) => a.severity === severity).length })).filter((x) => x.count > 0),
		raised: alerts.length,
		open: alerts.filter((a) => a.status === 'open').length,
		acknowledged: alerts.filter((a) => a.acknowledgedAt !== null).length,
		resolved: alerts.filter((a) => a.resolvedAt !== null).length,
		meanAckMinutes: mean(alerts.map((a) => minutes(a.raisedAt, a.acknowledgedAt))),
		meanResolveMinutes: mean(alerts.map((a) => minutes(a.raisedAt, a.resolvedAt))),
		href: ruleHref(ruleId)
	}));
	byRule.sort((a, b) => b.raised - a.raised || a.ruleName.localeCompare(b.ruleName));
	return { available: true, bySeverity, byRule };
}

/** Who handled an alert and what they wrote (from its history); empty for an alert nobody handled. */
type Handled = Partial<{ acknowledgedBy: string; resolvedBy: string; comments: string }>;

/** Rows of the alerts CSV attachment. */
export const alertCsvRows = (alerts: (MonthAlert & Handled)[]) =>
	alerts.map((a) => [
		a.id, a.ruleId, a.ruleName, a.severity, a.status, a.raisedAt, a.acknowledgedAt ?? '', a.resolvedAt ?? '', a.groupFields.map((f, i) => `${f}=${groupValueText({ groupValues: a.groupValues, groupLabels: a.groupLabels }, i)}`).join('; '), a.count,
		a.acknowledgedBy ?? '', a.resolvedBy ?? '', a.comments ?? ''
	]);
