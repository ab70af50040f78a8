import { applyRetention } from '../../../../clickhouse/retention';
import { migrate } from '../../../../clickhouse/migrate';
import { ensureBootstrapKey } from '../auth/api-keys';
import { ensureFirstAdmin } from '../auth/first-admin';
import { getConfig } from '../config';
import { getGeoLookup } from '../ingest/geo';
import { loadSealKey } from '../seals/seal-key';

export interface StartupReport {
	migrations: number;
	retentionChanged: boolean;
	bootstrapSecret: string | null;
	/** Set on the very first start: the administrator created, with a generated password to print. */
	firstAdmin: { email: string; password?: string } | null;
	demoEvents: number;
	/** Alerts the rules raised on the demo's 30 days (its planted incidents), right after seeding. */
	demoAlerts: number;
}

let started: Promise<StartupReport> | undefined;

/** Everything a process needs before it serves: schema, retention, a first key, demo data. Runs once. */
export function startup(): Promise<StartupReport> {
	started ??= (async () => {
		const config = getConfig();
		const ran = await migrate();
		const retentionChanged = await applyRetention(config.retention);
		const bootstrapSecret = await ensureBootstrapKey();
		const firstAdmin = await ensureFirstAdmin(config);
		// Loaded only when wanted: the generator and its catalogue are not needed to serve.
		const demoEvents = config.seedDemo ? await (await import('./seed-demo')).seedDemoIfEmpty() : 0;
		const demoAlerts = demoEvents > 0 ? await (await import('./seed-demo')).raiseDemoAlerts() : 0;
		await getGeoLookup();
		// Generated now, on first start, so the public key can be handed to auditors before any seal.
		loadSealKey(config.seals.keyFile);
		return { migrations: ran.length, retentionChanged, bootstrapSecret, firstAdmin, demoEvents, demoAlerts };
	})();
	return started;
}
