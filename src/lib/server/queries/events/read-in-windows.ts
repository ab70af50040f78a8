import { decodeCursor } from './cursor';
import { fromChTime } from '../../clickhouse/time';

export interface TimeWindow {
	from: Date;
	to: Date;
}

/** Reads at most `limit` rows of the filter within the window, in the page's order. */
export type WindowRead<Row> = (window: TimeWindow, limit: number) => Promise<Row[]>;

/** The first window is this share of the period; the next ones are sized by what it found. */
const FIRST_SHARE = 1 / 256;
const MIN_FIRST_MS = 60_000;

/**
 * The next window: long enough, at the rate of matches seen so far, to fill the page with half
 * again to spare; at least twice and at most sixteen times the last (eight times when it found
 * nothing), so a few queries cover any period.
 */
function nextWidth(width: number, found: number, needed: number): number {
	if (found === 0) return width * 8;
	return Math.min(width * 16, Math.max(width * 2, (width * needed * 1.5) / found));
}

const cursorTime = (cursor: string | undefined) => {
	const c = cursor ? decodeCursor(cursor) : null;
	return c ? fromChTime(c.at) : null;
};

/**
 * A filtered page read stretch by stretch from where the page starts: the newest part of the
 * period first (the oldest after the cursor for `dir=prev`), each stretch longer than the one
 * before (sized by the matches found so far), until the page is full or the period is used up.
 * A read in order of the whole period reads a block of every part in parallel before the LIMIT
 * can stop it, so a condition few rows meet (free text) scanned most of the period; here the
 * work follows how many rows it takes to fill the page. The rows and their order are those of
 * the one read over the period.
 */
export async function readInWindows<Row>(read: WindowRead<Row>, period: TimeWindow, o: { limit: number; cursor?: string; ascending: boolean }): Promise<Row[]> {
	const at = cursorTime(o.cursor);
	// The cursor's own millisecond is still in play (ties on occurred_at are broken by id).
	let from = o.ascending && at && at > period.from ? at : period.from;
	let to = !o.ascending && at && at.getTime() + 1 < period.to.getTime() ? new Date(at.getTime() + 1) : period.to;
	if (from >= to) return [];
	let width = Math.max(MIN_FIRST_MS, (period.to.getTime() - period.from.getTime()) * FIRST_SHARE);
	const rows: Row[] = [];
	while (rows.length < o.limit && from < to) {
		const window = o.ascending
			? { from, to: new Date(Math.min(to.getTime(), from.getTime() + width)) }
			: { from: new Date(Math.max(from.getTime(), to.getTime() - width)), to };
		const found = await read(window, o.limit - rows.length);
		rows.push(...found);
		if (o.ascending) from = window.to;
		else to = window.from;
		width = nextWidth(width, found.length, o.limit - rows.length);
	}
	return rows;
}
