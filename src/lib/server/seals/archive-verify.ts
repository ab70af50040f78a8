import type { KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { EventOutput } from '../../schemas/event-output';
import { verifyEventOfOutput } from './api-source';
import type { Seal } from './seal-record';
import type { VerifyEvent } from './verify-period';
import { verifyRange, type RangeReport } from './verify-range';

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

export interface ArchiveReport {
	reports: RangeReport[];
	/** Lines that are not an event at all (an edit that broke the JSON): file and line number. */
	unreadable: string[];
}

/**
 * Verifies archive files offline (src/lib/server/retention/archive.ts writes them): every
 * tenant's sealed periods found in DIR/seals/ recomputed from DIR/standard/ and DIR/security/.
 * A period whose events are only partly archived yet (the security class is kept longer) reads
 * as missing events unless `partial` marks those periods incomplete instead of failed.
 */
export function verifyArchive(dir: string, key: { publicKey: KeyObject; keyId: string }, periodMs?: number, partial = false): Promise<ArchiveReport> {
	const files = existsSync(dir) ? walk(dir) : [];
	const unreadable: string[] = [];
	const events = new Map<string, VerifyEvent[]>();
	const daysOf = { standard: new Set<string>(), security: new Set<string>() };
	for (const f of files.filter((x) => /events-\d{4}-\d{2}-\d{2}\.ndjson\.gz$/.test(x))) {
		const cls = relative(dir, f).startsWith('security') ? 'security' : 'standard';
		daysOf[cls].add(/events-(\d{4}-\d{2}-\d{2})/.exec(f)![1]);
		gunzipSync(readFileSync(f)).toString().split('\n').forEach((line, i) => {
			if (!line.trim()) return;
			try {
				const e = verifyEventOfOutput(JSON.parse(line) as EventOutput);
				(events.get(e.canonical.tenant) ?? events.set(e.canonical.tenant, []).get(e.canonical.tenant)!).push(e);
			} catch {
				unreadable.push(`${relative(dir, f)}:${i + 1}`);
			}
		});
	}
	const seals = new Map<string, Seal[]>();
	for (const f of files.filter((x) => /seals-\d{4}-\d{2}-\d{2}\.ndjson$/.test(x)))
		for (const line of readFileSync(f, 'utf8').split('\n').filter(Boolean)) {
			const s = JSON.parse(line) as Seal;
			(seals.get(s.tenant) ?? seals.set(s.tenant, []).get(s.tenant)!).push(s);
		}
	// The seals say how long their periods are; a flag can say it when the archive holds none.
	const any = [...seals.values()][0]?.[0];
	const length = periodMs ?? (any ? Date.parse(any.periodEnd) - Date.parse(any.periodStart) : 3_600_000);
	return verifyTenants(events, seals, { ...key, periodMs: length, partial, bothClasses: (day) => daysOf.standard.has(day) && daysOf.security.has(day) }).then((reports) => ({ reports, unreadable }));
}

async function verifyTenants(
	events: Map<string, VerifyEvent[]>,
	seals: Map<string, Seal[]>,
	o: { publicKey: KeyObject; keyId: string; periodMs: number; partial: boolean; bothClasses: (day: string) => boolean }
): Promise<RangeReport[]> {
	const out: RangeReport[] = [];
	for (const tenant of [...new Set([...seals.keys(), ...events.keys()])].sort()) {
		const mine = seals.get(tenant) ?? [];
		const evs = events.get(tenant) ?? [];
		const starts = [...mine.map((s) => Date.parse(s.periodStart)), ...evs.map((e) => e.occurredMs)];
		const from = new Date(Math.min(...starts));
		const to = new Date(Math.max(...mine.map((s) => Date.parse(s.periodEnd)), ...evs.map((e) => e.occurredMs + 1)));
		const bySeq = new Map(mine.map((s) => [s.seq, s]));
		const report = await verifyRange(
			{
				seals: async (a, b) => mine.filter((s) => Date.parse(s.periodStart) >= a.getTime() && Date.parse(s.periodStart) < b.getTime()),
				sealsBySeq: async (seqs) => seqs.flatMap((q) => (bySeq.has(q) ? [bySeq.get(q)!] : [])),
				// Archived days need not be contiguous: only what the files hold is checked, not the chain's extent.
				head: async () => (mine.length ? { firstPeriod: Infinity, lastPeriodEnd: -Infinity, receivedTo: Math.max(...mine.map((s) => Date.parse(s.receivedTo))) } : null),
				async *events(a, b) {
					yield evs.filter((e) => e.occurredMs >= a.getTime() && e.occurredMs < b.getTime());
				}
			},
			{ tenant, from, to, periodMs: o.periodMs, publicKey: o.publicKey, keyId: o.keyId }
		);
		// The archive's first seal follows one that was archived with an older day, or never: not a break.
		const first = Math.min(...mine.map((s) => s.seq));
		for (const p of report.periods) {
			p.problems = p.problems.filter((x) => !(x.kind === 'chain_break' && x.seq === first && !bySeq.has(first - 1) && first > 0));
			if (o.partial && p.problems.length && p.problems.every((x) => x.kind === 'missing') && !o.bothClasses(p.period_start.slice(0, 10))) p.status = 'incomplete';
			else p.status = p.problems.length ? 'failed' : p.seals.length ? 'verified' : 'open';
		}
		report.failed = report.periods.filter((p) => p.status === 'failed').length;
		report.verified = report.failed === 0;
		report.periods = report.periods.filter((p) => p.events > 0 || p.seals.length > 0);
		out.push(report);
	}
	return out;
}
