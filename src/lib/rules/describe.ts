import { formatCount, formatWindow } from '../format';
import type { EventKind, EventMatch, Rule, RuleField, RuleValue } from '../schemas/rule';

// A rule's description is rendered from its current settings, never stored: a stored text goes
// stale the moment someone edits a threshold. Pure, so the page and the API say the same thing.

const KIND_PLURAL: Record<EventKind, string> = {
	failed_sign_in: 'failed sign-ins',
	sign_in: 'successful sign-ins',
	export: 'exports',
	deletion: 'deletions',
	privilege_change: 'privilege changes',
	privilege_elevation: 'grants of admin, owner or full access',
	config_change: 'configuration changes'
};

const KIND_ONE: Record<EventKind, string> = {
	failed_sign_in: 'failed sign-in',
	sign_in: 'successful sign-in',
	export: 'export',
	deletion: 'deletion',
	privilege_change: 'privilege change',
	privilege_elevation: 'grant of admin, owner or full access',
	config_change: 'configuration change'
};

/** What a sum adds up, by the kind of its events: "records exported". */
const VALUE_VERB: Partial<Record<EventKind, string>> = { export: 'exported', deletion: 'deleted' };

/** How "one group" reads after a count: "from one IP", "for one account", "by one user". */
const ONE_GROUP: Record<RuleField, string> = {
	ip: 'from one IP',
	account: 'for one account',
	actor: 'by one user',
	country: 'from one country',
	source: 'from one source',
	target: 'on one target'
};

const FIELD_NOUN: Record<RuleField, [string, string]> = {
	ip: ['IP', 'IPs'],
	account: ['account', 'accounts'],
	actor: ['user', 'users'],
	country: ['country', 'countries'],
	source: ['source', 'sources'],
	target: ['target', 'targets']
};

const VALUE_NOUN: Record<RuleValue, string> = { records: 'records', bytes: 'bytes', deleted_items: 'items' };

const OPERATOR_WORDS: Record<string, string> = {
	eq: 'is',
	ne: 'is not',
	contains: 'contains',
	ncontains: 'does not contain',
	gt: 'is over',
	lt: 'is under',
	in: 'is one of',
	cidr: 'is in'
};

const joinOr = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}`);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const groupPhrase = (fields: readonly RuleField[]) => fields.map((f) => ONE_GROUP[f]).join(' ');

/** "actor_type:ne:service" -> "actor type is not service". */
function whereWords(m: EventMatch): string {
	const parts = (m.where ?? []).map((w) => {
		const [field, op, ...rest] = w.split(':');
		return `${field.replace(/_/g, ' ')} ${OPERATOR_WORDS[op] ?? op} ${rest.join(':')}`;
	});
	return parts.length ? ` where ${parts.join(' and ')}` : '';
}

const offHours = (m: EventMatch) => (m.offHours ? " outside the tenant's business hours" : '');
const kindsPlural = (m: EventMatch) => joinOr(m.kinds.map((k) => KIND_PLURAL[k]));
const article = (s: string) => (/^[aeiou]/i.test(s) ? `an ${s}` : `a ${s}`);
/** "a successful sign-in", "an export", "a failed sign-in or export"; `one` for a single event's size. */
const kindsOne = (m: EventMatch, det: 'a' | 'one' | '' = 'a') => {
	const words = joinOr(m.kinds.map((k) => KIND_ONE[k]));
	return det === 'a' ? article(words) : det === 'one' ? `one ${words}` : words;
};

function describeMatch(r: Rule): string {
	const base = `Any ${kindsOne(r.filter, '')}${offHours(r.filter)}${whereWords(r.filter)}`;
	if (!r.escalation) return `${base}.`;
	return `${base} (${r.severity}); ${r.escalation.severity} when it is ${article(KIND_ONE[r.escalation.kind])}.`;
}

function describeThreshold(r: Rule): string {
	const text = `At least ${formatCount(r.threshold)} ${kindsPlural(r.filter)}${offHours(r.filter)} ${groupPhrase(r.groupBy)} within ${formatWindow(r.windowMinutes)}${whereWords(r.filter)}`;
	if (r.singleThreshold === undefined) return `${text}.`;
	const noun = r.value ? VALUE_NOUN[r.value] : 'items';
	return `${text}, or ${kindsOne(r.filter, 'one')} of at least ${formatCount(r.singleThreshold)} ${noun} at once.`;
}

function describeDistinct(r: Rule): string {
	const [, plural] = FIELD_NOUN[r.distinctField ?? 'account'];
	return `${capitalise(kindsPlural(r.filter))}${offHours(r.filter)} for at least ${formatCount(r.threshold)} distinct ${plural} ${groupPhrase(r.groupBy)} within ${formatWindow(r.windowMinutes)}${whereWords(r.filter)}.`;
}

function describeSum(r: Rule): string {
	const noun = VALUE_NOUN[r.value ?? 'records'];
	const verb = r.filter.kinds.length === 1 ? VALUE_VERB[r.filter.kinds[0]] : undefined;
	const what = `${noun} ${verb ?? `in ${kindsPlural(r.filter)}`}${offHours(r.filter)} ${groupPhrase(r.groupBy)} within ${formatWindow(r.windowMinutes)}${whereWords(r.filter)}`;
	if (r.baseline) {
		return `${capitalise(what)}, at least ${formatCount(r.baseline.factor)} times the daily average over the previous ${formatCount(r.baseline.days)} days, and at least ${formatCount(r.threshold)}.`;
	}
	const total = `at least ${formatCount(r.threshold)} ${what}`;
	if (r.singleThreshold === undefined) return `${capitalise(total)}.`;
	return `${capitalise(kindsOne(r.filter, 'one'))} of at least ${formatCount(r.singleThreshold)} ${noun}, or ${total}.`;
}

function describeSequence(r: Rule): string {
	const before = r.before ?? r.filter;
	const [one] = FIELD_NOUN[r.groupBy[0]];
	const of = r.groupBy.length === 1 ? `the same ${one}` : `the same ${r.groupBy.map((f) => FIELD_NOUN[f][0]).join(' and ')}`;
	return `${capitalise(kindsOne(r.filter))}${offHours(r.filter)} after at least ${formatCount(r.threshold)} ${kindsPlural(before)}${offHours(before)} from ${of} in the previous ${formatWindow(r.windowMinutes)}${whereWords(r.filter)}.`;
}

function describeNewValue(r: Rule): string {
	const [field] = FIELD_NOUN[r.newValueField ?? 'country'];
	const owner = r.groupBy.map((f) => FIELD_NOUN[f][0]).join(' and ');
	const from = r.newValueField === 'country' || r.newValueField === undefined || r.newValueField === 'ip' ? 'from' : 'with';
	return `${capitalise(kindsOne(r.filter))}${offHours(r.filter)} ${from} ${article(field)} not seen for that ${owner} in the previous ${formatCount(r.lookbackDays ?? 30)} days${whereWords(r.filter)}.`;
}

/** What a rule watches for, in one sentence, from its current settings. */
export function describeRule(r: Rule): string {
	switch (r.type) {
		case 'match':
			return describeMatch(r);
		case 'threshold':
			return describeThreshold(r);
		case 'distinct':
			return describeDistinct(r);
		case 'sum':
			return describeSum(r);
		case 'sequence':
			return describeSequence(r);
		case 'new_value':
			return describeNewValue(r);
	}
}
