import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalHash, canonicalIp, legacyHash, type CanonicalEvent } from '../../src/lib/server/seals/canonical';
import { leafHash, merkleProof, merkleRoot, rootFromProof } from '../../src/lib/server/seals/merkle';
import { planSeals } from '../../src/lib/server/seals/plan-seals';
import { GENESIS, signSeal, signatureValid, type UnsignedSeal } from '../../src/lib/server/seals/seal-record';
import { contentHash, prepareEvents } from '../../src/lib/server/ingest/prepare';
import { canonicalOfOutput } from '../../src/lib/server/seals/canonical-of';
import { toEventOutput } from '../../src/lib/server/queries/events/event-columns';

const sha = (b: Buffer) => createHash('sha256').update(b).digest();
const leaves = (n: number) => Array.from({ length: n }, (_, i) => sha(Buffer.from([i])));

/** RFC 6962's recursive definition, to check the level-by-level build against. */
function rfc6962(xs: Buffer[]): Buffer {
	if (xs.length === 1) return xs[0];
	let k = 1;
	while (k * 2 < xs.length) k *= 2;
	return sha(Buffer.concat([Buffer.from([1]), rfc6962(xs.slice(0, k)), rfc6962(xs.slice(k))]));
}

describe('the Merkle tree', () => {
	it.each([1, 2, 3, 5, 7, 8, 13, 100])('has the root RFC 6962 defines for %i leaves, and a proof for each leaf', (n) => {
		const xs = leaves(n);
		const root = merkleRoot(xs);
		expect(root).toBe(rfc6962(xs).toString('hex'));
		for (let i = 0; i < n; i++) expect(rootFromProof(xs[i], merkleProof(xs, i))).toBe(root);
	});

	it('an empty period has the hash of nothing as its root; order and content both matter', () => {
		expect(merkleRoot([])).toBe(createHash('sha256').digest('hex'));
		const xs = leaves(4);
		expect(merkleRoot([xs[1], xs[0], xs[2], xs[3]])).not.toBe(merkleRoot(xs));
		expect(leafHash('00000000-0000-0000-0000-000000000001', 'ab'.repeat(32))).not.toEqual(leafHash('00000000-0000-0000-0000-000000000002', 'ab'.repeat(32)));
	});
});

const base: CanonicalEvent = {
	id: '6f1c1d2e-0000-4000-8000-000000000001', tenant: 't', occurred_at: '2026-11-20T14:30:25.123Z', source: '', actor_id: 'u-1', actor_name: '', actor_email: 'a@b.c',
	actor_type: 'user', action: 'login', category: 'authentication', outcome: 'success', reason: '', target_type: '', target_id: '', target_name: '', ip: '203.0.113.4',
	user_agent: '', session_id: '', request_id: '', changes: '', details: '{"n":1}'
};

