import { z } from 'zod';

/**
 * Times as the store writes them. DateTime64(3) columns are UTC and come back as text without a
 * zone (`2026-05-01 12:00:00.000`); every reader turns that text into a Date or ISO 8601 here,
 * so no caller guesses the zone.
 */

/** A Date as a DateTime64(3) parameter or column value: `2026-05-01 12:00:00.000`. */
export const toChTime = (d: Date) => isoToChTime(d.toISOString());

/** ISO 8601 in UTC (`…T…Z`) as the store writes it; slicing costs a fraction of two replaces, which ingest feels. */
export const isoToChTime = (iso: string) => (iso.length === 24 ? `${iso.slice(0, 10)} ${iso.slice(11, 23)}` : iso.replace('T', ' ').replace('Z', ''));

/** A stored time as ISO 8601 in UTC (`2026-05-01T12:00:00.000Z`). */
export const chTimeToIso = (chTime: string) => `${chTime.replace(' ', 'T')}Z`;

/** A stored time as a Date. */
export const fromChTime = (chTime: string) => new Date(chTimeToIso(chTime));

/** A stored time in epoch milliseconds. */
export const chTimeMs = (chTime: string) => Date.parse(chTimeToIso(chTime));

let tick = 0;
/**
 * The version of a row written now to a ReplacingMergeTree table: microseconds from the clock, with
 * a counter in the last digits so two writes in one millisecond still order as they were made.
 */
export const rowVersion = (now: Date) => now.getTime() * 1000 + (tick++ % 1000);

/** Row schemas for stored times: as ISO 8601, or as a Date. */
export const ChTimeIso = z.string().transform(chTimeToIso);
export const ChTimeDate = z.string().transform(fromChTime);
