import type { PageServerLoad } from './$types';
import { getConfig } from '$lib/server/config';
import { getStoreSummary } from '$lib/server/queries/events/get-store-summary';

export const load = (async () => {
	const config = getConfig();
	return { summary: await getStoreSummary(), appUrl: config.http.appUrl, store: config.clickhouse.mode };
}) satisfies PageServerLoad;
