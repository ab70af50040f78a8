import { z } from 'zod';
import { query } from '../../clickhouse/query';

const Row = z.object({ id: z.string(), version: z.coerce.number(), definition: z.string(), updated_at: z.string(), updated_by: z.string() });
export type RuleVersionRow = z.infer<typeof Row>;

/** The latest stored version of every edited rule. */
export function listRuleVersions(): Promise<RuleVersionRow[]> {
	return query({
		name: 'rules.listRuleVersions',
		row: Row,
		sql: `SELECT id, version, definition, toString(updated_at) AS updated_at, updated_by FROM rules FINAL
			ORDER BY id, version DESC LIMIT 1 BY id`
	});
}
