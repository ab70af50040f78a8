import { actionAndTime, at, compact, first, ipOrUndefined, stableId, str, type Mapped } from './record';

/** Role and permission changes of members and teams, from the fields GitHub puts them in. */
function changesOf(record: unknown) {
	const before = compact({ role: str(record, 'old_permission') ?? str(record, 'old_role'), permission: str(record, 'previous_permission') });
	const after = compact({ role: str(record, 'permission') ?? str(record, 'role'), permission: str(record, 'new_permission') });
	return before || after ? { before: before ?? {}, after: after ?? {} } : undefined;
}

/** One GitHub organisation or enterprise audit-log entry as a Trailscope event. */
export function mapGitHub(record: unknown): Mapped {
	const head = actionAndTime(str(record, 'action'), 'action', at(record, '@timestamp') ?? at(record, 'created_at') ?? at(record, 'at_sign_timestamp'), 'created_at');
	if ('ok' in head) return head;
	const { action, occurred } = head;
	const user = str(record, 'user');
	const repo = first(record, 'repo', 'repository');
	return {
		ok: true,
		event: {
			id: stableId('github', undefined, record),
			occurred_at: occurred,
			source: 'github',
			actor: compact({ id: str(record, 'actor') ?? str(record, 'actor_id'), type: at(record, 'actor_is_bot') === true ? 'bot' : 'user' }),
			action,
			outcome: str(record, 'conclusion') === 'failure' ? 'failure' : 'success',
			target: user ? { type: 'user', id: user, name: user } : repo ? { type: 'repository', id: repo, name: repo } : undefined,
			ip: ipOrUndefined(str(record, 'actor_ip')),
			user_agent: str(record, 'user_agent'),
			request_id: str(record, '_document_id'),
			changes: changesOf(record),
			details: compact({
				org: str(record, 'org'),
				repo: user ? repo : undefined,
				business: str(record, 'business'),
				country: str(record, 'actor_location.country_code'),
				visibility: str(record, 'visibility'),
				operation: str(record, 'operation_type'),
				access: str(record, 'programmatic_access_type')
			})
		}
	};
}
