import { DOCUMENTS, INTEGRATIONS, LANGUAGES, TAGS, TIMEZONES, outsider, sizeLabel } from './catalogue';
import type { Work } from './event';
import { EMPLOYEES, type Role } from './people';
import type { Rng } from './prng';
import type { Builder } from './work-support';

const document = (rng: Rng) => ({ type: 'document', id: `doc_${rng.hex(8)}`, name: rng.pick(DOCUMENTS) });

export const uploadDocument: Builder = ({ rng }) => ({
	action: 'upload document',
	category: 'data_change',
	target: document(rng),
	details: { size: sizeLabel(rng.int(40_000, 9_000_000)) }
});
export const addTag: Builder = ({ rng }) => ({ action: 'add tag to document', category: 'data_change', target: document(rng), details: { tag: rng.pick(TAGS) } });
export const deleteTag: Builder = ({ rng }) => ({ action: 'delete tag to document', category: 'data_change', target: document(rng), details: { tag: rng.pick(TAGS) } });
export const insertUrl: Builder = ({ rng }) => ({
	action: 'insert URL',
	category: 'data_change',
	target: { type: 'url', id: `url_${rng.hex(6)}` },
	details: { url: `https://northwind.example/help/${rng.pick(['billing', 'shipping', 'returns', 'api', 'security'])}` }
});
export const replaceDocument: Builder = ({ rng }) => ({
	action: 'replace document',
	category: 'data_change',
	target: document(rng),
	details: { replaced_with: rng.pick(DOCUMENTS).replace(/(\.\w+)$/, ' (v2)$1') }
});

const publish = (rng: Rng, prod: boolean): Work => ({
	action: prod ? 'publish on prod' : 'publish on next env',
	category: 'configuration',
	target: { type: 'workspace', id: 'ws-northwind', name: 'Northwind Support' },
	details: { environment: prod ? 'production' : 'staging', version: `1.${rng.int(40, 60)}.${rng.int(0, 20)}` }
});
export const publishNext: Builder = ({ rng }) => publish(rng, false);
export const publishProd: Builder = ({ rng }) => publish(rng, true);

const builderItem = (rng: Rng, action: string, type: 'agent' | 'workflow'): Work => ({
	action,
	category: 'configuration',
	target: { type, id: `${type}-${rng.int(1, 40)}`, name: rng.pick(['Order status', 'Refund triage', 'Lead qualification', 'Password reset', 'Escalation']) }
});
export const editAgent: Builder = ({ rng }) => builderItem(rng, 'edit agent', 'agent');
export const editWorkflow: Builder = ({ rng }) => builderItem(rng, rng.chance(0.8) ? 'edit workflow' : 'create workflow', 'workflow');

export const startTakeover: Builder = ({ rng }) => ({ action: 'start human takeover', category: 'data_access', target: { type: 'conversation', id: `conv_${rng.hex(8)}` } });
export const issue: Builder = ({ rng }) => ({
	action: rng.chance(0.6) ? 'create issue' : 'edit issue',
	category: 'data_change',
	target: { type: 'issue', id: `ISS-${rng.int(100, 999)}` }
});
export const exportCsv: Builder = ({ rng }) => ({
	action: 'export CSV',
	category: 'data_export',
	target: { type: 'dataset', id: 'conversation_logs', name: 'Conversation Logs' },
	details: { records: rng.int(40, 2_500), format: 'csv' }
});

// Routine role changes never grant admin: the only promotion to admin is the planted incident.
const ROLES: readonly Role[] = ['agent', 'editor', 'manager'];
const roleChange = (rng: Rng, action: string): Work => {
	const person = rng.pick(EMPLOYEES.filter((p) => p.role !== 'admin'));
	const after = rng.pick(ROLES.filter((r) => r !== person.role));
	return {
		action,
		category: 'authorization',
		target: { type: 'user', id: person.actor.id, name: person.actor.name },
		changes: { before: { role: person.role }, after: { role: after } },
		details: { email: person.actor.email }
	};
};
export const changeRole: Builder = ({ rng }) => roleChange(rng, 'change role');
export const permissionsChanged: Builder = ({ rng }) => roleChange(rng, 'PERMISSIONS_CHANGED');

export const inviteUser: Builder = ({ rng }) => {
	const role = rng.pick(ROLES);
	// An invitation stays pending until accepted, one of the few pending outcomes.
	return { action: 'invite user', category: 'user_management', outcome: rng.chance(0.4) ? 'pending' : 'success', target: outsider(rng, 'new'), details: { role } };
};
export const deleteUser: Builder = ({ rng }) => ({ action: 'delete user', category: 'user_management', target: outsider(rng, 'former') });

export const editTimezone: Builder = ({ rng }) => ({
	action: 'edit timezone',
	category: 'configuration',
	target: { type: 'workspace', id: 'ws-northwind', name: 'Northwind Support' },
	changes: { before: { timezone: 'Europe/Paris' }, after: { timezone: rng.pick(TIMEZONES.slice(1)) } }
});
export const changeLanguage: Builder = ({ rng }) => ({
	action: 'change primary language',
	category: 'configuration',
	target: { type: 'workspace', id: 'ws-northwind', name: 'Northwind Support' },
	changes: { before: { primary_language: 'fr' }, after: { primary_language: rng.pick(LANGUAGES.slice(1)) } }
});

const SETTINGS = [
	{ id: 'security', name: 'Security', key: 'session_timeout_minutes', values: [30, 60, 120] },
	{ id: 'notifications', name: 'Notifications', key: 'digest_frequency', values: ['daily', 'weekly', 'off'] },
	{ id: 'branding', name: 'Branding', key: 'primary_color', values: ['#0f62fe', '#24a148', '#8a3ffc'] },
	{ id: 'retention', name: 'Data retention', key: 'chat_retention_days', values: [90, 180, 365] }
] as const;

export const settingsChanged: Builder = ({ rng }) => {
	const s = rng.pick(SETTINGS);
	const i = rng.int(0, s.values.length - 1);
	const j = (i + rng.int(1, s.values.length - 1)) % s.values.length;
	return {
		action: 'SETTINGS_CHANGED',
		category: 'configuration',
		target: { type: 'settings', id: s.id, name: s.name },
		changes: { before: { [s.key]: s.values[i] }, after: { [s.key]: s.values[j] } },
		details: { section: s.name }
	};
};

export const integrationEnabled: Builder = ({ rng }) => {
	const integration = rng.pick(INTEGRATIONS);
	const awaiting = rng.chance(0.2);
	return {
		action: rng.chance(0.85) ? 'INTEGRATION_ENABLED' : 'INTEGRATION_DISABLED',
		category: 'integration',
		outcome: awaiting ? 'pending' : 'success',
		reason: awaiting ? 'Awaiting OAuth consent' : undefined,
		target: { type: 'integration', id: integration.toLowerCase().replace(' ', '_'), name: integration },
		details: { integration, configured: integration === 'OpenAI' ? ['API Key', 'Model GPT-4'] : ['API Key'] }
	};
};

export const apiKeyCreated: Builder = ({ rng }) => ({
	action: 'API_KEY_CREATED',
	category: 'integration',
	target: { type: 'api_key', id: `key_${rng.hex(8)}`, name: rng.pick(['Zapier', 'Data warehouse sync', 'Status page', 'CI deploy']) },
	details: { scopes: rng.chance(0.5) ? ['read'] : ['read', 'write'] }
});
