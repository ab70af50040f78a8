import type { Rng } from './prng';
import type { Target } from './event';
import { DOMAIN } from './people';

/** Northwind's customers, the contacts its support team handles; names follow from the id so a contact keeps its name. */
const FIRST = [
	'John', 'Maria', 'Ana', 'Pedro', 'Sophie', 'Lukas', 'Giulia', 'Omar', 'Yuki', 'Priya', 'Liam', 'Elif',
	'Noor', 'Carlos', 'Ingrid', 'Tomasz', 'Aisha', 'Mehdi', 'Greta', 'Rafael', 'Sven', 'Amelie', 'Diego', 'Fatou'
];
const LAST = [
	'Silva', 'Santos', 'Kowalski', 'Nguyen', 'Okafor', 'Jensen', 'Costa', 'Rossi', 'Haddad', 'Tanaka',
	'Patel', 'Novak', 'Schneider', 'Ortiz', 'Yilmaz', 'Larsen', 'Moretti', 'Diallo', 'Kaya', 'Brennan'
];

export function contact(id: number): Target {
	return { type: 'contact', id: String(id), name: `${FIRST[id % FIRST.length]} ${LAST[Math.floor(id / FIRST.length) % LAST.length]}` };
}
export const randomContact = (rng: Rng): Target => contact(rng.int(10_000, 49_999));

export const PLANS = ['Free', 'Starter', 'Premium', 'Enterprise'] as const;
export const CONTACT_FIELDS = ['name', 'email', 'phone', 'plan', 'company'] as const;

export const BOTS = [
	{ type: 'bot', id: 'bot-101', name: 'Support Bot FR' },
	{ type: 'bot', id: 'bot-102', name: 'Sales Assistant' },
	{ type: 'bot', id: 'bot-103', name: 'Onboarding Guide' },
	{ type: 'bot', id: 'bot-104', name: 'Billing Bot' },
	{ type: 'bot', id: 'bot-105', name: 'HR Helpdesk' }
] as const;

export const DOCUMENTS = [
	'Pricing FAQ 2025.pdf', 'Refund policy.docx', 'Onboarding checklist.pdf', 'API quickstart.md',
	'SLA terms v3.pdf', 'Product catalogue Q2.xlsx', 'Troubleshooting guide.pdf', 'Shipping zones.csv'
];
export const TAGS = ['billing', 'onboarding', 'legal', 'faq', 'internal', 'deprecated', 'fr', 'en'];
export const PERSONAS = ['Friendly support', 'Concise expert', 'Sales closer', 'Formal assistant'];
export const VOICES = ['alloy', 'nova', 'shimmer', 'echo', 'fable'];
export const LLM_BACKENDS = [
	{ backend: 'openai', model: 'gpt-4o' },
	{ backend: 'azure_openai', model: 'gpt-4o' },
	{ backend: 'mistral', model: 'mistral-large' },
	{ backend: 'anthropic', model: 'claude-3-5-sonnet' }
];
export const INTEGRATIONS = ['OpenAI', 'Slack', 'Zendesk', 'Salesforce', 'WhatsApp', 'Google Sheets'];
export const REPORTS = ['Conversations', 'SLA compliance', 'Agent performance', 'CSAT survey', 'Bot deflection'];
export const TIMEZONES = ['Europe/Paris', 'Europe/London', 'Europe/Berlin', 'UTC'];
export const LANGUAGES = ['fr', 'en', 'de', 'es'];

/** Reasons an everyday action fails; none of them is a login failure, which has its own. */
export const FAILURE_REASONS = [
	'Permission denied',
	'Validation failed: email is invalid',
	'Request timed out after 30s',
	'Conflict: record was modified by another user',
	'Upstream service unavailable (503)'
];

/** Former staff and new hires, so team changes never touch the active roster the incidents rely on. */
export const outsider = (rng: Rng, kind: 'new' | 'former'): Target => {
	const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
	const email = `${kind === 'new' ? '' : 'ex.'}${name.replace(' ', '.').toLowerCase()}@${DOMAIN}`;
	return { type: 'user', id: email, name };
};

/** Human-readable size as the seeds show it ("2.5 MB"); CSV rows of a contact run to about 180 bytes. */
export function sizeLabel(bytes: number): string {
	if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
	return `${Math.max(1, Math.round(bytes / 1000))} KB`;
}
export const exportSize = (records: number, format: 'csv' | 'json'): string => sizeLabel(records * (format === 'csv' ? 180 : 420));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Conversations (Jan 2025)": the previous month relative to `t`, as monthly reports are. */
export function reportPeriod(t: number): string {
	const d = new Date(t);
	const prev = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
	return `${MONTHS[prev.getUTCMonth()]} ${prev.getUTCFullYear()}`;
}
