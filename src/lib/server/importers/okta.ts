import { actionAndTime, at, compact, first, ipOrUndefined, isObject, stableId, str, type Mapped } from './record';

const OUTCOMES: Record<string, 'success' | 'failure' | 'pending'> = {
	SUCCESS: 'success',
	ALLOW: 'success',
	FAILURE: 'failure',
	DENY: 'failure',
	CHALLENGE: 'pending',
	UNKNOWN: 'pending'
};

/** Okta's privilege grants name what was granted in debug data; as `changes` they count as privilege changes. */
function privilegeChanges(eventType: string, record: unknown) {
	const granted = str(record, 'debugContext.debugData.privilegeGranted');
	const revoked = str(record, 'debugContext.debugData.privilegeRevoked');
	if (eventType.endsWith('privilege.grant') && granted) return { before: {}, after: { privileges: granted } };
	if (eventType.endsWith('privilege.revoke')) return { before: { privileges: revoked ?? 'granted' }, after: {} };
	return undefined;
}

/** One Okta System Log event (the /api/v1/logs shape) as a Trailscope event. */
export function mapOkta(record: unknown): Mapped {
	const head = actionAndTime(str(record, 'eventType'), 'eventType', str(record, 'published'), 'published');
	if ('ok' in head) return head;
	const { action: eventType, occurred } = head;
	const targets = Array.isArray(at(record, 'target')) ? (at(record, 'target') as unknown[]).filter(isObject) : [];
	const t = targets[0];
	const alternateId = str(record, 'actor.alternateId');
	const result = str(record, 'outcome.result')?.toUpperCase();
	return {
		ok: true,
		event: {
			id: stableId('okta', str(record, 'uuid'), record),
			occurred_at: occurred,
			source: 'okta',
			actor: compact({ id: str(record, 'actor.id') ?? alternateId, email: alternateId?.includes('@') ? alternateId : undefined, name: str(record, 'actor.displayName'), type: str(record, 'actor.type')?.toLowerCase() }),
			action: eventType,
			outcome: (result && OUTCOMES[result]) ?? 'success',
			reason: str(record, 'outcome.reason'),
			target: t ? compact({ type: str(t, 'type'), id: str(t, 'id') ?? str(t, 'alternateId'), name: first(t, 'displayName', 'alternateId') }) : undefined,
			ip: ipOrUndefined(first(record, 'client.ipAddress', 'request.ipChain.0.ip')),
			user_agent: str(record, 'client.userAgent.rawUserAgent')?.replace(/\s+/g, ' '),
			session_id: str(record, 'authenticationContext.externalSessionId'),
			request_id: first(record, 'debugContext.debugData.requestId', 'transaction.id'),
			changes: privilegeChanges(eventType, record),
			details: compact({
				message: str(record, 'displayMessage'),
				severity: str(record, 'severity'),
				legacy_event_type: str(record, 'legacyEventType'),
				targets: targets.length > 1 ? targets : undefined,
				debug: at(record, 'debugContext.debugData'),
				okta_geo: compact({ city: str(record, 'client.geographicalContext.city'), country: str(record, 'client.geographicalContext.country') })
			})
		}
	};
}
