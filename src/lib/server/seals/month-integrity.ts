import type { MonthIntegrity } from '../../monthly/model';
import { verifyStored } from './run-seals';

/** Every period of a report's month verified from the store, as the report states it. */
export async function monthIntegrity(tenant: string, from: Date, to: Date): Promise<MonthIntegrity> {
	const r = await verifyStored(tenant, from, to);
	return {
		periods: r.periods.length,
		verified: r.periods.filter((p) => p.status === 'verified').length,
		open: r.periods.filter((p) => p.status === 'open').length,
		failed: r.periods
			.filter((p) => p.status === 'failed')
			.map((p) => ({ start: p.period_start, end: p.period_end, problems: p.problems.map((x) => x.message).join('; ') }))
	};
}
