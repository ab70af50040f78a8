import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { insert } from '../clickhouse/query';
import { toChTime } from '../clickhouse/time';
import { listArchivableDays, type RetentionClass } from '../queries/archive/list-archivable-days';
import { listDayEvents } from '../queries/archive/list-day-events';
import { toEventOutput } from '../queries/events/event-columns';
import { archiveDaySeals } from '../seals/archive-seals';

export interface ArchiveSettings {
	dir: string;
	leadDays: number;
	retention: { days: number; securityDays: number };
}

export interface ArchivedDay {
	day: string;
	retentionClass: RetentionClass;
	events: number;
	file: string;
}

// Pages, not one long stream: a streamed result holds the embedded engine (ARCHITECTURE.md).
const PAGE = 20_000;

/** The instant before which events of a class are within `leadDays` of deletion. */
export function archiveHorizon(now: Date, keepDays: number, leadDays: number): Date {
	return new Date(now.getTime() - (keepDays - leadDays) * 86_400_000);
}

async function archiveDay(day: string, retentionClass: RetentionClass, dir: string): Promise<ArchivedDay> {
	const file = join(dir, retentionClass, day.slice(0, 4), `events-${day}.ndjson.gz`);
	mkdirSync(dirname(file), { recursive: true });
	const partial = `${file}.partial`;
	const gzip = createGzip();
	const out = gzip.pipe(createWriteStream(partial));
	const hash = createHash('sha256');
	gzip.on('data', (chunk: Buffer) => hash.update(chunk));
	let events = 0;
	let after = null;
	for (;;) {
		const rows = await listDayEvents(day, retentionClass, after, PAGE);
		for (const r of rows) if (!gzip.write(`${JSON.stringify(toEventOutput(r))}\n`)) await once(gzip, 'drain');
		events += rows.length;
		if (rows.length < PAGE) break;
		after = { at: rows[rows.length - 1].occurred_at, id: rows[rows.length - 1].id };
	}
	gzip.end();
	await once(out, 'finish');
	// Renamed only when complete, so a file under its final name is always a whole day.
	renameSync(partial, file);
	await archiveDaySeals(day, dir);
	const sha256 = hash.digest('hex');
	await insert('archive.insertArchiveRun', 'archive_runs', [{ day, retention_class: retentionClass, events, file, sha256, archived_at: toChTime(new Date()) }]);
	return { day, retentionClass, events, file };
}

/**
 * Writes every whole day that retention will delete within `leadDays` and that is not archived
 * yet, oldest first; after downtime it catches up on all the days missed.
 */
export async function archiveExpiringEvents(now: Date, s: ArchiveSettings): Promise<ArchivedDay[]> {
	const done: ArchivedDay[] = [];
	const classes: [RetentionClass, number][] = [
		['standard', s.retention.days],
		['security', s.retention.securityDays]
	];
	for (const [retentionClass, keepDays] of classes) {
		for (const { day } of await listArchivableDays(retentionClass, archiveHorizon(now, keepDays, s.leadDays))) {
			done.push(await archiveDay(day, retentionClass, s.dir));
		}
	}
	return done;
}