describe('the canonical form', () => {
	it('is the SHA-256 of a JSON array in the documented order', () => {
		const text = JSON.stringify(['trailscope-event/2', ...Object.values(base)]);
		expect(canonicalHash(base)).toBe(createHash('sha256').update(text).digest('hex'));
		expect(canonicalHash({ ...base, actor_email: 'x@b.c' })).not.toBe(canonicalHash(base));
		expect(legacyHash(base)).toMatch(/^[0-9a-f]{32}$/);
	});

	it('writes an address one way whichever way it was printed', () => {
		expect(canonicalIp('::ffff:203.0.113.4')).toBe('203.0.113.4');
		expect(canonicalIp('2001:db8::7')).toBe('2001:db8:0:0:0:0:0:7');
		expect(canonicalIp('2001:db8:0:0:0:0:0:7')).toBe('2001:db8:0:0:0:0:0:7');
		expect(canonicalIp('::')).toBe('');
		expect(canonicalIp(null)).toBe('');
	});

	it('ingest hashes what the API later gives back, so anyone can recompute it', async () => {
		const now = new Date('2026-11-20T15:00:00Z');
		const sent = [
			{ occurred_at: '2026-11-20T14:30:25.123Z', action: 'role_changed', actor: { id: 'u1' }, ip: '2001:db8::1', changes: { before: { role: 'a' }, after: { role: 'b', 2: 'x' } } },
			{ occurred_at: Date.parse('2026-11-20T14:00:00Z'), action: 'login', ip: '::ffff:10.0.0.1', details: { big: 12345678901234567890, text: 'é\u2028"' } }
		];
		const p = await prepareEvents(sent, [], { now, retention: { days: 90, securityDays: 365 } });
		if (!p.ok) throw new Error(JSON.stringify(p.problems));
		for (const row of p.rows) {
			expect(row.content_hash).toMatch(/^[0-9a-f]{64}$/);
			// As the store gives the row back: IPv6 compressed, times without the T and Z.
			const back = { ...row, ip: row.ip.replace('2001:db8:0:0:0:0:0:1', '2001:db8::1').replace('0:0:0:0:0:ffff:a00:1', '::ffff:10.0.0.1') };
			expect(canonicalHash(canonicalOfOutput(toEventOutput(back)))).toBe(row.content_hash);
		}
		expect(contentHash(p.rows[0], '2026-11-20T14:30:25.123Z', 'elsewhere')).not.toBe(p.rows[0].content_hash);
	});
});

describe('seal records', () => {
	const { privateKey, publicKey } = generateKeyPairSync('ed25519');
	const other = generateKeyPairSync('ed25519');
	const unsigned: UnsignedSeal = {
		tenant: 't', seq: 0, periodStart: '2026-11-20T14:00:00.000Z', periodEnd: '2026-11-20T15:00:00.000Z', kind: 'period', receivedFrom: '1970-01-01T00:00:00.000Z',
		receivedTo: '2026-11-20T15:08:00.000Z', events: 3, root: 'ab'.repeat(32), prevHash: GENESIS, sealedAt: '2026-11-20T15:09:00.000Z', keyId: 'k'
	};
	it('verify with their key only, and not once a field changed', () => {
		const s = signSeal(unsigned, privateKey);
		expect(signatureValid(s, publicKey)).toBe(true);
		expect(signatureValid(s, other.publicKey)).toBe(false);
		expect(signatureValid({ ...s, events: 2 }, publicKey)).toBe(false);
	});
});

describe('planSeals', () => {
	const P = 3_600_000;
	const t0 = Date.UTC(2026, 10, 20, 10);
	const head = (lastEnd: number, to: number) => ({ tenant: 'a', seq: 4, hash: 'h', firstPeriod: new Date(t0), lastPeriodEnd: new Date(lastEnd), receivedTo: new Date(to), sealedAt: new Date(to) });

	it('seals a period once it is past the settle time, filling empty ones, and amends sealed ones that got arrivals', () => {
		const plan = planSeals({
			now: new Date(t0 + 3 * P + 120_000), settleMs: 60_000, periodMs: P, heads: [head(t0 + P, t0 + P + 60_000)],
			arrivals: [{ tenant: 'a', periodStart: t0, arrived: 1 }, { tenant: 'a', periodStart: t0 + 2 * P, arrived: 4 }, { tenant: 'b', periodStart: t0 + 2 * P, arrived: 2 }, { tenant: 'b', periodStart: t0 + 3 * P, arrived: 1 }],
			marks: new Map([[`a\n${t0}`, t0 + P + 60_000]])
		});
		expect(plan.tenants).toEqual([
			{ tenant: 'a', periods: [{ start: t0, from: t0 + P + 60_000 }, { start: t0 + P, from: null }, { start: t0 + 2 * P, from: null }] },
			{ tenant: 'b', periods: [{ start: t0 + 2 * P, from: null }] }
		]);
	});

	it('seals nothing before a period is due', () => {
		const plan = planSeals({ now: new Date(t0 + P + 30_000), settleMs: 60_000, periodMs: P, heads: [head(t0, t0)], arrivals: [{ tenant: 'a', periodStart: t0, arrived: 3 }], marks: new Map() });
		expect(plan.tenants).toEqual([]);
	});
});
