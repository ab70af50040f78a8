import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { ADMIN, API, signIn } from './support';

// A tenant of its own, with known events a minute apart, so every filter has an exact answer.
const TENANT = `tl${Date.now().toString(36)}`;
const base = Date.now() - 2 * 3600e3;
const at = (i: number) => new Date(base + i * 60e3).toISOString();
const EVENTS = Array.from({ length: 60 }, (_, i) => ({
	tenant: TENANT,
	occurred_at: at(i),
	source: i % 2 ? 'helpdesk' : 'workspace',
	actor: { id: `u-${i % 3}`, email: `user${i % 3}@tl.example` },
	action: i % 10 === 0 ? 'DATA_EXPORTED' : i % 4 === 0 ? 'login_failed' : 'contact_updated',
	outcome: i % 4 === 0 && i % 10 !== 0 ? 'failure' : 'success',
	reason: i % 4 === 0 && i % 10 !== 0 ? 'Invalid password' : undefined,
	ip: i < 30 ? `198.51.100.${i}` : `203.0.113.${i}`,
	target: { type: 'contact', id: String(1000 + i), name: `Contact ${i}` },
	details: i % 10 === 0 ? { records: i * 100 } : { note: `n${i}` },
	changes: i === 7 ? { before: { plan: 'Free', phone: '1' }, after: { plan: 'Premium', email: 'a@b.example' } } : undefined
}));
const HOSTILE = { tenant: TENANT, occurred_at: at(61), actor: { email: 'mallory@tl.example', name: '<img src=x onerror="window.pwned=1">' }, action: 'contact_created', target: { type: 'contact', id: 'x', name: '=HYPERLINK("http://evil.example","click")' } };

async function rows(page: Page) {
	return page.getByRole('table').locator('tbody tr');
}
async function open(page: Page, query: string) {
	await page.goto(`/events?tenant=${TENANT}&from=now-1d&${query}`);
	// As a person would, act once the page has settled (buttons need their script).
	await page.waitForLoadState('networkidle');
}
async function follow(page: Page, name: string) {
	const before = page.url();
	await page.getByRole('link', { name }).first().click();
	await page.waitForURL((u) => u.toString() !== before);
	await page.waitForLoadState('networkidle');
}

test.beforeAll(async ({ request }) => {
	const r = await request.post('/api/v1/events', { headers: API, data: [...EVENTS, HOSTILE] });
	expect(r.status()).toBe(202);
});

test.beforeEach(async ({ page }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
});

test('filters by each field through labelled controls, state in the URL', async ({ page }) => {
	await open(page, 'limit=250');
	await expect(await rows(page)).toHaveCount(61);
	const cases: [string, string, number][] = [
		['User', 'u-1', 20],
		['Action', 'login_failed', 12],
		['IP or CIDR', '203.0.113.0/24', 30],
		['Target id', '1007', 1],
		['Source', 'helpdesk', 30],
		['Search', 'invalid password', 12]
	];
	for (const [label, value, count] of cases) {
		await open(page, 'limit=250');
		// User, Action and Source suggest what the period holds: text fields with a list, so comboboxes.
		await page.getByRole(label === 'Search' ? 'searchbox' : ['User', 'Action', 'Source'].includes(label) ? 'combobox' : 'textbox', { name: label, exact: true }).fill(value);
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await expect(await rows(page), `${label}=${value}`).toHaveCount(count);
		expect(page.url()).toContain(encodeURIComponent(value).replace(/%20/g, '+').slice(0, 5));
	}
	await open(page, 'limit=250');
	await page.getByRole('combobox', { name: 'Result', exact: true }).selectOption('failure');
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(await rows(page)).toHaveCount(12);
	await open(page, 'limit=250');
	await page.getByRole('combobox', { name: 'Category', exact: true }).selectOption('data_export');
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(await rows(page)).toHaveCount(6);
});

test('the add-filter builder applies every operator and removes each filter', async ({ page }) => {
	const cases: [string, string, string, number][] = [
		['target_id', 'eq', '1010', 1],
		// The event without an actor id counts too: its id is not u-0.
		['actor_id', 'ne', 'u-0', 41],
		['target_name', 'contains', 'ct 1', 11],
		['action', 'ncontains', 'contact', 18],
		['records', 'gt', '3000', 2],
		// Inside details: only events that carry the key (exports of 0 and 1,000 records).
		['details.', 'lt', 'records=1500', 2]
	];
	for (const [field, op, value, count] of cases) {
		await open(page, 'limit=250');
		await page.getByRole('button', { name: '+ Add filter' }).click();
		await page.getByRole('combobox', { name: 'Field', exact: true }).selectOption(field);
		await page.getByRole('combobox', { name: 'Operator', exact: true }).selectOption(op);
		await page.getByRole('combobox', { name: 'Value', exact: true }).fill(value);
		await page.getByRole('button', { name: 'Add', exact: true }).click();
		await expect(await rows(page), `${field} ${op} ${value}`).toHaveCount(count);
		await page.getByRole('link', { name: new RegExp(`^Remove filter ${field.replace('.', '\\.')}`) }).click();
		await expect(await rows(page)).toHaveCount(61);
	}
});

