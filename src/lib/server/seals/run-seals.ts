import { alertWrites } from '../alerts/serial';
import { inBackground } from '../clickhouse/lane';
import { getConfig } from '../config';
import { insertAlerts } from '../queries/alerts/insert-alerts';
import { listSealHeads } from '../queries/seals/list-seal-heads';
import { integrityAlerts } from './integrity-alerts';
import { sealDue } from './seal-due';
import { ledgerFile, type BrokenChain } from './head-ledger';
import { loadSealKey } from './seal-key';
import type { Seal } from './seal-record';
import { storeSource } from './store-source';
import { verifyRange, type RangeReport } from './verify-range';

export interface SealRunReport {
	seals: Seal[];
	broken: BrokenChain[];
	verified: RangeReport[];
	alerts: number;
}

/**
 * Verifies one tenant's range against the store with this server's public key, on the background
 * lane: a month's scan must not hold the session the timeline answers on.
 */
export function verifyStored(tenant: string, from: Date, to: Date): Promise<RangeReport> {
	const config = getConfig();
	const key = loadSealKey(config.seals.keyFile);
	return inBackground(() => verifyRange(storeSource(tenant), { tenant, from, to, periodMs: config.seals.periodMs, publicKey: key.publicKey, keyId: key.keyId }));
}

/** Stores an integrity_violation alert for every failed period; notifyPending emails them like any alert. */
export async function raiseIntegrityAlerts(reports: readonly RangeReport[], now: Date): Promise<number> {
	const alerts = reports.flatMap((r) => integrityAlerts(r, now));
	if (alerts.length) await alertWrites(() => insertAlerts(alerts));
	return alerts.length;
}

/**
 * One run of the seal job: seal what is due; when a new period was sealed (once a period, not on
 * every amendment) or when asked, verify every tenant's last SEAL_VERIFY_DAYS against the store
 * and raise an alert for anything that fails.
 */
export async function runSeals(now: Date, opts: { tenants?: readonly string[]; verify?: boolean } = {}): Promise<SealRunReport> {
	const config = getConfig();
	const key = loadSealKey(config.seals.keyFile);
	const { seals, broken } = await sealDue({ now, settleMs: config.rules.settleMs, periodMs: config.seals.periodMs, key, ledgerFile: ledgerFile(config) });
	const cut = await raiseIntegrityAlerts(broken.map(brokenReport), now);
	if (!(opts.verify ?? seals.some((s) => s.kind === 'period'))) return { seals, broken, verified: [], alerts: cut };
	const from = new Date(now.getTime() - config.seals.verifyDays * 86_400_000);
	const tenants = (await listSealHeads()).map((h) => h.tenant).filter((t) => !opts.tenants || opts.tenants.includes(t));
	const verified: RangeReport[] = [];
	for (const t of tenants) verified.push(await verifyStored(t, from, now));
	return { seals, broken, verified, alerts: cut + (await raiseIntegrityAlerts(verified, now)) };
}

/** A chain cut at its head, told as a failed period (the period of the lost head) for the alert. */
function brokenReport(b: BrokenChain): RangeReport {
	const start = new Date(b.expected.periodStart);
	const end = new Date(start.getTime() + getConfig().seals.periodMs).toISOString();
	const message = `the stored chain ends at ${b.found ? `seal ${b.found.seq}` : 'no seal'}, but seal ${b.expected.seq} (hash ${b.expected.hash.slice(0, 16)}…) was written: seals were removed or replaced; sealing of this tenant is stopped`;
	return {
		tenant: b.tenant, from: b.expected.periodStart, to: end, period_minutes: 0, key_id: '', verified: false, failed: 1, events: 0,
		periods: [{ period_start: b.expected.periodStart, period_end: end, status: 'failed', events: 0, sealed_events: 0, pending: 0, seals: [], problems: [{ kind: 'chain_break', seq: b.expected.seq, message }] }]
	};
}

export function summarizeSeals(r: SealRunReport): string {
	const failed = r.verified.reduce((n, v) => n + v.failed, 0);
	const cut = r.broken.length ? `, chains cut or rewritten: ${r.broken.map((b) => b.tenant).join(', ')}` : '';
	return `${r.seals.length} seal(s) written, ${r.verified.length} tenant(s) verified, ${failed} period(s) failed, ${r.alerts} integrity alert(s)${cut}`;
}
