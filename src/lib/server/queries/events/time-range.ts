const UNIT_MS: Record<string, number> = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 };

/** Resolves ISO, epoch-millisecond or relative (`now-24h`) times against an explicit clock. */
export function resolveTime(text: string, now: Date): Date {
	const rel = /^now(?:-(\d+)([smhdw]))?$/.exec(text);
	if (rel) return new Date(now.getTime() - (rel[1] ? Number(rel[1]) * UNIT_MS[rel[2]] : 0));
	if (/^\d{10,13}$/.test(text)) return new Date(text.length === 10 ? Number(text) * 1000 : Number(text));
	return new Date(text);
}

export const DEFAULT_PERIOD_MS = 30 * 86400e3;
/** Events may be stamped up to a day ahead (clock skew), so an open-ended period reaches that far. */
export const FUTURE_SLACK_MS = 86400e3;
