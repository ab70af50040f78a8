import { RuleSchema, type Rule, type RuleEdit } from '../../schemas/rule';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { DomainError } from '../auth/domain-error';
import type { RequestMeta } from '../auth/manage-users';
import { insertRuleVersion } from '../queries/rules/insert-rule-version';
import { listRuleVersions } from '../queries/rules/list-rule-versions';
import { BUILTIN_RULES } from '../rules/builtin';
import { createSerial } from '../serial';

export interface StoredRule {
	rule: Rule;
	version: number;
	updatedAt: string | null;
	updatedBy: string | null;
	/** Why the stored version could not be read, when it could not: the built-in definition is in force. */
	unreadable: string | null;
}

// Logged once per stored version: rules are read on every tick and page, the log needs it once.
const logged = new Set<string>();

/** The stored version over the built-in, or the built-in and why the stored one was refused. */
function readStored(builtin: Rule, definition: string): { rule: Rule; unreadable: string | null } {
	let parsed: unknown;
	try {
		parsed = JSON.parse(definition);
	} catch (e) {
		return { rule: builtin, unreadable: `the stored definition is not JSON (${(e as Error).message})` };
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { rule: builtin, unreadable: 'the stored definition is not an object' };
	const merged = RuleSchema.safeParse({ ...builtin, ...parsed, id: builtin.id, type: builtin.type });
	if (merged.success) return { rule: merged.data, unreadable: null };
	return { rule: builtin, unreadable: merged.error.issues.map((i) => `${i.path.map(String).join('.') || '(rule)'}: ${i.message}`).join('; ') };
}

/** Every rule: the built-ins as edited (their latest stored version), in their fixed order. */
export async function listRules(): Promise<StoredRule[]> {
	const stored = new Map((await listRuleVersions()).map((v) => [v.id, v]));
	return BUILTIN_RULES.map((builtin) => {
		const v = stored.get(builtin.id);
		if (!v) return { rule: builtin, version: 0, updatedAt: null, updatedBy: null, unreadable: null };
		const { rule, unreadable } = readStored(builtin, v.definition);
		if (unreadable && !logged.has(`${v.id}\n${v.version}`)) {
			logged.add(`${v.id}\n${v.version}`);
			console.warn(`rule ${v.id}: stored version ${v.version} could not be read, the built-in definition is in force: ${unreadable}`);
		}
		return { rule, version: v.version, updatedAt: v.updated_at, updatedBy: v.updated_by, unreadable };
	});
}

export async function getRule(id: string): Promise<StoredRule | null> {
	return (await listRules()).find((r) => r.rule.id === id) ?? null;
}

/** A rule with an edit applied, checked as a whole (a threshold of a type that has none is refused). */
export function applyRuleEdit(rule: Rule, edit: RuleEdit): Rule {
	if (edit.singleThreshold !== undefined && rule.singleThreshold === undefined) {
		throw new DomainError(400, `the rule ${rule.id} has no one-event threshold`, 'single_threshold');
	}
	return RuleSchema.parse({ ...rule, ...edit });
}

/** Edits one after another, so two at once cannot both take the same version number. */
const serial = createSerial();

/** Stores an edit as the rule's next version and writes it to the audit trail with before and after. */
export function updateRule(id: string, edit: RuleEdit, by: AuditActor, meta: RequestMeta = {}, now = new Date()): Promise<StoredRule> {
	return serial(async () => {
		const current = await getRule(id);
		if (!current) throw new DomainError(404, `no rule with the id "${id}"`);
		const next = applyRuleEdit(current.rule, edit);
		const keys = Object.keys(edit) as (keyof RuleEdit)[];
		const before = Object.fromEntries(keys.map((k) => [k, current.rule[k] ?? null]));
		const after = Object.fromEntries(keys.map((k) => [k, next[k] ?? null]));
		const version = current.version + 1;
		const by_ = by.email ?? by.name ?? by.id;
		await insertRuleVersion({ id, version, definition: JSON.stringify(next), updatedAt: now, updatedBy: by_ });
		await recordAudit({ actor: by, action: 'rule_updated', category: 'configuration', target: { type: 'rule', id, name: next.name }, changes: { before, after }, details: { version }, ...meta }, now);
		return { rule: next, version, updatedAt: now.toISOString(), updatedBy: by_, unreadable: null };
	});
}
