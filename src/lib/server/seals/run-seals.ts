import { alertWrites } from '../alerts/serial';
import { getConfig } from '../config';
import { insertAlerts } from '../queries/alerts/insert-alerts';
import { listSealHeads } from '../queries/seals/list-seal-heads';
import { integrityAlerts } from './integrity-alerts';
import { sealDue } from './seal-due';
import { loadSealKey } from './seal-key';
import type { Seal } from './seal-record';
import { storeSource } from './store-source';
import { verifyRange, type RangeReport } from './verify-range';

export interface SealRunReport {
	seals: Seal[];
	verified: RangeReport[];
	alerts: number;
}

/** Verifies one tenant's range against the store with this server's public key. */
export function verifyStored(tenant: string, from: Date, to: Date): Promise<RangeReport> {
	const config = getConfig();
	const key = loadSealKey(config.seals.keyFile);
	return verifyRange(storeSource(tenant), { tenant, from, to, periodMs: config.seals.periodMs, publicKey: key.publicKey, keyId: key.keyId });
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
	const seals = await sealDue({ now, settleMs: config.rules.settleMs, periodMs: config.seals.periodMs, key });
	if (!(opts.verify ?? seals.some((s) => s.kind === 'period'))) return { seals, verified: [], alerts: 0 };
	const from = new Date(now.getTime() - config.seals.verifyDays * 86_400_000);
	const tenants = (await listSealHeads()).map((h) => h.tenant).filter((t) => !opts.tenants || opts.tenants.includes(t));
	const verified: RangeReport[] = [];
	for (const t of tenants) verified.push(await verifyStored(t, from, now));
	return { seals, verified, alerts: await raiseIntegrityAlerts(verified, now) };
}

export function summarizeSeals(r: SealRunReport): string {
	const failed = r.verified.reduce((n, v) => n + v.failed, 0);
	return `${r.seals.length} seal(s) written, ${r.verified.length} tenant(s) verified, ${failed} period(s) failed, ${r.alerts} integrity alert(s)`;
}
