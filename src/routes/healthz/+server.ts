import type { RequestHandler } from './$types';
import { getClickHouse, storeKind } from '$lib/server/clickhouse/client';
import { jsonResponse } from '$lib/server/http/problem';
import pkg from '../../../package.json' with { type: 'json' };

export const GET: RequestHandler = async () => {
	const store = storeKind();
	try {
		const ch = await getClickHouse();
		const ping = await ch.ping();
		if (!ping.success) throw ping.error;
		return jsonResponse(200, { status: 'ok', store, version: pkg.version }, { 'cache-control': 'no-store' });
	} catch (e) {
		console.error('healthz: the store does not answer:', e);
		return jsonResponse(503, { status: 'unavailable', store, version: pkg.version }, { 'cache-control': 'no-store' });
	}
};
