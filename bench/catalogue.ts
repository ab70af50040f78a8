import { hash32 } from './prng';

/** The tenants; the first holds most events, and every benchmark query targets it. */
export const TENANTS = [
	{ name: 'acme', share: 0.8, actors: 4000, domain: 'acme.example' },
	{ name: 'globex', share: 0.15, actors: 700, domain: 'globex.example' },
	{ name: 'initech', share: 0.05, actors: 300, domain: 'initech.example' }
] as const;
export const QUERY_TENANT = TENANTS[0].name;

const FIRST = 'ana bruno carla daniel elena felix grace hugo irene jonas karin lucas maria nadia oscar paula quentin rosa samuel tania ulrich vera william xenia yusuf zoe amir beatriz chen dmitri emma farid giulia hiro ines jamal kofi leila mateo noor'.split(' ');
const LAST = 'silva martin garcia muller rossi novak kowalski dubois jensen tanaka okafor haddad petrov larsen moreau costa weber nilsson fischer romero bauer schmidt lopez meyer ivanova santos klein horvat lindqvist dupont ferreira berg nakamura keller yilmaz wagner'.split(' ');
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

export interface Actor {
	tenant: string;
	id: string;
	name: string;
	email: string;
	type: string;
	ips: string[];
	userAgent: string;
}

/** IPv4 /16s people work from, most used first (a few dominate, as offices and ISPs do). */
export const HOME_NETS = ['81.2', '92.184', '86.212', '78.192', '176.31', '89.156', '104.28', '52.95', '34.120', '151.101'];
const IPV6_NETS = ['2a01:cb00', '2a02:8108', '2001:4860'];

const USER_AGENTS = [
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
	'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
	'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
	'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
	'okhttp/4.12.0',
	'python-requests/2.32.3',
	'Go-http-client/2.0',
	'curl/8.10.1'
];

function homeIp(seed: number): string {
	const h = hash32(seed);
	// Squaring skews towards the first nets, so one /16 holds a good share of events.
	const net = HOME_NETS[Math.floor(HOME_NETS.length * ((h & 0xffff) / 0x10000) ** 2)];
	const h2 = hash32(h);
	if ((h2 & 0xff) < 20) {
		const v6 = IPV6_NETS[h2 % IPV6_NETS.length];
		return `${v6}:${((h2 >>> 8) & 0xffff).toString(16)}::${(hash32(h2) & 0xffff).toString(16)}`;
	}
	return `${net}.${(h2 >>> 8) & 0xff}.${1 + ((h2 >>> 16) % 254)}`;
}

/** Everyone who acts, in tenant order; the same for every seed, so query parameters are stable. */
export function buildActors(): Actor[] {
	const actors: Actor[] = [];
	let n = 0;
	for (const t of TENANTS) {
		for (let i = 0; i < t.actors; i++, n++) {
			const h = hash32(n + 7);
			const first = FIRST[h % FIRST.length];
			const last = LAST[(h >>> 8) % LAST.length];
			const service = (h >>> 20) % 50 === 0;
			const ipCount = 1 + ((h >>> 4) % 3);
			actors.push({
				tenant: t.name,
				id: service ? `svc-${n}` : `u-${n}`,
				name: service ? `${cap(last)} sync bot` : `${cap(first)} ${cap(last)}`,
				email: service ? '' : `${first}.${last}${n}@${t.domain}`,
				type: service ? 'service' : 'user',
				ips: Array.from({ length: ipCount }, (_, k) => homeIp(n * 7 + k)),
				userAgent: service ? USER_AGENTS[6 + (h % 4)] : USER_AGENTS[h % 6]
			});
		}
	}
	return actors;
}

/** A few hundred addresses that most failed sign-ins come from (credential stuffing, sprays). */
export function buildAttackerIps(): string[] {
	const nets = ['45.155', '193.32', '5.188', '185.220', '91.240'];
	return Array.from({ length: 300 }, (_, i) => {
		const h = hash32(i + 99_991);
		return `${nets[i % nets.length]}.${h & 0xff}.${1 + ((h >>> 8) % 254)}`;
	});
}

export const ACTORS = buildActors();
export const ATTACKER_IPS = buildAttackerIps();

/** Words that each appear in about 0.1% of events (in the reason), for the free-text query. */
export const RARE_WORDS = ['quarantined', 'chargeback', 'subpoena', 'honeypot', 'embargoed'];
export const RARE_WORD_RATE = 0.001;

export const FAIL_REASONS = ['Invalid password', 'Unknown user', 'MFA code rejected', 'Account locked after repeated failures', 'Password expired'];
export const CHANGE_REASONS = ['Requested by the account owner', 'Quarterly access review', 'Ticket follow-up from support', 'Policy update rollout', 'Cleanup of stale data'];
export const DOC_NAMES = ['Q3 board deck', 'Pricing 2027', 'Onboarding checklist', 'Incident postmortem', 'Vendor contract', 'Roadmap draft', 'Payroll summary', 'Customer list'];
export const SETTINGS = ['session_timeout', 'password_min_length', 'mfa_required', 'ip_allowlist', 'data_retention_days', 'sso_enforced', 'default_role'];
export const ROLES = ['viewer', 'agent', 'editor', 'admin', 'owner'];
export const EXPORT_FORMATS = ['csv', 'json', 'xlsx', 'pdf'];
export const SOURCES = ['web', 'api', 'mobile', 'admin-console'];
