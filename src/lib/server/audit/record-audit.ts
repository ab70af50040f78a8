import type { Category, Outcome } from '../../schemas/event-input';
import { getConfig } from '../config';
import { AUDIT_SOURCE } from './audit-source';
import { submitIngest } from '../ingest/commit';
import { repairLoneSurrogates } from '../ingest/lone-surrogates';
import { prepareEvents } from '../ingest/prepare';

/** Who did something in Trailscope: a signed-in user, an API key, or Trailscope itself. */
export interface AuditActor {
	id: string;
	email?: string;
	name?: string;
	type: 'user' | 'api_key' | 'system';
}

export interface AuditEntry {
	actor: AuditActor;
	action: string;
	category?: Category;
	outcome?: Outcome;
	reason?: string;
	target?: { type: string; id?: string; name?: string };
	ip?: string;
	userAgent?: string;
	/** Before/after of what changed; callers leave secrets (hashes, keys) out. */
	changes?: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null };
	details?: Record<string, unknown>;
}

/**
 * Writes one of Trailscope's own actions to the event store, through the same validation,
 * enrichment and group commit as any application's events. Resolves once it is stored.
 */
export async function recordAudit(entry: AuditEntry, now = new Date()): Promise<void> {
	const config = getConfig();
	const event = {
		occurred_at: now.toISOString(),
		tenant: config.auditTenant,
		source: AUDIT_SOURCE,
		actor: { id: entry.actor.id, email: entry.actor.email, name: entry.actor.name, type: entry.actor.type },
		action: entry.action,
		category: entry.category,
		outcome: entry.outcome ?? 'success',
		reason: entry.reason,
		target: entry.target,
		ip: entry.ip || undefined,
		user_agent: entry.userAgent?.slice(0, 1024) || undefined,
		changes: entry.changes,
		details: entry.details
	};
	// What people typed (a comment, a name) reaches the trail as given; text that is not text is
	// repaired rather than refused, so the change it records is never left unrecorded.
	const prepared = await prepareEvents([repairLoneSurrogates(event)], [0], { now, retention: config.retention });
	if (!prepared.ok) throw new Error(`audit event ${entry.action} is invalid: ${JSON.stringify(prepared.problems)}`);
	await submitIngest({ rows: prepared.rows, clientIds: false, keyId: 'trailscope', bodyHash: '' });
}
