import { inBackground } from '../clickhouse/lane';
import type { Cursor } from '../queries/events/cursor';
import type { Formatter } from './formats';

/**
 * Sizes of an export's reads and writes. Pages, not one long stream: a streamed result holds the
 * embedded engine and stalls every other query behind it (ARCHITECTURE.md), while a page of a few
 * tens of thousands of rows is a plain query that runs beside the others. Tests lower `pageSize`
 * to cross page boundaries with a few thousand events.
 * The embedded engine runs one query at a time, so a timeline query asked during an export waits
 * for the page being read: 5,000 rows keep that wait near one timeline query's own time, for a
 * few more queries per export than pages of 20,000 (each costs a few ms).
 */
export const exportTuning = { pageSize: 5_000, chunkRows: 1_000 };

/** A page of rows, newest first, and the keyset position of its last row (null when empty). */
export interface Page<Row> {
	rows: Row[];
	last: Cursor | null;
}

/** Reads the page after a keyset position (null: the first); the export's filter is bound inside. */
export type PageSource<Row> = (after: Cursor | null, limit: number, signal: AbortSignal) => Promise<Page<Row>>;

export interface ChunkOptions {
	pageSize?: number;
	chunkRows?: number;
	/** Aborted when the client goes away: the page being read is cancelled and no other is started. */
	signal?: AbortSignal;
}

/**
 * The text of a whole export, in chunks of at most `chunkRows` rows. The next page is read while
 * the current one is formatted and sent, so the engine and the formatting overlap; at most two
 * pages are held at once, however large the export.
 */
export async function* exportChunks<Row>(source: PageSource<Row>, formatter: Formatter<Row>, o: ChunkOptions = {}): AsyncGenerator<string, void, undefined> {
	const pageSize = o.pageSize ?? exportTuning.pageSize;
	const chunkRows = o.chunkRows ?? exportTuning.chunkRows;
	const stop = new AbortController();
	const signal = o.signal ? AbortSignal.any([o.signal, stop.signal]) : stop.signal;
	let next: Promise<Page<Row>> | null = null;
	// Pages are read on the background lane (a second engine session): the timeline and other
	// interactive reads do not queue behind an export's pages.
	const read = (after: Cursor | null) => inBackground(() => source(after, pageSize, signal));
	try {
		yield formatter.head();
		next = read(null);
		while (next) {
			const page: Page<Row> = await next;
			next = null;
			signal.throwIfAborted();
			// A short page is the last one: no query is spent to learn that nothing follows.
			if (page.rows.length === pageSize && page.last) {
				next = read(page.last);
				// The prefetch may fail while this page is still being sent; mark it handled now so
				// Node does not report an unhandled rejection. The `await` above still throws it.
				next.catch(() => {});
			}
			for (let i = 0; i < page.rows.length; i += chunkRows) {
				// Formatting a page is one long run of synchronous work; a turn of the event loop
				// between chunks lets other requests (and their query results) through meanwhile.
				await new Promise((resolve) => setImmediate(resolve));
				yield formatter.rows(page.rows.slice(i, i + chunkRows));
			}
		}
		yield formatter.tail();
	} finally {
		// Reached on completion, on error and on an early return (the stream was cancelled): a
		// page still being read is abandoned and its query cancelled.
		stop.abort();
		next?.catch(() => {});
	}
}

export interface StreamOptions extends ChunkOptions {
	/** Told of a failure mid-export (the client then sees a cut-off file); not of a disconnect. */
	onError?: (e: unknown) => void;
}

/**
 * The export as a pull-based byte stream: a chunk is produced only when the consumer asks for
 * one, so a slow client slows the reads instead of filling memory. Cancelling the stream (the
 * client went away) or aborting `signal` cancels the page being read and starts no other.
 */
export function exportStream<Row>(source: PageSource<Row>, formatter: Formatter<Row>, o: StreamOptions = {}): ReadableStream<Uint8Array> {
	const cancelled = new AbortController();
	const signal = o.signal ? AbortSignal.any([o.signal, cancelled.signal]) : cancelled.signal;
	const chunks = exportChunks(source, formatter, { ...o, signal });
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				try {
					for (;;) {
						const { value, done } = await chunks.next();
						if (signal.aborted) break;
						if (done) return controller.close();
						if (value) return controller.enqueue(encoder.encode(value));
					}
				} catch (e) {
					if (!signal.aborted) {
						o.onError?.(e);
						return controller.error(e);
					}
				}
				// Aborted from outside while the stream is still open: end it so no read hangs.
				if (!cancelled.signal.aborted) controller.error(signal.reason);
			},
			async cancel() {
				cancelled.abort();
				await chunks.return(undefined);
			}
		},
		{ highWaterMark: 0 }
	);
}