test('pages through the results newest first, older and newer', async ({ page }) => {
	await open(page, 'limit=25');
	await expect(await rows(page)).toHaveCount(25);
	const first = await (await rows(page)).first().textContent();
	await follow(page, 'Older →');
	await expect(await rows(page)).toHaveCount(25);
	await follow(page, 'Older →');
	await expect(await rows(page)).toHaveCount(11);
	await expect(page.getByText('Older →')).not.toHaveAttribute('href');
	await follow(page, '← Newer');
	await expect(await rows(page)).toHaveCount(25);
	await follow(page, '← Newer');
	await expect((await rows(page)).first()).toHaveText(first ?? '');
	await expect(page.getByText('← Newer')).not.toHaveAttribute('href');
});

test('clicking a user filters by it, and a shared URL opens the same view', async ({ page, browser }) => {
	await open(page, 'limit=250');
	await follow(page, 'user2@tl.example');
	await expect(await rows(page)).toHaveCount(20);
	const shared = page.url();
	const other = await browser.newPage({ baseURL: new URL(shared).origin });
	await signIn(other, ADMIN.email, ADMIN.password);
	await expect(other.getByRole('heading', { name: 'Overview' })).toBeVisible();
	await other.goto(shared);
	await expect(other.getByRole('table').locator('tbody tr')).toHaveCount(20);
	await expect(other.getByRole('combobox', { name: 'User', exact: true })).toHaveValue('user2@tl.example');
});

test('opens an event in the drawer with its changes as a delta, and as its own page', async ({ page }) => {
	await open(page, 'limit=250&target_id=1007');
	await page.getByRole('link', { name: /^Open event contact_updated/ }).click();
	const drawer = page.getByRole('dialog');
	await expect(drawer.getByRole('heading', { name: /contact_updated/ })).toBeVisible();
	const delta = drawer.getByRole('table');
	await expect(delta.getByRole('row', { name: /plan/ })).toContainText('changed');
	await expect(delta.getByRole('row', { name: /plan/ }).locator('del')).toHaveText('"Free"');
	await expect(delta.getByRole('row', { name: /plan/ }).locator('ins')).toHaveText('"Premium"');
	await expect(delta.getByRole('row', { name: /email/ })).toContainText('added');
	await expect(delta.getByRole('row', { name: /phone/ }).locator('del').first()).toBeVisible();
	await drawer.getByRole('link', { name: 'Open as a page' }).click();
	await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}/);
	await expect(page.getByRole('table').getByRole('row', { name: /plan/ })).toContainText('"Premium"');
});

test('a field holding HTML is shown as text, never run', async ({ page }) => {
	await open(page, 'actor=mallory@tl.example');
	await page.getByRole('link', { name: /^Open event contact_created/ }).click();
	await expect(page.getByRole('dialog')).toContainText('<img src=x onerror="window.pwned=1">');
	expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
	await expect(page.getByRole('dialog').locator('img')).toHaveCount(0);
});

test('exports exactly the filtered set as CSV and JSON, formulas made inert', async ({ page, request }) => {
	const query = `tenant=${TENANT}&from=now-1d&source=helpdesk`;
	const api = await request.get(`/api/v1/events?${query}&limit=1000`, { headers: API });
	const want = ((await api.json()).events as { id: string }[]).map((e) => e.id);
	expect(want).toHaveLength(30);
	await open(page, 'source=helpdesk');
	await page.getByRole('button', { name: 'Export CSV' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Export' })).toHaveText('Export 30 events as CSV?');
	const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).click()]);
	const csv = (await (await csvDownload.createReadStream()).toArray()).join('');
	const records = parse(csv, { columns: true }) as Record<string, string>[];
	expect(records.map((r) => r.event_id)).toEqual(want);

	await page.getByRole('button', { name: 'Export JSON' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Export' })).toHaveText('Export 30 events as JSON?');
	const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).click()]);
	const json = JSON.parse((await (await jsonDownload.createReadStream()).toArray()).join('')) as { id: string }[];
	expect(json.map((e) => e.id)).toEqual(want);

	await open(page, 'actor=mallory@tl.example');
	await page.getByRole('button', { name: 'Export CSV' }).click();
	const [hostile] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).click()]);
	const text = (await (await hostile.createReadStream()).toArray()).join('');
	expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
	expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
	const exports = await request.get(`/api/v1/events?tenant=trailscope&from=now-1h&action=events_exported&limit=100`, { headers: API });
	const audited = (await exports.json()).events as { details: { format: string; records: number } }[];
	expect(audited.map((e) => [e.details.format, e.details.records])).toEqual(expect.arrayContaining([['csv', 30], ['json', 30], ['csv', 1]]));
});
