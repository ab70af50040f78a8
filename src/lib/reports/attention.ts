import type { SecurityReport } from './security-report-types';
import { formatNumber as num } from '../format';

/** One line of "what needs attention": what, and the section of the report that shows it. */
export interface AttentionItem {
	text: string;
	href: string;
}

const plural = (n: number, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`;
const names = (xs: string[], max = 3) => (xs.length > max ? `${xs.slice(0, max).join(', ')} and ${xs.length - max} more` : xs.join(', '));

/** The few facts of a security report an analyst should look at first, most serious first. */
export function attentionItems(r: SecurityReport): AttentionItem[] {
	const items: AttentionItem[] = [];
	const elevations = r.privilege_changes.filter((c) => c.elevation);
	if (elevations.length) {
		const who = elevations.map((c) => `${c.actor || 'someone'} → ${c.target.name ?? c.target.id ?? 'an account'}`);
		items.push({ text: `${plural(elevations.length, 'privilege elevation', 'privilege elevations')} (admin, owner or full access): ${names(who)}.`, href: '#privilege-changes' });
	}
	const gotIn = r.failed_logins_by_ip.filter((x) => x.success_after);
	if (gotIn.length) items.push({ text: `${plural(gotIn.length, 'address', 'addresses')} signed in after failed attempts: ${names(gotIn.map((x) => x.ip))}.`, href: '#failed-logins' });
	if (r.exports.unusual.length)
		items.push({ text: `${plural(r.exports.unusual.length, 'user', 'users')} exported far more than usual: ${names(r.exports.unusual.map((u) => `${u.actor} (${num(u.records)} records)`))}.`, href: '#exports' });
	if (r.deletions.bursts.length) items.push({ text: `${plural(r.deletions.bursts.length, 'burst', 'bursts')} of mass deletion, by ${names([...new Set(r.deletions.bursts.map((b) => b.actor))])}.`, href: '#deletions' });
	const top = r.failed_logins_by_ip[0];
	if (top && top.failures >= 10) items.push({ text: `${plural(r.totals.failed_sign_ins, 'failed sign-in', 'failed sign-ins')}, the most (${num(top.failures)}) from ${top.ip}.`, href: '#failed-logins' });
	const off = r.off_hours_summary;
	if (off.sign_ins + off.exports + off.privilege_changes + off.deletions > 0)
		items.push({ text: `Outside business hours: ${[off.sign_ins && plural(off.sign_ins, 'sign-in', 'sign-ins'), off.exports && plural(off.exports, 'export', 'exports'), off.privilege_changes && plural(off.privilege_changes, 'privilege change', 'privilege changes'), off.deletions && plural(off.deletions, 'deletion', 'deletions')].filter(Boolean).join(', ')}.`, href: '#off-hours' });
	return items;
}
