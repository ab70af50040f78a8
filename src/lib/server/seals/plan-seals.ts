import type { PeriodArrivals } from '../queries/seals/list-period-arrivals';
import type { SealHead } from '../queries/seals/list-seal-heads';

/** A period a run seals: for the first time (`from` null, every event received before `to`), or as an amendment from `from`. */
export interface PlannedPeriod {
	start: number;
	from: number | null;
}

export interface SealPlan {
	/** Arrival mark: events received before it are visible (the rules' settle time has passed). */
	to: number;
	/** Periods ending by here are due. */
	dueEnd: number;
	tenants: { tenant: string; periods: PlannedPeriod[] }[];
}

export const periodOf = (ms: number, periodMs: number) => Math.floor(ms / periodMs) * periodMs;
export const markKey = (tenant: string, periodStart: number) => `${tenant}\n${periodStart}`;

/** How far back arrivals are read: from the oldest tenant mark (what every chain has sealed up to). */
export const arrivalsSince = (heads: readonly SealHead[]) => (heads.length ? Math.min(...heads.map((h) => h.receivedTo.getTime())) : 0);

/**
 * Which periods each tenant seals now. A period is due once it ended before `now - settleMs`.
 * Periods with arrivals are sealed (again, as an amendment, when already sealed); every period
 * after a tenant's last sealed one up to the due end is sealed even when empty, so a chain has no
 * holes and a dropped seal is seen. `marks` holds, per sealed period, the arrival mark it reached.
 */
export function planSeals(p: { now: Date; settleMs: number; periodMs: number; heads: readonly SealHead[]; arrivals: readonly PeriodArrivals[]; marks: ReadonlyMap<string, number> }): SealPlan {
	const to = p.now.getTime() - p.settleMs;
	const dueEnd = periodOf(to, p.periodMs);
	const byTenant = new Map<string, Set<number>>();
	for (const a of p.arrivals) if (a.periodStart + p.periodMs <= dueEnd) (byTenant.get(a.tenant) ?? byTenant.set(a.tenant, new Set()).get(a.tenant)!).add(a.periodStart);
	const heads = new Map(p.heads.map((h) => [h.tenant, h]));
	const tenants = [...new Set([...heads.keys(), ...byTenant.keys()])].sort();
	const plan: SealPlan = { to, dueEnd, tenants: [] };
	for (const tenant of tenants) {
		const starts = byTenant.get(tenant) ?? new Set<number>();
		const head = heads.get(tenant);
		const fillFrom = head ? head.lastPeriodEnd.getTime() : starts.size ? Math.min(...starts) : dueEnd;
		for (let s = fillFrom; s < dueEnd; s += p.periodMs) starts.add(s);
		const periods = [...starts]
			.sort((a, b) => a - b)
			.flatMap((start): PlannedPeriod[] => {
				const mark = p.marks.get(markKey(tenant, start));
				if (mark === undefined) return [{ start, from: null }];
				return mark < to ? [{ start, from: mark }] : [];
			});
		if (periods.length) plan.tenants.push({ tenant, periods });
	}
	return plan;
}
