import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config';
import type { SealHead } from '../queries/seals/list-seal-heads';
import type { Seal } from './seal-record';

/** The last seal the job wrote for a tenant, remembered outside the store. */
export interface LedgerEntry {
	seq: number;
	hash: string;
	periodStart: string;
}
export type Ledger = Record<string, LedgerEntry>;

export interface BrokenChain {
	tenant: string;
	expected: LedgerEntry;
	found: { seq: number; hash: string } | null;
}

/**
 * A chain checks every seal against the one before, so only its newest seals can vanish without
 * a trace in the store. The job keeps the head it wrote in a file beside the data (one per
 * database), and a store whose head is behind it or differs was cut or rewritten.
 */
export const ledgerFile = (c: Config) => join(c.dataDir, `seal-heads-${c.clickhouse.database}.json`);

export function readLedger(file: string): Ledger {
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Ledger) : {};
}

export function recordHeads(file: string, ledger: Ledger, written: readonly Seal[]): void {
	if (written.length === 0) return;
	const next = { ...ledger };
	for (const s of written) if (!next[s.tenant] || next[s.tenant].seq < s.seq) next[s.tenant] = { seq: s.seq, hash: s.hash, periodStart: s.periodStart };
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(`${file}.partial`, JSON.stringify(next));
	renameSync(`${file}.partial`, file);
}

/** Tenants whose stored chain no longer holds the head the job wrote; `hashAt` reads a stored seal's hash. */
export async function brokenChains(ledger: Ledger, heads: readonly SealHead[], hashAt: (tenant: string, seq: number) => Promise<string | null>): Promise<BrokenChain[]> {
	const byTenant = new Map(heads.map((h) => [h.tenant, h]));
	const broken: BrokenChain[] = [];
	for (const [tenant, expected] of Object.entries(ledger)) {
		const head = byTenant.get(tenant);
		const found = head ? { seq: head.seq, hash: head.hash } : null;
		const same = head && (head.seq === expected.seq ? head.hash === expected.hash : head.seq > expected.seq && (await hashAt(tenant, expected.seq)) === expected.hash);
		if (!same) broken.push({ tenant, expected, found });
	}
	return broken;
}
