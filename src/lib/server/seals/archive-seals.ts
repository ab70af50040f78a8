import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getConfig } from '../config';
import { listDaySeals } from '../queries/seals/list-day-seals';
import { loadSealKey } from './seal-key';

export const PUBLIC_KEY_FILE = 'seal-public-key.pem';
export const sealFileOf = (dir: string, day: string) => join(dir, 'seals', day.slice(0, 4), `seals-${day}.ndjson`);

/**
 * Writes the seals of a day's periods beside its archived events, with the public key, so
 * `npm run verify -- --archive DIR` checks the archive offline. Rewritten each time a class of
 * that day is archived: amendments made in between are then included.
 */
export async function archiveDaySeals(day: string, dir: string): Promise<number> {
	let written = await writeDay(day, dir);
	// Days without events are never archived, yet their seals link the chain across them: write
	// those back to the previous archived day, so the archive's chain has no holes.
	const gap: string[] = [];
	for (let d = previousDay(day), n = 0; n < BACKFILL_DAYS && !existsSync(sealFileOf(dir, d)); d = previousDay(d), n++) gap.push(d);
	if (gap.length < BACKFILL_DAYS) for (const d of gap) written += await writeDay(d, dir);
	writeFileSync(join(dir, PUBLIC_KEY_FILE), loadSealKey(getConfig().seals.keyFile).publicPem);
	return written;
}

const BACKFILL_DAYS = 62;
const previousDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

async function writeDay(day: string, dir: string): Promise<number> {
	const seals = await listDaySeals(day);
	const file = sealFileOf(dir, day);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(`${file}.partial`, seals.map((s) => `${JSON.stringify(s)}\n`).join(''));
	renameSync(`${file}.partial`, file);
	return seals.length;
}
