import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/lib/server/config';

describe('parseConfig', () => {
	it('takes a local administrator address, the kind Trailscope itself generates, and refuses a non-address', () => {
		expect(parseConfig({ ADMIN_EMAIL: 'admin@localhost', ADMIN_PASSWORD: 'a long password' }).admin.email).toBe('admin@localhost');
		expect(() => parseConfig({ ADMIN_EMAIL: 'admin', ADMIN_PASSWORD: 'a long password' })).toThrow(/ADMIN_EMAIL: must be an email address/);
	});
	it('defaults to the embedded store under ./data on port 3000', () => {
		const c = parseConfig({});
		expect(c.http.port).toBe(3000);
		expect(c.clickhouse).toMatchObject({ mode: 'embedded', database: 'trailscope' });
		expect(c.clickhouse.mode === 'embedded' && c.clickhouse.path).toMatch(/data\/clickhouse$/);
		expect(c.retention).toEqual({ days: 90, securityDays: 365 });
		expect(c.seedDemo).toBe(true);
	});

	it('talks to a server when CLICKHOUSE_URL is set', () => {
		const c = parseConfig({ CLICKHOUSE_URL: 'http://ch:8123', CLICKHOUSE_USER: 'u', CLICKHOUSE_PASSWORD: 'p' });
		expect(c.clickhouse).toEqual({ mode: 'server', url: 'http://ch:8123', username: 'u', password: 'p', database: 'trailscope' });
	});

	it('renders the schema for a cluster when CLICKHOUSE_CLUSTER names one', () => {
		const c = parseConfig({ CLICKHOUSE_URL: 'http://ch:8123', CLICKHOUSE_CLUSTER: '{cluster}' });
		expect(c.clickhouse).toMatchObject({ mode: 'server', cluster: '{cluster}' });
	});

	it.each([
		[{ PORT: 'eighty' }, 'PORT'],
		[{ CLICKHOUSE_URL: 'not a url' }, 'CLICKHOUSE_URL'],
		[{ RETENTION_DAYS: '-3' }, 'RETENTION_DAYS'],
		[{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
		[{ RETENTION_DAYS: '400' }, 'RETENTION_SECURITY_DAYS'],
		[{ CLICKHOUSE_DATABASE: 'drop table' }, 'CLICKHOUSE_DATABASE'],
		[{ CLICKHOUSE_URL: 'http://ch:8123', CLICKHOUSE_CLUSTER: "main' ; DROP" }, 'CLICKHOUSE_CLUSTER'],
		[{ CLICKHOUSE_CLUSTER: 'main' }, 'CLICKHOUSE_CLUSTER'],
		[{ INGEST_API_KEY: 'short' }, 'INGEST_API_KEY'],
		[{ SMTP_URL: 'http://mail:25' }, 'SMTP_URL'],
		[{ SMTP_URL: 'nonsense' }, 'SMTP_URL'],
		[{ MAIL_FROM: 'not an address' }, 'MAIL_FROM'],
		[{ ALERT_RECIPIENTS: 'a@example.com, nobody' }, 'ALERT_RECIPIENTS']
	])('names the variable in error for %o', (env, name) => {
		expect(() => parseConfig(env)).toThrow(ConfigError);
		expect(() => parseConfig(env)).toThrow(name);
	});
});

describe('mail configuration', () => {
	it('writes to DATA_DIR/outbox when SMTP_URL is unset', () => {
		const c = parseConfig({ DATA_DIR: '/srv/ts' });
		expect(c.mail).toEqual({ smtpUrl: undefined, from: 'Trailscope <trailscope@localhost>', outboxDir: '/srv/ts/outbox', alertRecipients: [] });
	});

	it('reads SMTP_URL, MAIL_FROM and a comma-separated ALERT_RECIPIENTS', () => {
		const c = parseConfig({ SMTP_URL: 'smtps://u:p@mail.example.com:465', MAIL_FROM: 'Sec <sec@example.com>', ALERT_RECIPIENTS: 'a@example.com, b@example.com,' });
		expect(c.mail).toMatchObject({ smtpUrl: 'smtps://u:p@mail.example.com:465', from: 'Sec <sec@example.com>', alertRecipients: ['a@example.com', 'b@example.com'] });
	});
});
