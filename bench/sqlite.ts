import Database from 'better-sqlite3';
import ipaddr from 'ipaddr.js';
import { statSync } from 'node:fs';
import { generateEvents, type BenchEvent, type GenSpec } from './generate';
import type { QueryPlan, ResultSummary } from './queries';

/** What an application keeping its audit log in SQLite would reasonably set. */
export const PRAGMAS = ['journal_mode = WAL', 'synchronous = NORMAL', 'cache_size = -262144', 'temp_store = MEMORY', 'mmap_size = 1073741824'];

const SCHEMA = `
CREATE TABLE events (
	id TEXT NOT NULL, tenant TEXT NOT NULL, occurred_at INTEGER NOT NULL, received_at INTEGER NOT NULL, source TEXT,
	actor_id TEXT, actor_name TEXT, actor_email TEXT, actor_type TEXT, action TEXT, action_key TEXT, category TEXT,
	outcome TEXT, reason TEXT, target_type TEXT, target_id TEXT, target_name TEXT, ip BLOB, country TEXT, city TEXT,
	user_agent TEXT, session_id TEXT, request_id TEXT, changes TEXT, changed_fields TEXT, details TEXT,
	records INTEGER, bytes INTEGER, content_hash TEXT
);
CREATE INDEX events_time ON events (tenant, occurred_at);
CREATE INDEX events_actor ON events (tenant, actor_id, occurred_at);
CREATE INDEX events_ip ON events (tenant, ip, occurred_at);
CREATE INDEX events_cat ON events (tenant, category, outcome, occurred_at);`;

const COLUMN_COUNT = 29;
const ZERO_IP = Buffer.alloc(16);
const ipCache = new Map<string, Buffer>();

/** IPs as 16-byte IPv6 (IPv4 mapped), so that a CIDR block is one BETWEEN range. */
export function ipBlob(text: string | undefined): Buffer {
	if (!text) return ZERO_IP;
	let b = ipCache.get(text);
	if (!b) {
		const a = ipaddr.parse(text);
		b = Buffer.from((a.kind() === 'ipv4' ? (a as ipaddr.IPv4).toIPv4MappedAddress() : a).toByteArray());
		ipCache.set(text, b);
	}
	return b;
}

function cidrBlobs(cidr: string): [Buffer, Buffer] {
	const v4 = !cidr.includes(':');
	const first = v4 ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr);
	const last = v4 ? ipaddr.IPv4.broadcastAddressFromCIDR(cidr) : ipaddr.IPv6.broadcastAddressFromCIDR(cidr);
	return [ipBlob(first.toString()), ipBlob(last.toString())];
}

const displayIp = (hex: string) => {
	const a = ipaddr.fromByteArray([...Buffer.from(hex, 'hex')]) as ipaddr.IPv6;
	return a.isIPv4MappedAddress() ? a.toIPv4Address().toString() : a.toString();
};

function toRow(e: BenchEvent, receivedAt: number): unknown[] {
	const exported = e.category === 'data_export' && e.details ? e.details : undefined;
	return [
		e.id, e.tenant, Date.parse(e.occurred_at), receivedAt, e.source,
		e.actor.id, e.actor.name, e.actor.email ?? '', e.actor.type, e.action, e.action.toLowerCase(), e.category,
		e.outcome, e.reason ?? '', e.target.type, e.target.id, e.target.name ?? '', ipBlob(e.ip), '', '',
		e.user_agent, e.session_id, e.request_id, e.changes ? JSON.stringify(e.changes) : '',
		JSON.stringify(e.changes ? Object.keys({ ...e.changes.before, ...e.changes.after }) : []), e.details ? JSON.stringify(e.details) : '',
		Number(exported?.records ?? 0), Number(exported?.bytes ?? 0), ''
	];
}

export interface SqliteLoad {
	rows: number;
	insertMs: number;
	analyzeMs: number;
	fileBytes: number;
}

/** Creates the table and indexes, then inserts every event in transactions of 50k; only the inserts are timed. */
export function loadSqlite(path: string, spec: GenSpec, onProgress?: (rows: number) => void): { db: Database.Database; load: SqliteLoad } {
	const db = new Database(path);
	for (const p of PRAGMAS) db.pragma(p);
	db.exec(SCHEMA);
	const stmt = db.prepare(`INSERT INTO events VALUES (${Array(COLUMN_COUNT).fill('?').join(', ')})`);
	const insertMany = db.transaction((rows: unknown[][]) => {
		for (const r of rows) stmt.run(r);
	});
	const load: SqliteLoad = { rows: 0, insertMs: 0, analyzeMs: 0, fileBytes: 0 };
	let pending: unknown[][] = [];
	const flush = () => {
		const t0 = performance.now();
		insertMany(pending);
		load.insertMs += performance.now() - t0;
		load.rows += pending.length;
		pending = [];
		onProgress?.(load.rows);
	};
	const now = Date.now();
	for (const chunk of generateEvents(spec)) {
		for (const e of chunk) pending.push(toRow(e, now));
		if (pending.length >= 50_000) flush();
	}
	if (pending.length > 0) flush();
	const t0 = performance.now();
	db.exec('ANALYZE');
	load.analyzeMs = performance.now() - t0;
	db.pragma('wal_checkpoint(TRUNCATE)');
	load.fileBytes = statSync(path).size;
	return { db, load };
}

