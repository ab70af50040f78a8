import { z } from 'zod';
import { query } from '../../clickhouse/query';
import type { TenantScope } from '../events/event-where';
import { alertListWhere, type AlertListFilter } from './list-alerts';

/** How many alerts a list filter matches, over every page. */
export async function countAlerts(scope: TenantScope, f: AlertListFilter): Promise<number> {
	const w = alertListWhere(scope, f);
	const rows = await query({ name: 'alerts.countAlerts', row: z.object({ n: z.coerce.number() }), params: w.params, sql: `SELECT count() AS n FROM alerts FINAL WHERE ${w.sql}` });
	return rows[0]?.n ?? 0;
}
