import { insert } from '../../clickhouse/query';
import type { Seal } from '../../seals/seal-record';
import { toSealRow } from './seal-row';

/** Writes seals as one block: a run's seals land together or not at all. */
export function insertSeals(seals: readonly Seal[]): Promise<void> {
	return insert('seals.insertSeals', 'seals', seals.map(toSealRow));
}
