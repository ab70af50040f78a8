import { insert } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';

export function insertRuleVersion(v: { id: string; version: number; definition: string; updatedAt: Date; updatedBy: string }): Promise<void> {
	return insert('rules.insertRuleVersion', 'rules', [
		{ id: v.id, version: v.version, definition: v.definition, updated_at: toChTime(v.updatedAt), updated_by: v.updatedBy }
	]);
}
