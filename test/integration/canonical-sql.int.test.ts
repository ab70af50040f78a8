import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { command, insert, query } from '../../src/lib/server/clickhouse/query';
import { prepareEvents } from '../../src/lib/server/ingest/prepare';
import { CANONICAL_HASH_SQL, CANONICAL_SQL_APPLIES, CANONICAL_TEXT_SQL } from '../../src/lib/server/queries/seals/canonical-sql';
import { VERIFY_COLUMNS, VerifyRow } from '../../src/lib/server/queries/seals/list-period-events';
import { canonicalOfRow } from '../../src/lib/server/seals/canonical-of';
import { CANONICAL_TAG, canonicalHash } from '../../src/lib/server/seals/canonical';
import { storeSource } from '../../src/lib/server/seals/store-source';
import { leavesOfEvents } from '../../src/lib/server/seals/verify-period';
import { ready } from './helpers';

// Public samples beside the project (never kept in it): every vendor event becomes one event's details.
const SAMPLES = fileURLToPath(new URL('../../../shared/samples/panther-analysis', import.meta.url));
const TENANT = 'canonical';
const DAY = Date.UTC(2026, 10, 20);

function sampleLogs(): unknown[] {
	if (!existsSync(SAMPLES)) return [];
	const single = readFileSync(`${SAMPLES}/rule_test_events.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { log: unknown }).log);
	const dirs = ['okta-add-administrator', 'compromised-root-creds', 'enrichment-example', 'gsuite-sensitive-files'].map((d) => `${SAMPLES}/test_scenarios/${d}`);
	const stories = dirs.flatMap((d) => (existsSync(d) ? readdirSync(d) : []).filter((f: string) => f.endsWith('.yml')).flatMap((f: string) => parse(readFileSync(`${d}/${f}`, 'utf8')).Logs ?? []));
	return [...single, ...stories];
}

// Cut by code points, never inside a surrogate pair, and within ingest's field limits.
const text = (v: unknown) => (v === undefined || v === null ? undefined : [...(typeof v === 'string' ? v : JSON.stringify(v))].slice(0, 200).join(''));
const IPS = ['203.0.113.45', '2001:db8::1', '::ffff:198.51.100.7', 'fe80::abcd:0:0:12', undefined];
const ODD = ['quote " and back\\slash', 'controls \u0000\u0001\b\t\n\u000b\f\r\u001f\u007f end', 'astral 😀𝄞 and CJK 漢字, é', 'line sep \u2028 para \u2029', 'slash / and </script> and DEL \u007f', ''];

/** The samples as events, plus edge cases in every text field the form covers. */
function inputs(): Record<string, unknown>[] {
	const fromSamples = sampleLogs().map((log, i) => {
		const o = (log ?? {}) as Record<string, unknown>;
		return {
			occurred_at: new Date(DAY + i * 1237).toISOString(),
			action: `sample.${text(o.eventName ?? o.eventType ?? o.action ?? o.operation_name) ?? 'event'}`,
			actor: { id: `a-${i}`, name: text(o.actor ?? o.user ?? o.userIdentity), email: text(o.user_email ?? o.email) },
			reason: text(o.errorMessage ?? o.reason),
			target: { type: 'sample', id: String(i), name: text(o.target ?? o.resource) },
			ip: IPS[i % IPS.length],
			user_agent: text(o.userAgent ?? o.request_user_agent),
			details: { log: o }
		};
	});
	const odd = ODD.flatMap((s, i) => [
		{ occurred_at: new Date(DAY + 3600e3 + i * 7).toISOString(), action: `odd${s}`, actor: { id: s, name: s, email: s, type: s }, reason: s, source: s },
		{ occurred_at: new Date(DAY + 3600e3 + i * 7 + 1).toISOString(), action: 'odd', target: { type: s, id: s, name: s }, user_agent: s, session_id: s, request_id: s },
		{ occurred_at: new Date(DAY + 3600e3 + i * 7 + 2).toISOString(), action: 'odd', changes: { before: { [s]: s }, after: { [s]: [s, 1.5, null, true, { deep: { deeper: s } }] } }, details: { s, n: -0.000123, big: 12345678901234 } }
	]);
	const bare = { occurred_at: new Date(DAY + 7200e3 + 999).toISOString(), action: 'bare' };
	return [...fromSamples, ...odd, bare].map((e) => ({ tenant: TENANT, ...e }));
}

const Row = VerifyRow.extend({ sql_text_hex: z.string(), sql_hash: z.string(), applies: z.coerce.number() });

beforeAll(async () => {
	await ready();
	const events = inputs();
	const p = await prepareEvents(events, events.map(() => 0), { now: new Date(DAY + 86_400e3), retention: { days: 90, securityDays: 365 } });
	if (!p.ok) throw new Error(JSON.stringify(p.problems.slice(0, 3)));
	await insert('test.insertCanonical', 'events', p.rows);
	// A lone surrogate as it could only be stored by writing the store directly (ingest refuses it): its CESU-8 bytes.
	await command('test.loneSurrogate', `ALTER TABLE events UPDATE actor_name = concat('lone ', unhex('EDA080'), ' half') WHERE tenant = {t:String} AND action = 'bare' SETTINGS mutations_sync = 2`, { t: TENANT });
}, 120_000);

describe('the canonical form built in SQL', () => {
	it('is byte for byte the JS canonical form of every stored event of the samples and the edge cases', async () => {
		const rows = await query({
			name: 'test.canonicalBoth',
			row: Row,
			params: { t: TENANT },
			sql: `SELECT ${VERIFY_COLUMNS}, hex(${CANONICAL_TEXT_SQL}) AS sql_text_hex, ${CANONICAL_HASH_SQL} AS sql_hash, ${CANONICAL_SQL_APPLIES} AS applies
				FROM events WHERE tenant = {t:String}`
		});
		expect(rows.length).toBe(inputs().length);
		const applied = rows.filter((r) => r.applies === 1);
		if (existsSync(SAMPLES)) expect(rows.length).toBeGreaterThan(3000);
		// Left to Node: the row with invalid UTF-8 (Node reads it with replacement characters) and rows with control characters.
		const controls = (r: VerifyRow) => Object.entries(r).some(([k, v]) => k !== 'ip' && typeof v === 'string' && /[\u0000-\u001f]/.test(v));
		expect(rows.filter((r) => r.applies !== 1).map((r) => r.id).sort()).toEqual(rows.filter((r) => r.action === 'bare' || controls(r)).map((r) => r.id).sort());
		// The engine's own escapes are exercised: quotes and backslashes (nested JSON), and text it leaves as it is.
		const has = (re: RegExp) => applied.filter((r) => Object.values(r).some((v) => typeof v === 'string' && re.test(v))).length;
		expect([has(/\\/), has(/\u2028/), has(/\u007f/), has(/\p{Extended_Pictographic}/u)].every((n) => n > 0)).toBe(true);
		const differing = applied.filter((r) => {
			const c = canonicalOfRow(r);
			const js = JSON.stringify([CANONICAL_TAG, c.id, c.tenant, c.occurred_at, c.source, c.actor_id, c.actor_name, c.actor_email, c.actor_type, c.action, c.category, c.outcome, c.reason, c.target_type, c.target_id, c.target_name, c.ip, c.user_agent, c.session_id, c.request_id, c.changes, c.details]);
			return Buffer.from(js).toString('hex').toUpperCase() !== r.sql_text_hex || canonicalHash(c) !== r.sql_hash || r.sql_hash !== r.content_hash;
		});
		expect(differing.map((r) => r.id)).toEqual([]);
	});

	it('gives every hour the leaves and findings the JS path gives', async () => {
		const src = storeSource(TENANT);
		const from = new Date(DAY);
		const to = new Date(DAY + 86_400e3);
		const engine = await src.periods!(from, to, 3600e3);
		const events = [];
		for await (const batch of src.events(from, to)) events.push(...batch);
		const hours = new Set(events.map((e) => Math.floor(e.occurredMs / 3600e3) * 3600e3));
		expect([...engine.keys()].sort()).toEqual([...hours].sort());
		for (const h of hours) {
			const js = leavesOfEvents(events.filter((e) => Math.floor(e.occurredMs / 3600e3) * 3600e3 === h));
			const sql = engine.get(h)!;
			expect({ n: sql.count, leaves: sql.leaves.toString('hex'), received: [...Array.from(sql.receivedMs)], changed: sql.changed.sort(), ids: await sql.ids() }).toEqual({
				n: js.count, leaves: js.leaves.toString('hex'), received: [...Array.from(js.receivedMs)], changed: js.changed.sort(), ids: await js.ids()
			});
		}
		// The lone surrogate was written over a hashed field: both paths call it changed.
		expect([...engine.values()].flatMap((p) => p.changed)).toHaveLength(1);
	});
});
