import type { Source } from './event';
import type { Role } from './people';
import * as studio from './work-studio';
import * as support from './work-support';
import type { Builder } from './work-support';
import * as ws from './work-workspace';

/** One app a role works in: how likely it is opened on a working day, how busy it keeps them, and with what. */
export interface AppUse {
	source: Source;
	chance: number;
	perHour: number;
	menu: readonly (readonly [number, Builder])[];
}

// Rates are tuned so the whole company produces roughly 2,000 events per weekday; rare, sensitive
// actions (exports, role changes, prod publishes) keep low weights so detection rules stay quiet
// on routine days and the planted incidents are what stands out.
export const ROLE_APPS: Record<Role, readonly AppUse[]> = {
	agent: [
		{
			source: 'helpdesk',
			chance: 1,
			perHour: 4.9,
			menu: [[40, support.contactViewed], [28, support.contactUpdated], [14, support.contactCreated], [0.5, support.contactDeleted], [2, support.vipContactUpdated]]
		},
		{ source: 'workspace', chance: 0.7, perHour: 0.5, menu: [[6, ws.startTakeover], [3, ws.issue], [1, ws.exportCsv], [1, ws.addTag]] }
	],
	editor: [
		{
			source: 'chatbot-studio',
			chance: 1,
			perHour: 2.4,
			menu: [
				[30, studio.sessionCreate], [14, studio.sessionDelete], [10, studio.botStart], [8, studio.botStop], [5, studio.personaChange],
				[1, studio.botCreate], [1, studio.widgetCreate], [0.7, studio.llmBackendChange], [2, studio.providerUpdate]
			]
		},
		{
			source: 'workspace',
			chance: 0.8,
			perHour: 1.3,
			menu: [
				[10, ws.uploadDocument], [12, ws.addTag], [4, ws.deleteTag], [4, ws.insertUrl], [2, ws.replaceDocument],
				[6, ws.editAgent], [5, ws.editWorkflow], [4, ws.publishNext], [0.6, ws.publishProd]
			]
		},
		{
			source: 'voice-assistant',
			chance: 0.4,
			perHour: 0.7,
			menu: [[5, studio.voiceChange], [2, studio.presetCreate], [1, studio.presetDelete], [6, studio.sessionCreate]]
		}
	],
	manager: [
		{
			source: 'helpdesk',
			chance: 1,
			perHour: 1.3,
			menu: [
				[30, support.contactViewed], [10, support.contactUpdated], [1.2, support.dataExported], [2, support.reportDownloaded],
				[0.4, support.slaPolicyChanged], [3, support.vipContactUpdated]
			]
		},
		{ source: 'workspace', chance: 1, perHour: 0.4, menu: [[4, ws.exportCsv], [0.6, ws.inviteUser], [0.04, ws.changeRole], [3, ws.startTakeover], [2, ws.publishNext]] }
	],
	admin: [
		{
			source: 'admin-console',
			chance: 1,
			perHour: 0.35,
			menu: [[8, ws.settingsChanged], [0.06, ws.permissionsChanged], [1.5, ws.integrationEnabled], [1, ws.apiKeyCreated], [2, support.slaPolicyChanged]]
		},
		{
			source: 'helpdesk',
			chance: 0.5,
			perHour: 0.5,
			menu: [[10, support.contactViewed], [2, support.contactDeleted], [1, support.dataExported], [2, support.reportDownloaded]]
		},
		{
			source: 'workspace',
			chance: 0.6,
			perHour: 0.3,
			menu: [[3, ws.inviteUser], [0.12, ws.changeRole], [1, ws.deleteUser], [1, ws.editTimezone], [1, ws.changeLanguage], [2, ws.publishProd]]
		}
	]
};

/** How each app spells sign-in events; real products disagree, and Trailscope must match them all. */
export const AUTH_ACTIONS: Record<Source, { login: string; failed: string; logout: string; refresh: string }> = {
	helpdesk: { login: 'LOGIN_SUCCESS', failed: 'LOGIN_FAILED', logout: 'LOGOUT', refresh: 'TOKEN_REFRESHED' },
	'admin-console': { login: 'LOGIN', failed: 'LOGIN_FAILED', logout: 'LOGOUT', refresh: 'TOKEN_REFRESH' },
	workspace: { login: 'login', failed: 'login_failed', logout: 'logout', refresh: 'token_refresh' },
	'chatbot-studio': { login: 'login', failed: 'login_failed', logout: 'logout', refresh: 'token_refresh' },
	'voice-assistant': { login: 'login', failed: 'login_failed', logout: 'logout', refresh: 'token_refresh' }
};
