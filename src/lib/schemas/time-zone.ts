import { z } from 'zod';

let listed: Map<string, string> | undefined;

/**
 * A time zone name as ClickHouse knows it, or null when it is none. Intl takes any letter case
 * (`europe/paris`) but the engine's zone names are case-sensitive, so a name Intl accepted
 * would fail the query: the name is given back as the zone database spells it.
 */
export function canonicalTimeZone(tz: string): string | null {
	let resolved: string;
	try {
		resolved = new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
	} catch {
		return null;
	}
	listed ??= new Map(Intl.supportedValuesOf('timeZone').map((z) => [z.toLowerCase(), z]));
	// An alias (`Asia/Kolkata`, `US/Pacific`) keeps its own name where it is listed; otherwise the zone Intl resolved it to.
	return listed.get(tz.toLowerCase()) ?? resolved;
}

/** Why a zone name was refused, in the same words on every page, API and form. */
export const notATimeZone = (asked: string) => `"${asked}" is not an IANA time zone such as Europe/Paris`;

/** An IANA time zone name (`Europe/Paris`, `UTC`), spelled as the zone database spells it. */
export const TimeZoneSchema = z
	.string()
	.trim()
	.min(1)
	.max(64)
	.refine((tz) => canonicalTimeZone(tz) !== null, { message: 'must be an IANA time zone such as Europe/Paris' })
	.overwrite((tz) => canonicalTimeZone(tz) ?? tz);
