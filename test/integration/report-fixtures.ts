/**
 * Known events for the security report tests: October 2026 in Europe/Paris, with events on both
 * sides of the month's edges and around the daylight-saving change of 25 October (02:00-03:00
 * local happens twice: 00:00-01:00Z at +02:00, then 01:00-02:00Z at +01:00).
 */
export const TENANT = 'acme';
export const PARIS_HOURS = { timezone: 'Europe/Paris', days: [1, 2, 3, 4, 5], start: '08:00', end: '19:00' };

const ev = (occurred_at: string, action: string, actor: string, more: Record<string, unknown> = {}) => ({ tenant: TENANT, occurred_at, action, actor: { email: actor }, ...more });
const fail = (at: string, ip: string | undefined, who: string) => ev(at, 'login_failed', who, { outcome: 'failure', ...(ip ? { ip } : {}) });
const login = (at: string, ip: string, who: string) => ev(at, 'login', who, { ip });
const exp = (at: string, who: string, records: number, bytes: number, outcome = 'success') => ev(at, 'report.export', who, { category: 'data_export', outcome, details: { records, bytes } });

export const ATTACKER = '45.155.205.233';
export const EDGE_IP = '203.0.113.5';

export const EVENTS = [
	// Failed sign-ins around the DST change: 5 from one address, 3 accounts; then a success from it.
	fail('2026-10-25T00:10:00Z', ATTACKER, 'u1@acme.example'),
	fail('2026-10-25T00:20:00Z', ATTACKER, 'u2@acme.example'),
	fail('2026-10-25T01:10:00Z', ATTACKER, 'u3@acme.example'),
	fail('2026-10-25T01:20:00Z', ATTACKER, 'u1@acme.example'),
	fail('2026-10-25T02:30:00Z', ATTACKER, 'u2@acme.example'),
	login('2026-10-25T02:40:00Z', ATTACKER, 'u3@acme.example'),
	// A success before the failures does not count as "success after".
	login('2026-10-10T07:00:00Z', '198.51.100.7', 'anna@acme.example'),
	fail('2026-10-10T08:00:00Z', '198.51.100.7', 'anna@acme.example'),
	fail('2026-10-10T08:05:00Z', '198.51.100.7', 'anna@acme.example'),
	// The month's edges in Paris: 2026-09-30T22:00Z and 2026-10-31T23:00Z.
	fail('2026-09-30T21:59:59.999Z', EDGE_IP, 'edge@acme.example'),
	fail('2026-09-30T22:00:00.000Z', EDGE_IP, 'edge@acme.example'),
	fail('2026-10-31T22:59:59.999Z', EDGE_IP, 'edge@acme.example'),
	fail('2026-10-31T23:00:00.000Z', EDGE_IP, 'edge@acme.example'),
	fail('2026-10-15T12:00:00Z', undefined, 'ghost@acme.example'),
	login('2026-10-13T09:00:00Z', '10.1.1.1', 'bob@acme.example'),
	ev('2026-10-13T09:30:00Z', 'logout', 'bob@acme.example', { ip: '10.1.1.1' }),
	// Exports, and the 30 days before the month as each account's usual volume.
	exp('2026-09-15T10:00:00Z', 'bob@acme.example', 3000, 100),
	exp('2026-09-20T10:00:00Z', 'dave@acme.example', 300, 100),
	exp('2026-10-13T10:00:00Z', 'bob@acme.example', 5000, 1_000_000),
	exp('2026-10-14T10:00:00Z', 'bob@acme.example', 1000, 200_000),
	exp('2026-10-20T10:00:00Z', 'carol@acme.example', 200, 5000),
	exp('2026-10-20T11:00:00Z', 'carol@acme.example', 900, 9000, 'failure'),
	exp('2026-10-21T10:00:00Z', 'dave@acme.example', 20000, 0),
	// gina was active before but never exported: flagged; hank has no history at all: not judged.
	login('2026-09-25T09:00:00Z', '10.1.1.2', 'gina@acme.example'),
	exp('2026-10-19T10:00:00Z', 'gina@acme.example', 1500, 0),
	exp('2026-10-19T11:00:00Z', 'hank@acme.example', 5000, 0),
	// Privilege changes: an elevation off hours (Tuesday 21:00 CET), a grant in hours; a rename is none.
	ev('2026-10-27T20:00:00Z', 'user.role_changed', 'admin@acme.example', { category: 'user_management', target: { type: 'user', id: 'u5', name: 'Una Five' }, changes: { before: { role: 'agent', name: 'Una' }, after: { role: 'admin', name: 'Una' } } }),
	ev('2026-10-05T09:00:00Z', 'permission.granted', 'admin@acme.example', { category: 'authorization', target: { type: 'user', id: 'u6' }, changes: { before: { permissions: ['read'] }, after: { permissions: ['read', 'write'] } } }),
	ev('2026-10-05T09:10:00Z', 'user.renamed', 'admin@acme.example', { category: 'user_management', target: { type: 'user', id: 'u6' }, changes: { before: { name: 'A' }, after: { name: 'B' } } }),
	// Configuration: one change, one that failed.
	ev('2026-10-06T09:00:00Z', 'settings.updated', 'admin@acme.example', { category: 'configuration', target: { type: 'workspace', id: 'w1' }, changes: { before: { session_timeout: 30 }, after: { session_timeout: 60 } } }),
	ev('2026-10-06T09:05:00Z', 'settings.updated', 'admin@acme.example', { category: 'configuration', outcome: 'failure', changes: { before: { sso: false }, after: { sso: true } } }),
	// Deletions: a burst of 12 within a quarter hour, one more, one known only from its changes (5 items, off hours).
	...Array.from({ length: 12 }, (_, i) => ev(`2026-10-22T09:${String(i).padStart(2, '0')}:00Z`, 'contact.deleted', 'erin@acme.example', { category: 'data_change', target: { type: 'contact', id: `c${i}` } })),
	ev('2026-10-22T14:00:00Z', 'report.delete', 'erin@acme.example', { category: 'data_change', target: { type: 'report', id: 'r1' } }),
	ev('2026-10-23T18:30:00Z', 'document.updated', 'frank@acme.example', { category: 'data_change', target: { type: 'document', id: 'd1' }, changes: { before: { title: 'Plan' } }, details: { count: 5 } }),
	ev('2026-10-23T18:40:00Z', 'contact.deleted', 'frank@acme.example', { category: 'data_change', outcome: 'failure', target: { type: 'contact', id: 'c99' } }),
	// Another tenant: must never show.
	{ ...fail('2026-10-25T00:15:00Z', ATTACKER, 'x@other.example'), tenant: 'other' },
	{ ...exp('2026-10-21T10:00:00Z', 'x@other.example', 99999, 1), tenant: 'other' }
];

/** The month of October 2026 in Paris. */
export const OCTOBER = { from: new Date('2026-09-30T22:00:00Z'), to: new Date('2026-10-31T23:00:00Z') };
