import type { ActionDef } from './actions';
import * as C from './catalogue';
import type { BenchEvent, GenStats } from './generate';
import type { Prng } from './prng';

const SEARCHES = ['invoice 2026', 'contract renewal', 'gdpr request', 'onboarding', 'refund policy', 'vendor list'];

/** Gives an event its action's outcome, reason, details or changes; failed sign-ins mostly come from attackers. */
export function shape(r: Prng, def: ActionDef, ev: BenchEvent, stats: GenStats, tenantFirst: number, tenantActors: number) {
	switch (def.kind) {
		case 'signin': {
			stats.signins++;
			ev.details = { method: def.action === 'user.sso_login' ? 'saml' : 'password', mfa: r.next() < 0.6 };
			if (r.next() < 0.05) {
				stats.failedSignins++;
				ev.outcome = 'failure';
				ev.reason = r.pick(C.FAIL_REASONS);
				if (r.next() < 0.8) {
					ev.ip = C.ATTACKER_IPS[r.skewed(C.ATTACKER_IPS.length, 2)];
					ev.user_agent = 'python-requests/2.32.3';
					if (r.next() < 0.3) {
						const guess = r.pick(['admin', 'root', 'test', 'info', 'support', 'billing']);
						ev.actor = { id: guess, name: '', email: `${guess}@${ev.tenant}.example`, type: 'user' };
						ev.reason = 'Unknown user';
					} else {
						const victim = C.ACTORS[tenantFirst + r.int(tenantActors)];
						ev.actor = { id: victim.id, name: victim.name, email: victim.email || undefined, type: victim.type };
					}
				}
			}
			return;
		}
		case 'mfa':
		case 'delivery':
			if (r.next() < 0.03) {
				ev.outcome = 'failure';
				ev.reason = def.kind === 'mfa' ? 'MFA code rejected' : 'Endpoint answered 503';
			}
			if (def.kind === 'delivery') ev.details = { status_code: ev.outcome === 'failure' ? 503 : 200, attempt: 1 + r.int(3) };
			return;
		case 'denied':
			ev.outcome = 'failure';
			ev.reason = 'Permission denied: missing scope documents:write';
			return;
		case 'ratelimit':
			ev.outcome = 'failure';
			ev.reason = 'Too many requests';
			ev.details = { limit: 1000, window: '1m' };
			return;
		case 'pending':
			ev.outcome = 'pending';
			return;
		case 'role': {
			const from = r.int(C.ROLES.length - 1);
			ev.changes = { before: { role: C.ROLES[from] }, after: { role: C.ROLES[from + 1] } };
			ev.reason = r.pick(C.CHANGE_REASONS);
			return;
		}
		case 'settings': {
			const key = r.pick(C.SETTINGS);
			ev.changes = { before: { [key]: r.int(100) }, after: { [key]: r.int(100) } };
			if (r.next() < 0.3) ev.reason = r.pick(C.CHANGE_REASONS);
			return;
		}
		case 'update':
			ev.changes = { before: { title: ev.target.name ?? '', status: 'draft' }, after: { title: ev.target.name ?? '', status: r.pick(['review', 'published']) } };
			return;
		case 'delete':
			ev.details = { soft: r.next() < 0.7 };
			if (r.next() < 0.2) ev.reason = r.pick(C.CHANGE_REASONS);
			return;
		case 'bulk_delete':
			ev.details = { records: r.logNormal(300, 1.2) };
			ev.reason = r.pick(C.CHANGE_REASONS);
			return;
		case 'export': {
			const records = r.logNormal(2000, 1.5);
			ev.details = { records, format: r.pick(C.EXPORT_FORMATS), bytes: records * (150 + r.int(200)) };
			return;
		}
		case 'search':
			ev.details = { query: r.pick(SEARCHES), results: r.int(200) };
			return;
	}
}
