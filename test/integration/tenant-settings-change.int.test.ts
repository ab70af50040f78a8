import { beforeAll, describe, expect, it } from 'vitest';
import { GET as EVENTS } from '../../src/routes/api/v1/events/+server';
import { changeTenantSettings } from '../../src/lib/server/tenants/change-tenant-settings';
import { getTenantSettings } from '../../src/lib/server/tenants/tenant-settings';
import { call, ready } from './helpers';

const admin = { id: 'u-admin', email: 'admin@acme.example', name: 'Admin', type: 'user' as const };
const paris = { businessHours: { timezone: 'Europe/Paris', days: [1, 2, 3, 4], start: '09:00', end: '17:30' }, reportRecipients: ['ciso@acme.example'], alertRecipients: [] };

beforeAll(() => ready());

describe('changeTenantSettings', () => {
	it('saves the settings and records who changed what, before and after', async () => {
		expect(await changeTenantSettings('acme', paris, admin, { ip: '198.51.100.1' })).toEqual(['businessHours', 'reportRecipients']);
		expect(await getTenantSettings('acme')).toEqual(paris);
		const r = await call(EVENTS, '/api/v1/events?tenant=trailscope&from=now-1h&action=tenant_settings_updated');
		expect(r.json.events).toHaveLength(1);
		expect(r.json.events[0]).toMatchObject({
			actor: { id: 'u-admin', email: 'admin@acme.example' },
			category: 'configuration',
			target: { type: 'tenant', id: 'acme' },
			ip: '198.51.100.1',
			changes: {
				before: { businessHours: { timezone: 'UTC', days: [1, 2, 3, 4, 5], start: '08:00', end: '19:00' }, reportRecipients: [] },
				after: { businessHours: paris.businessHours, reportRecipients: ['ciso@acme.example'] }
			}
		});
	});

	it('records nothing when nothing changed, and refuses what does not parse', async () => {
		expect(await changeTenantSettings('acme', paris, admin, {})).toEqual([]);
		const r = await call(EVENTS, '/api/v1/events?tenant=trailscope&from=now-1h&action=tenant_settings_updated');
		expect(r.json.events).toHaveLength(1);
		await expect(changeTenantSettings('acme', { ...paris, businessHours: { ...paris.businessHours, end: '08:00' } }, admin, {})).rejects.toThrow();
		expect(await getTenantSettings('acme')).toEqual(paris);
	});
});
