import { mapCloudTrail } from './cloudtrail';
import { mapGitHub } from './github';
import { mapOkta } from './okta';
import { isObject, type Mapped } from './record';

export const IMPORT_FORMATS = { okta: mapOkta, cloudtrail: mapCloudTrail, github: mapGitHub } as const;
export type ImportFormat = keyof typeof IMPORT_FORMATS;
export const isImportFormat = (f: string): f is ImportFormat => Object.hasOwn(IMPORT_FORMATS, f);

export interface ImportProblem {
	index: number;
	field: string;
	message: string;
}

/** CloudTrail's own files wrap their records (`{"Records": [...]}`); accept them as written. */
export function unwrapRecords(items: unknown[]): unknown[] {
	return items.flatMap((item) => (isObject(item) && Array.isArray(item.Records) ? item.Records : [item]));
}

/** Maps every record, or lists every one that cannot be mapped (by its index in the request). */
export function mapRecords(format: ImportFormat, records: unknown[]): { ok: true; events: Record<string, unknown>[] } | { ok: false; problems: ImportProblem[] } {
	const events: Record<string, unknown>[] = [];
	const problems: ImportProblem[] = [];
	records.forEach((record, index) => {
		const mapped: Mapped = isObject(record) ? IMPORT_FORMATS[format](record) : { ok: false, field: '', message: 'must be a JSON object' };
		if (mapped.ok) events.push(mapped.event);
		else problems.push({ index, field: mapped.field, message: mapped.message });
	});
	return problems.length ? { ok: false, problems } : { ok: true, events };
}
