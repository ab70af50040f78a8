/**
 * Splits [from, to) into the whole buckets a rollup of `unitMs` granularity can answer and the
 * partial buckets at either end that only the raw table can, so results stay exact for any period.
 * When no whole bucket fits, `whole` is empty (from === to) and the raw table answers all of it.
 */
export function splitForRollup(from: Date, to: Date, unitMs: number): { whole: { from: Date; to: Date } } {
	const start = Math.ceil(from.getTime() / unitMs) * unitMs;
	const end = Math.floor(to.getTime() / unitMs) * unitMs;
	if (start >= end) return { whole: { from: to, to } };
	return { whole: { from: new Date(start), to: new Date(end) } };
}
