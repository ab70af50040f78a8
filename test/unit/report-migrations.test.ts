import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as K from '../../src/lib/server/queries/event-kinds';

const read = (f: string) => readFileSync(new URL(`../../clickhouse/${f}`, import.meta.url), 'utf8');

describe('report rollups', () => {
	// The views copy the predicates as text (a migration cannot import TypeScript); if event-kinds.ts
	// changes, a new migration must recreate the views, or the rollups would count other events.
	it('classify with the predicates of event-kinds.ts, verbatim', () => {
		const activity = read('0014_activity_totals.sql');
		for (const p of [K.ACCOUNT, K.SIGN_IN, K.FAILED_SIGN_IN, K.EXPORT, K.PRIVILEGE_CHANGE, K.CONFIG_CHANGE, K.DELETION, K.DELETED_ITEMS]) expect(activity).toContain(p);
		const security = read('0013_security_events.sql');
		for (const p of [K.ACCOUNT, K.SIGN_IN, K.EXPORT, K.PRIVILEGE_CHANGE, K.PRIVILEGE_ELEVATION, K.CONFIG_CHANGE, K.DELETION, K.DELETED_ITEMS]) expect(security).toContain(p);
	});
});
