import { contactCreated, contactUpdated } from './work-support';
import { draft, type Draft, type Origin, type Source, type Work } from './event';
import { parisAt, weekdayOf } from './paris-time';
import { CRM_SYNC, REPORT_BOT, SYSTEM } from './people';
import type { Rng } from './prng';

const crmOrigin: Origin = { source: 'helpdesk', actor: CRM_SYNC, ip: '10.20.4.15', userAgent: 'northwind-crm-sync/2.4.1 (node 20)' };
const reportOrigin: Origin = { source: 'helpdesk', actor: REPORT_BOT, ip: '10.20.4.22', userAgent: 'northwind-reports/1.8.0' };
const systemOrigin = (source: Source): Origin => ({ source, actor: SYSTEM });

const service = (action: string, id: string, name: string, failure?: string): Work => ({
	action,
	category: 'system',
	target: { type: 'service', id, name },
	...(failure ? { outcome: 'failure' as const, reason: failure } : {})
});

/** Machine activity that runs around the clock: the only steady source of night and weekend events. */
export function simulateServices(day: number, rng: Rng, out: Draft[]): void {
	const weekday = weekdayOf(day);
	const at = (minutes: number) => parisAt(day, minutes);

	for (let m = rng.int(0, 20); m < 1440; m += rng.int(15, 30)) {
		const t = at(m + rng.next());
		out.push(draft(rng, t, crmOrigin, (rng.chance(0.8) ? contactUpdated : contactCreated)({ rng, t })));
	}

	if (weekday >= 1 && weekday <= 5) {
		const m = 360 + rng.int(0, 4);
		out.push(draft(rng, at(m), reportOrigin, { action: 'LOGIN_SUCCESS', category: 'authentication' }));
		for (const report of ['Daily SLA digest', 'Open tickets by team', 'Bot deflection']) {
			const t = at(m + 1 + rng.next() * 5);
			out.push(draft(rng, t, reportOrigin, { action: 'REPORT_GENERATED', category: 'data_access', target: { type: 'report', id: `rep_${rng.hex(6)}`, name: report } }));
		}
	}

	// Nightly maintenance restarts; a restart occasionally fails its health check and the watchdog then starts it again.
	for (const [source, id, name] of [['chatbot-studio', 'llm-gateway', 'LLM gateway'], ['voice-assistant', 'tts-engine', 'TTS engine']] as const) {
		const m = 150 + rng.int(0, 10) + rng.next();
		if (rng.chance(0.05)) {
			out.push(draft(rng, at(m), systemOrigin(source), service('service_restart', id, name, 'Health check timed out after 30s')));
			out.push(draft(rng, at(m + 2 + rng.next()), systemOrigin(source), service('service_start', id, name)));
		} else {
			out.push(draft(rng, at(m), systemOrigin(source), service('service_restart', id, name)));
		}
	}

	// Lunchtime deploys of the chat widget on some weekdays.
	if (weekday >= 1 && weekday <= 5 && rng.chance(0.35)) {
		const m = 750 + rng.int(0, 30) + rng.next();
		out.push(draft(rng, at(m), systemOrigin('chatbot-studio'), service('service_stop', 'webchat', 'Web chat widget')));
		out.push(draft(rng, at(m + rng.int(40, 90) / 60), systemOrigin('chatbot-studio'), service('service_start', 'webchat', 'Web chat widget')));
	}
}
