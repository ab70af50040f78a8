import { resolve } from 'node:path';
import { z } from 'zod';
import { TimeZoneSchema } from '../schemas/time-zone';

const bool = (fallback: boolean) =>
	z
		.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { message: 'must be true or false' })
		.default(fallback ? 'true' : 'false')
		.transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const days = (fallback: number) => z.coerce.number({ message: 'must be a number of days' }).int('must be a whole number of days').min(1).max(36500).default(fallback);

// An address, or a display name followed by <address>.
const EMAIL_OR_NAMED = /^(?:[^<>@\s]+@[^<>@\s]+\.?[^<>@\s]*|[^<>]*<[^<>@\s]+@[^<>@\s]+>)$/;

const EnvSchema = z.object({
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	HOST: z.string().default('0.0.0.0'),
	APP_URL: z.url({ message: 'must be an absolute URL such as https://trailscope.example.com' }).optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	CLICKHOUSE_URL: z.url({ message: 'must be a URL such as http://localhost:8123' }).optional(),
	CLICKHOUSE_USER: z.string().default('default'),
	CLICKHOUSE_PASSWORD: z.string().default(''),
	CLICKHOUSE_DATABASE: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier').default('trailscope'),
	// A name from the servers' remote_servers, or a macro such as {cluster}: it is written in quotes.
	CLICKHOUSE_CLUSTER: z.string().regex(/^[A-Za-z0-9_.{}-]+$/, 'must be a cluster name or a macro such as {cluster}').optional(),
	INGEST_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
	SEED_DEMO: bool(true),
	RETENTION_DAYS: days(90),
	RETENTION_SECURITY_DAYS: days(365),
	JOBS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
	ARCHIVE: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
	ARCHIVE_DIR: z.string().min(1).optional(),
	AUDIT_TENANT: z.string().regex(/^[A-Za-z0-9._:-]+$/, 'may hold letters, digits and . _ : - only').default('trailscope'),
	// Local addresses (admin@localhost, the generated administrator's) are fine for signing in.
	ADMIN_EMAIL: z.string().regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address').optional(),
	ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
	SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
	SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
	ARCHIVE_LEAD_DAYS: z.coerce.number({ message: 'must be a number of days' }).int().min(1).max(30).default(7),
	SMTP_URL: z
		.url({ message: 'must be a URL such as smtp://user:pass@mail.example.com:587 or smtps://...' })
		.refine((u) => /^smtps?:\/\//.test(u), 'must start with smtp:// or smtps://')
		.optional(),
	MAIL_FROM: z.string().regex(EMAIL_OR_NAMED, 'must be an address such as trailscope@example.com or "Trailscope <trailscope@example.com>"').default('Trailscope <trailscope@localhost>'),
	ALERT_RECIPIENTS: z
		.string()
		.transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
		.pipe(z.array(z.email({ message: 'must be a comma-separated list of email addresses' })))
		.default([]),
	RULES_SETTLE_SECONDS: z.coerce.number({ message: 'must be a number of seconds' }).int().min(0).max(3600).default(120),
	ALERT_EMAIL_BURST: z.coerce.number({ message: 'must be a number of emails' }).int().min(1).max(1000).default(10),
	REPORT_RECIPIENTS: z
		.string()
		.transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
		.pipe(z.array(z.email({ message: 'must be a comma-separated list of email addresses' })))
		.default([]),
	REPORT_TIMEZONE: TimeZoneSchema.default('UTC'),
	SEAL_PRIVATE_KEY_FILE: z.string().min(1).optional(),
	// Periods must tile a day, so every seal starts on the same clock marks everywhere.
	SEAL_PERIOD_MINUTES: z.coerce
		.number({ message: 'must be a number of minutes' })
		.int()
		.min(5)
		.max(1440)
		.refine((m) => 1440 % m === 0, 'must divide a day (5, 10, 15, 30, 60, 120 ... 1440)')
		.default(60),
	SEAL_VERIFY_DAYS: z.coerce.number({ message: 'must be a number of days' }).int().min(1).max(400).default(2)
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
	http: { port: number; host: string; appUrl: string };
	dataDir: string;
	clickhouse:
		| { mode: 'embedded'; path: string; database: string }
		| { mode: 'server'; url: string; username: string; password: string; database: string; cluster?: string };
	ingest: { apiKey?: string };
	seedDemo: boolean;
	retention: { days: number; securityDays: number };
	/** Events are written here as gzipped NDJSON this many days before retention deletes them. */
	archive: { enabled: boolean; dir: string; leadDays: number };
	jobs: boolean;
	/** Trailscope's own audit trail (sign-ins, user and key changes...) is written to this tenant. */
	auditTenant: string;
	admin: { email?: string; password?: string };
	sessions: { idleMinutes: number; absoluteHours: number };
	/** Cookies get Secure when the app is served over https. */
	secureCookies: boolean;
	/** Without smtpUrl, mail is written as .eml files under outboxDir. */
	mail: { smtpUrl?: string; from: string; outboxDir: string; alertRecipients: string[] };
	/** Rules evaluate what arrived since their last run, re-reading settleMs back (an accepted event may take that long to be visible). */
	rules: { settleMs: number; burstCap: number };
	/** The monthly compliance report: sent on the 1st at 08:00 in timezone to recipients (and each tenant's own). */
	monthlyReport: { recipients: string[]; timezone: string };
	/** Tamper evidence (docs/seals.md): the signing key, the sealed period, how far back each seal run verifies. */
	seals: { keyFile: string; periodMs: number; verifyDays: number };
}

export class ConfigError extends Error {}

/** Parses an environment; every problem is reported with the variable's name. */
export function parseConfig(env: Record<string, string | undefined>): Config {
	const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
	const parsed = EnvSchema.safeParse(cleaned);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
	}
	const e = parsed.data;
	if ((e.ADMIN_EMAIL === undefined) !== (e.ADMIN_PASSWORD === undefined)) {
		throw new ConfigError(`Invalid configuration:\n  ${e.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'}: set ADMIN_EMAIL and ADMIN_PASSWORD together`);
	}
	if (e.CLICKHOUSE_CLUSTER && !e.CLICKHOUSE_URL) {
		throw new ConfigError('Invalid configuration:\n  CLICKHOUSE_CLUSTER: needs CLICKHOUSE_URL (a cluster is reached through one of its servers)');
	}
	if (e.RETENTION_SECURITY_DAYS < e.RETENTION_DAYS) {
		throw new ConfigError('Invalid configuration:\n  RETENTION_SECURITY_DAYS: must be at least RETENTION_DAYS');
	}
	const dataDir = resolve(e.DATA_DIR);
	return {
		http: { port: e.PORT, host: e.HOST, appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '') },
		dataDir,
		clickhouse: e.CLICKHOUSE_URL
			? { mode: 'server', url: e.CLICKHOUSE_URL, username: e.CLICKHOUSE_USER, password: e.CLICKHOUSE_PASSWORD, database: e.CLICKHOUSE_DATABASE, cluster: e.CLICKHOUSE_CLUSTER }
			: { mode: 'embedded', path: resolve(dataDir, 'clickhouse'), database: e.CLICKHOUSE_DATABASE },
		ingest: { apiKey: e.INGEST_API_KEY },
		seedDemo: e.SEED_DEMO,
		retention: { days: e.RETENTION_DAYS, securityDays: e.RETENTION_SECURITY_DAYS },
		archive: { enabled: e.ARCHIVE === 'on', dir: resolve(e.ARCHIVE_DIR ?? resolve(dataDir, 'archive')), leadDays: e.ARCHIVE_LEAD_DAYS },
		jobs: e.JOBS === 'on',
		auditTenant: e.AUDIT_TENANT,
		admin: { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD },
		sessions: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_MAX_HOURS },
		secureCookies: (e.APP_URL ?? '').startsWith('https:'),
		mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, outboxDir: resolve(dataDir, 'outbox'), alertRecipients: e.ALERT_RECIPIENTS },
		rules: { settleMs: e.RULES_SETTLE_SECONDS * 1000, burstCap: e.ALERT_EMAIL_BURST },
		monthlyReport: { recipients: e.REPORT_RECIPIENTS, timezone: e.REPORT_TIMEZONE },
		seals: { keyFile: resolve(e.SEAL_PRIVATE_KEY_FILE ?? resolve(dataDir, 'seal-ed25519.pem')), periodMs: e.SEAL_PERIOD_MINUTES * 60_000, verifyDays: e.SEAL_VERIFY_DAYS }
	};
}

let cached: Config | undefined;
export const getConfig = (): Config => (cached ??= parseConfig(process.env));
/** Tests change the environment between files; production never calls this. */
export const resetConfig = () => (cached = undefined);
