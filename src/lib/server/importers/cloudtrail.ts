import { actionAndTime, at, compact, first, ipOrUndefined, isObject, stableId, str, type Mapped } from './record';

/** Who acted: IAM users by name, assumed roles by their session issuer, root as root. */
function actorOf(record: unknown) {
	const type = str(record, 'userIdentity.type');
	const name = first(record, 'userIdentity.userName', 'userIdentity.sessionContext.sessionIssuer.userName', 'userIdentity.invokedBy') ?? (type === 'Root' ? 'root' : undefined);
	const id = first(record, 'userIdentity.arn', 'userIdentity.principalId', 'userIdentity.accountId');
	return compact({ id: id ?? name, name, type: type?.toLowerCase() });
}

/** A CloudTrail call fails with an error code; a console sign-in says so in its response instead. */
function outcomeOf(record: unknown): 'success' | 'failure' {
	if (str(record, 'errorCode')) return 'failure';
	if (str(record, 'responseElements.ConsoleLogin') === 'Failure') return 'failure';
	return 'success';
}

const TARGET_PARAMS = ['userName', 'roleName', 'groupName', 'policyArn', 'policyName', 'bucketName', 'key', 'instanceId', 'functionName', 'keyId', 'secretId', 'trailName', 'dBInstanceIdentifier'];

/** What was acted on: the first listed resource, else the first well-known request parameter. */
function targetOf(record: unknown) {
	const resources = at(record, 'resources');
	if (Array.isArray(resources) && isObject(resources[0])) return compact({ type: str(resources[0], 'type'), id: str(resources[0], 'ARN'), name: str(resources[0], 'ARN')?.split(/[:/]/).pop() });
	const param = TARGET_PARAMS.find((p) => str(record, `requestParameters.${p}`));
	if (!param) return undefined;
	const value = str(record, `requestParameters.${param}`)!;
	return { type: param.replace(/(Name|Arn|Id|Identifier)$/, '').toLowerCase() || param, id: value, name: value.split(/[:/]/).pop() };
}

/** IAM policy and group grants as `changes`, so they count as privilege changes like any app's role change. */
function changesOf(eventName: string, record: unknown) {
	const policy = first(record, 'requestParameters.policyArn', 'requestParameters.policyName');
	const group = str(record, 'requestParameters.groupName');
	if (/^(Attach|Put)(User|Role|Group)Policy$/.test(eventName) && policy) return { before: {}, after: { policy } };
	if (/^(Detach|Delete)(User|Role|Group)Policy$/.test(eventName) && policy) return { before: { policy }, after: {} };
	if (eventName === 'AddUserToGroup' && group) return { before: {}, after: { groups: group } };
	if (eventName === 'RemoveUserFromGroup' && group) return { before: { groups: group }, after: {} };
	return undefined;
}

/** One AWS CloudTrail record as a Trailscope event. */
export function mapCloudTrail(record: unknown): Mapped {
	const head = actionAndTime(str(record, 'eventName'), 'eventName', str(record, 'eventTime'), 'eventTime');
	if ('ok' in head) return head;
	const { action: eventName, occurred } = head;
	return {
		ok: true,
		event: {
			id: stableId('cloudtrail', str(record, 'eventID'), record),
			occurred_at: occurred,
			source: str(record, 'eventSource') ?? 'aws',
			actor: actorOf(record),
			action: eventName,
			outcome: outcomeOf(record),
			reason: first(record, 'errorMessage', 'errorCode'),
			target: targetOf(record),
			ip: ipOrUndefined(str(record, 'sourceIPAddress')),
			user_agent: str(record, 'userAgent')?.slice(0, 1024),
			request_id: str(record, 'requestID'),
			changes: changesOf(eventName, record),
			details: compact({
				region: str(record, 'awsRegion'),
				account: str(record, 'recipientAccountId'),
				event_type: str(record, 'eventType'),
				mfa_used: str(record, 'additionalEventData.MFAUsed'),
				request_parameters: at(record, 'requestParameters'),
				error_code: str(record, 'errorCode')
			})
		}
	};
}
