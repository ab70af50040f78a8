import { DAY, HOUR, MINUTE, parisAt, parisDay, weekdayOf } from './paris-time';
import { employee } from './people';

export type IncidentKey =
	| 'brute_force'
	| 'password_spray'
	| 'large_export'
	| 'export_spree'
	| 'off_hours_admin'
	| 'privilege_escalation'
	| 'mass_deletion';

/** A suspicious episode planted in the demo data, described so tests and docs can find it. */
export interface DemoIncident {
	key: IncidentKey;
	name: string;
	/**
	 * actor.id of the account acting or, for the brute force, attacked; for the spray, the account
	 * that finally signs in, with every account that failed listed (by email) in `accounts`.
	 */
	actorId: string;
	actorEmail: string;
	accounts?: string[];
	ip?: string;
	/**
	 * 'now': starts at now + startOffsetMs. 'sunday-paris': starts startOffsetMs of Paris wall-clock
	 * time after midnight of the latest Sunday on which that moment is at least a day before now.
	 */
	anchor: 'now' | 'sunday-paris';
	startOffsetMs: number;
	/** The figure a rule should see: failures, accounts, records or deletions. */
	count: number;
}

const who = (id: string) => ({ actorId: id, actorEmail: employee(id).actor.email });
const ago = (d: number, h: number, m: number) => -(d * DAY + h * HOUR + m * MINUTE);

export const SPRAY_ACCOUNTS = [
	'u-1012', 'u-1013', 'u-1014', 'u-1016', 'u-1017', 'u-1018', 'u-1019', 'u-1020', 'u-1021', 'u-1022', 'u-1023', 'u-1024', 'u-1025', 'u-1026'
];
export const SPRAY_SUCCESS = 'u-1029';
export const EXPORT_SPREE_RECORDS = [9_400, 11_200, 8_700, 10_900, 9_800, 10_000] as const;

export const DEMO_INCIDENTS: readonly DemoIncident[] = [
	{ key: 'mass_deletion', name: 'Mass deletion of contacts', ...who('u-1009'), anchor: 'now', startOffsetMs: ago(1, 6, 20), count: 90 },
	{ key: 'brute_force', name: 'Brute force on one account', ...who('u-1010'), ip: '45.155.205.233', anchor: 'now', startOffsetMs: ago(2, 9, 41), count: 34 },
	{ key: 'large_export', name: 'Large contact export by a manager', ...who('u-1004'), anchor: 'now', startOffsetMs: ago(4, 2, 15), count: 48_000 },
	{
		key: 'off_hours_admin',
		name: 'Admin sign-in at 03:00 on a Sunday from abroad',
		...who('u-1002'),
		ip: '14.161.22.87',
		anchor: 'sunday-paris',
		startOffsetMs: 3 * HOUR + 4 * MINUTE,
		count: 1
	},
	{
		key: 'password_spray',
		name: 'Password spraying, then a successful sign-in',
		actorId: SPRAY_SUCCESS,
		actorEmail: employee(SPRAY_SUCCESS).actor.email,
		accounts: SPRAY_ACCOUNTS.map((id) => employee(id).actor.email),
		ip: '185.220.101.47',
		anchor: 'now',
		startOffsetMs: ago(6, 19, 5),
		count: SPRAY_ACCOUNTS.length
	},
	{ key: 'privilege_escalation', name: 'Agent promoted to administrator', ...who('u-1011'), anchor: 'now', startOffsetMs: ago(9, 4, 30), count: 1 },
	{ key: 'export_spree', name: 'Many exports by one agent within a day', ...who('u-1015'), anchor: 'now', startOffsetMs: ago(12, 7, 0), count: 60_000 }
];

export function incidentStart(incident: DemoIncident, now: Date): Date {
	const end = now.getTime();
	if (incident.anchor === 'now') return new Date(end + incident.startOffsetMs);
	const wallMinutes = incident.startOffsetMs / MINUTE;
	let day = parisDay(end);
	while (weekdayOf(day) !== 0 || parisAt(day, wallMinutes) > end - DAY) day--;
	return new Date(parisAt(day, wallMinutes));
}
