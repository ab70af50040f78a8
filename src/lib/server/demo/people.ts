/**
 * Northwind Labs, the fictional company behind the demo: forty people in a Paris office, some of
 * them hybrid or remote abroad, so that the geo columns and the "new country" rule have material.
 */
export type Role = 'admin' | 'manager' | 'agent' | 'editor';
/** office: always on the office network; hybrid: at home on Wednesdays and Fridays; remote: always at home. */
type Mode = 'office' | 'hybrid' | 'remote';

export interface Actor {
	id: string;
	name?: string;
	email?: string;
	type: 'user' | 'service' | 'system';
}

export interface Person {
	actor: Actor & { name: string; email: string };
	role: Role;
	mode: Mode;
	officeIp: string;
	homeIp: string;
	userAgent: string;
}

export const DOMAIN = 'northwind.example';

export const USER_AGENTS = [
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15',
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80',
	'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
	'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.113 Mobile Safari/537.36',
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1'
] as const;

// Home addresses sit in real ISP pools (Orange, Free, SFR, Bouygues, Telekom, BT, Telefonica, MEO,
// Comcast) so a geo database shows believable countries; two use the documentation ranges, as the
// seeds' own examples do, and two are IPv6.
const ROWS: readonly (readonly [string, string, Role, Mode, string, number])[] = [
	['Claire', 'Dubois', 'admin', 'office', '86.246.51.202', 1],
	['Marc', 'Lefevre', 'admin', 'hybrid', '82.64.97.131', 5],
	['Sofia', 'Almeida', 'admin', 'remote', '85.243.16.77', 0],
	['Julien', 'Moreau', 'manager', 'office', '92.151.20.118', 0],
	['Hannah', 'Becker', 'manager', 'remote', '2003:e2:9f1c:4a00::12', 2],
	['Olivier', 'Garnier', 'manager', 'hybrid', '109.212.47.8', 3],
	['Emma', 'Wilson', 'manager', 'remote', '86.133.80.21', 1],
	['Nadia', 'Benali', 'manager', 'office', '203.0.113.45', 4],
	['Lucas', 'Martin', 'agent', 'office', '90.24.133.17', 0],
	['Camille', 'Bernard', 'agent', 'hybrid', '78.194.220.12', 3],
	['Thomas', 'Petit', 'agent', 'office', '2.9.144.61', 0],
	['Lea', 'Robert', 'agent', 'hybrid', '93.22.148.76', 7],
	['Hugo', 'Richard', 'agent', 'office', '176.187.30.12', 4],
	['Chloe', 'Durand', 'agent', 'office', '90.110.7.44', 2],
	['Nathan', 'Leroy', 'agent', 'hybrid', '88.163.51.9', 0],
	['Manon', 'Simon', 'agent', 'office', '82.66.140.23', 1],
	['Louis', 'Laurent', 'agent', 'office', '86.246.51.87', 4],
	['Ines', 'Michel', 'agent', 'hybrid', '2a01:e0a:1f2:3b40::1', 3],
	['Jules', 'Fournier', 'agent', 'office', '92.151.20.203', 0],
	['Sarah', 'Girard', 'agent', 'office', '78.194.220.160', 2],
	['Antoine', 'Bonnet', 'agent', 'hybrid', '109.212.47.190', 5],
	['Zoe', 'Dupont', 'agent', 'office', '90.24.133.140', 6],
	['Maxime', 'Lambert', 'agent', 'office', '176.187.30.77', 0],
	['Alice', 'Fontaine', 'agent', 'hybrid', '2.9.144.230', 1],
	['Theo', 'Rousseau', 'agent', 'office', '93.22.148.12', 4],
	['Laura', 'Vincent', 'agent', 'office', '82.64.97.58', 2],
	['Mateo', 'Garcia', 'agent', 'remote', '88.12.93.40', 0],
	['Lucia', 'Navarro', 'agent', 'remote', '83.44.120.9', 3],
	['Paul', 'Mercier', 'editor', 'office', '86.246.51.33', 1],
	['Julie', 'Blanc', 'editor', 'hybrid', '90.110.7.121', 3],
	['Romain', 'Guerin', 'editor', 'office', '192.0.2.77', 5],
	['Pauline', 'Muller', 'editor', 'office', '82.66.140.99', 2],
	['Kevin', 'Faure', 'editor', 'hybrid', '109.212.47.61', 0],
	['Anna', 'Schmidt', 'editor', 'remote', '87.123.200.14', 2],
	['Yanis', 'Chevalier', 'editor', 'office', '93.22.148.201', 6],
	['Clara', 'Morel', 'editor', 'office', '2.9.144.18', 1],
	['Ethan', 'Brooks', 'editor', 'remote', '73.162.44.201', 1],
	['Jade', 'Roux', 'editor', 'hybrid', '78.194.220.41', 3],
	['Felix', 'Wagner', 'editor', 'remote', '79.218.45.100', 5],
	['Oliver', 'Hughes', 'editor', 'remote', '81.152.63.7', 0]
];

export const EMPLOYEES: readonly Person[] = ROWS.map(([first, last, role, mode, homeIp, ua], i) => ({
	actor: {
		id: `u-${1001 + i}`,
		name: `${first} ${last}`,
		email: `${first}.${last}@${DOMAIN}`.toLowerCase(),
		type: 'user'
	},
	role,
	mode,
	officeIp: `198.51.100.${20 + i}`,
	homeIp,
	userAgent: USER_AGENTS[ua]
}));

/** Where a person connects from on a given weekday (0 = Sunday); weekends are always from home. */
export function ipFor(person: Person, weekday: number): string {
	const home = person.mode === 'remote' || weekday === 0 || weekday === 6 || (person.mode === 'hybrid' && (weekday === 3 || weekday === 5));
	return home ? person.homeIp : person.officeIp;
}

export const byRole = (role: Role): Person[] => EMPLOYEES.filter((p) => p.role === role);

export function employee(id: string): Person {
	const found = EMPLOYEES.find((p) => p.actor.id === id);
	if (!found) throw new Error(`no demo employee ${id}`);
	return found;
}

export const CRM_SYNC: Actor = { id: 'svc-crm-sync', name: 'CRM Sync', type: 'service' };
export const REPORT_BOT: Actor = { id: 'svc-report-bot', name: 'Report Bot', email: `reports@${DOMAIN}`, type: 'service' };
export const SYSTEM: Actor = { id: 'system', name: 'System', type: 'system' };
