import { BOTS, LLM_BACKENDS, PERSONAS, VOICES } from './catalogue';
import type { Work } from './event';
import type { Rng } from './prng';
import type { Builder } from './work-support';

const twoOf = <T>(rng: Rng, items: readonly T[]): [T, T] => {
	const a = rng.int(0, items.length - 1);
	const b = (a + rng.int(1, items.length - 1)) % items.length;
	return [items[a], items[b]];
};

const chatSession = (rng: Rng, action: string): Work => {
	const bot = rng.pick(BOTS);
	return {
		action,
		category: 'data_change',
		target: { type: 'chat_session', id: `cs_${rng.hex(10)}` },
		details: { bot: bot.name, channel: rng.pick(['webchat', 'whatsapp', 'telegram', 'preview']) }
	};
};

export const sessionCreate: Builder = ({ rng }) => chatSession(rng, 'session_create');
export const sessionDelete: Builder = ({ rng }) => chatSession(rng, 'session_delete');

export const botStart: Builder = ({ rng }) => ({ action: 'bot_start', category: 'system', target: { ...rng.pick(BOTS) } });
export const botStop: Builder = ({ rng }) => ({ action: 'bot_stop', category: 'system', target: { ...rng.pick(BOTS) } });

export const botCreate: Builder = ({ rng }) => {
	const name = `${rng.pick(['Returns', 'Events', 'Partner', 'Survey', 'Warranty'])} Bot`;
	return {
		action: 'bot_create',
		category: 'configuration',
		target: { type: 'bot', id: `bot-${rng.int(200, 999)}`, name },
		changes: { after: { name, language: rng.pick(['fr', 'en']), persona: rng.pick(PERSONAS) } }
	};
};

export const widgetCreate: Builder = ({ rng }) => ({
	action: 'widget_create',
	category: 'configuration',
	target: { type: 'widget', id: `wgt_${rng.hex(6)}`, name: `Website chat - ${rng.pick(['pricing page', 'help centre', 'checkout', 'careers'])}` },
	details: { bot: rng.pick(BOTS).name }
});

export const personaChange: Builder = ({ rng }) => {
	const [before, after] = twoOf(rng, PERSONAS);
	return { action: 'persona_change', category: 'configuration', target: { ...rng.pick(BOTS) }, changes: { before: { persona: before }, after: { persona: after } } };
};

export const llmBackendChange: Builder = ({ rng }) => {
	const [before, after] = twoOf(rng, LLM_BACKENDS);
	return {
		action: 'llm_backend_change',
		category: 'configuration',
		target: { type: 'llm_settings', id: 'global', name: 'LLM backend' },
		changes: { before: { ...before }, after: { ...after } }
	};
};

export const providerUpdate: Builder = ({ rng }) => {
	const name = rng.pick(['OpenAI', 'Mistral', 'Azure OpenAI']);
	return {
		action: rng.chance(0.8) ? 'provider_update' : 'provider_create',
		category: 'configuration',
		target: { type: 'llm_provider', id: `prov-${name.toLowerCase().replace(' ', '-')}`, name },
		details: { fields: rng.chance(0.5) ? ['api_key'] : ['temperature', 'max_tokens'] }
	};
};

export const voiceChange: Builder = ({ rng }) => {
	const [before, after] = twoOf(rng, VOICES);
	const bot = rng.pick(BOTS);
	return {
		action: 'voice_change',
		category: 'configuration',
		target: { type: 'voice_settings', id: bot.id, name: bot.name },
		changes: { before: { voice: before }, after: { voice: after } }
	};
};

const preset = (rng: Rng, action: string): Work => ({
	action,
	category: 'configuration',
	target: { type: 'tts_preset', id: `preset-${rng.int(10, 60)}`, name: rng.pick(['Calm FR female', 'Upbeat EN male', 'Narrator slow', 'IVR default']) }
});
export const presetCreate: Builder = ({ rng }) => preset(rng, 'preset_create');
export const presetDelete: Builder = ({ rng }) => preset(rng, 'preset_delete');
