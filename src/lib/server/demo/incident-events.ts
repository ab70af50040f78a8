import { contact, exportSize } from './catalogue';
import { draft, type Draft, type Origin, type Work } from './event';
import { DEMO_INCIDENTS, EXPORT_SPREE_RECORDS, SPRAY_ACCOUNTS, SPRAY_SUCCESS, incidentStart, type DemoIncident, type IncidentKey } from './incidents';
import { MINUTE, parisDay, weekdayOf } from './paris-time';
import { employee, ipFor, type Person } from './people';
import type { Rng } from './prng';

const origin = (p: Person, source: Origin['source'], t: number, rng: Rng): Origin => ({
	source,
	actor: p.actor,
	ip: ipFor(p, weekdayOf(parisDay(t))),
	userAgent: p.userAgent,
	sessionId: `sess_${rng.hex(20)}`
});
const failedLogin = (action: string): Work => ({ action, category: 'authentication', outcome: 'failure', reason: 'Invalid password' });
const exported = (rng: Rng, records: number, reason?: string): Work => ({
	action: 'DATA_EXPORTED',
	category: 'data_export',
	target: { type: 'export', id: `exp_${rng.hex(8)}`, name: 'Contacts' },
	details: { type: 'contacts', records, format: 'csv', fields: ['name', 'email', 'phone', 'plan', 'company'], size: exportSize(records, 'csv'), ...(reason ? { reason } : {}) }
});

type Planter = (incident: DemoIncident, t0: number, rng: Rng) => Draft[];

const PLANTERS: Record<IncidentKey, Planter> = {
	brute_force: (inc, t0, rng) => {
		const victim = employee(inc.actorId);
		const from: Origin = { source: 'workspace', actor: victim.actor, ip: inc.ip, userAgent: 'python-requests/2.31.0' };
		let t = t0;
		return Array.from({ length: inc.count }, () => {
			const d = draft(rng, t, from, failedLogin('login_failed'));
			t += rng.int(11_000, 16_000);
			return d;
		});
	},
	password_spray: (inc, t0, rng) => {
		const ua = 'Mozilla/5.0 (Windows NT 10.0; rv:115.0) Gecko/20100101 Firefox/115.0';
		const from = (id: string): Origin => ({ source: 'helpdesk', actor: employee(id).actor, ip: inc.ip, userAgent: ua });
		const out: Draft[] = [];
		let t = t0;
		for (const id of SPRAY_ACCOUNTS) {
			out.push(draft(rng, t, from(id), failedLogin('LOGIN_FAILED')));
			t += rng.int(95_000, 115_000);
		}
		const session = { ...from(SPRAY_SUCCESS), sessionId: `sess_${rng.hex(20)}` };
		out.push(draft(rng, t, session, { action: 'LOGIN_SUCCESS', category: 'authentication', details: { method: 'password' } }));
		// The intruder looks around before anyone notices.
		for (let k = 1; k <= 3; k++) {
			const viewed: Work = { action: 'CONTACT_VIEWED', category: 'data_access', target: contact(rng.int(10_000, 49_999)) };
			out.push(draft(rng, t + k * rng.int(20_000, 50_000), session, viewed));
		}
		return out;
	},
	large_export: (inc, t0, rng) => {
		const p = employee(inc.actorId);
		return [draft(rng, t0, origin(p, 'helpdesk', t0, rng), exported(rng, inc.count, 'Quarterly churn analysis'))];
	},
	export_spree: (inc, t0, rng) => {
		const p = employee(inc.actorId);
		const from = origin(p, 'helpdesk', t0, rng);
		let t = t0;
		return EXPORT_SPREE_RECORDS.map((records) => {
			const d = draft(rng, t, from, exported(rng, records));
			t += rng.int(40, 70) * MINUTE;
			return d;
		});
	},
	off_hours_admin: (inc, t0, rng) => {
		const admin = employee(inc.actorId);
		const from: Origin = {
			source: 'admin-console',
			actor: admin.actor,
			ip: inc.ip,
			userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36',
			sessionId: `sess_${rng.hex(20)}`
		};
		return [
			draft(rng, t0, from, { action: 'LOGIN', category: 'authentication', details: { method: 'password' } }),
			draft(rng, t0 + 6 * MINUTE + rng.int(0, 59_999), from, {
				action: 'SETTINGS_CHANGED',
				category: 'configuration',
				target: { type: 'settings', id: 'security', name: 'Security' },
				changes: { before: { mfa_required: true, session_timeout_minutes: 30 }, after: { mfa_required: false, session_timeout_minutes: 720 } },
				details: { section: 'Security' }
			}),
			draft(rng, t0 + 14 * MINUTE + rng.int(0, 59_999), from, { action: 'LOGOUT', category: 'authentication' })
		];
	},
	privilege_escalation: (inc, t0, rng) => {
		const target = employee(inc.actorId);
		const admin = employee('u-1001');
		return [
			draft(rng, t0, origin(admin, 'admin-console', t0, rng), {
				action: 'PERMISSIONS_CHANGED',
				category: 'authorization',
				target: { type: 'user', id: target.actor.id, name: target.actor.name },
				changes: { before: { role: 'agent' }, after: { role: 'admin' } },
				details: { email: target.actor.email, action: 'Promoted to administrator', previous_role: 'Agent' }
			})
		];
	},
	mass_deletion: (inc, t0, rng) => {
		const p = employee(inc.actorId);
		const from = origin(p, 'helpdesk', t0, rng);
		const out: Draft[] = [];
		let t = t0;
		for (let k = 0; k < inc.count; k++) {
			const target = contact(41_000 + k * 37);
			const work: Work = { action: 'CONTACT_DELETED', category: 'data_change', target, changes: { before: { name: target.name } }, details: { permanent: true } };
			out.push(draft(rng, t, from, work));
			t += rng.int(1_800, 2_600);
		}
		const studio: Origin = { ...from, source: 'chatbot-studio' };
		const bulk: Work = { action: 'bulk_delete', category: 'data_change', target: { type: 'chat_session', name: 'All chat sessions' }, details: { count: 120 } };
		out.push(draft(rng, t + rng.int(20_000, 40_000), studio, bulk));
		return out;
	}
};

/** Every incident's events for this `now`; the caller drops any that fall outside its window. */
export function plantIncidents(now: Date, rngFor: (index: number) => Rng): Draft[] {
	return DEMO_INCIDENTS.flatMap((inc, i) => PLANTERS[inc.key](inc, incidentStart(inc, now).getTime(), rngFor(i)));
}