const COLS = `id, tenant, occurred_at, received_at, source, actor_id, actor_name, actor_email, actor_type, action, category, outcome, reason,
	target_type, target_id, target_name, hex(ip) AS ip, country, city, user_agent, session_id, request_id, changes, changed_fields, details, records, bytes, content_hash`;
const PAGE = `SELECT ${COLS} FROM events WHERE tenant = @tenant AND occurred_at >= @from AND occurred_at < @to`;
const ORDER = 'ORDER BY occurred_at DESC, id DESC LIMIT 51';
const SEARCH_TEXT = `(action || ' ' || actor_id || ' ' || actor_name || ' ' || actor_email || ' ' || target_type || ' ' || target_id || ' ' || target_name || ' ' || reason || ' ' || source || ' ' || details || ' ' || changes)`;

export const SQLITE_SQL: Record<QueryPlan['kind'], string> = {
	timeline: `${PAGE} ${ORDER}`,
	actor: `${PAGE} AND actor_id = @actor ${ORDER}`,
	cidr24: `${PAGE} AND ip BETWEEN @first AND @last ${ORDER}`,
	cidr16: `${PAGE} AND ip BETWEEN @first AND @last ${ORDER}`,
	// LIKE is case-insensitive for ASCII, as the API's positionCaseInsensitiveUTF8 is.
	text: `${PAGE} AND ${SEARCH_TEXT} LIKE @like ${ORDER}`,
	histogram: `SELECT strftime('%Y-%m-%dT%H:00:00Z', occurred_at / 1000, 'unixepoch') AS t,
		sum(outcome = 'success') AS success, sum(outcome = 'failure') AS failure, sum(outcome = 'pending') AS pending
		FROM events WHERE tenant = @tenant AND occurred_at >= @from AND occurred_at < @to GROUP BY t ORDER BY t`,
	failed: `SELECT hex(ip) AS ip, count(*) AS failures,
		count(DISTINCT CASE WHEN actor_email != '' THEN lower(actor_email) ELSE actor_id END) AS accounts,
		min(occurred_at) AS first_seen, max(occurred_at) AS last_seen, max(country) AS country
		FROM events WHERE tenant = @tenant AND category = 'authentication' AND outcome = 'failure'
		  AND occurred_at >= @from AND occurred_at < @to AND ip != @zero
		GROUP BY ip ORDER BY failures DESC, ip LIMIT 100`
};

function bindParams(plan: QueryPlan): Record<string, unknown> {
	const params: Record<string, unknown> = { tenant: plan.tenant, from: plan.from.getTime(), to: plan.to.getTime() };
	if (plan.actor) params.actor = plan.actor;
	if (plan.cidr) [params.first, params.last] = cidrBlobs(plan.cidr);
	if (plan.word) params.like = `%${plan.word}%`;
	if (plan.kind === 'failed') params.zero = ZERO_IP;
	return params;
}

/** Runs one query in-process (no HTTP, no JSON: a head start the API does not get). */
export function runSqliteQuery(db: Database.Database, plan: QueryPlan): { ms: number; summary: ResultSummary } {
	const stmt = db.prepare(SQLITE_SQL[plan.kind]);
	const params = bindParams(plan);
	const t0 = performance.now();
	const rows = stmt.all(params) as Record<string, unknown>[];
	const ms = performance.now() - t0;
	if (plan.kind === 'histogram') return { ms, summary: { total: rows.reduce((n, r) => n + Number(r.success) + Number(r.failure) + Number(r.pending), 0) } };
	if (plan.kind === 'failed') return { ms, summary: { top: rows.slice(0, 10).map((r) => `${displayIp(String(r.ip))}:${r.failures}`) } };
	return { ms, summary: { ids: rows.slice(0, 50).map((r) => String(r.id)) } };
}

/** The plan SQLite chose for these parameters (with STAT4 a range's plan depends on its bounds). */
export function explain(db: Database.Database, plan: QueryPlan): string {
	const rows = db.prepare(`EXPLAIN QUERY PLAN ${SQLITE_SQL[plan.kind]}`).all(bindParams(plan)) as { detail: string }[];
	return rows.map((r) => r.detail).join('; ');
}
