import type { EventRow } from '../../src/lib/server/ingest/event-row';
import { toEventOutput } from '../../src/lib/server/queries/events/event-columns';
import { legacyHash } from '../../src/lib/server/seals/canonical';
import { canonicalOfOutput } from '../../src/lib/server/seals/canonical-of';

/**
 * Rows as ingest wrote them before migration 0060 (the full content hash): a 32-hex form-1 hash
 * and no hash_form column, for tests that insert into the schema of an earlier migration.
 */
export function rowsBefore0060(rows: readonly EventRow[]): Omit<EventRow, 'hash_form'>[] {
	return rows.map(({ hash_form: _form, ...r }) => ({ ...r, content_hash: legacyHash(canonicalOfOutput(toEventOutput({ ...r, content_hash: '' }))) }));
}
