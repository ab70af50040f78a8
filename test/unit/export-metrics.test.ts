import { describe, expect, it } from 'vitest';
import { exportMetrics } from '../../src/lib/server/ingest/export-metrics';

const MB = 1_000_000;
const MIB = 1_048_576;

describe('exportMetrics', () => {
	it.each([null, undefined, {}, { format: 'csv' }])('gives zeros when %j says nothing about size', (details) => {
		expect(exportMetrics(details)).toEqual({ records: 0, bytes: 0 });
	});

	it('tolerates a details value that is not an object at run time', () => {
		expect(exportMetrics([1, 2, 3] as unknown as Record<string, unknown>)).toEqual({ records: 0, bytes: 0 });
		expect(exportMetrics('1500' as unknown as Record<string, unknown>)).toEqual({ records: 0, bytes: 0 });
	});

	it.each([
		['records', 1500],
		['record_count', 1500],
		['records_count', 1500],
		['rows', 1500],
		['row_count', 1500],
		['count', 1500],
		['contacts', 1500],
		['items', 1500],
		['exported', 1500],
		['total', 1500],
		['RecordCount', 1500],
		['RECORDS', 1500],
		['rowCount', 1500]
	])('reads records from %s', (key, records) => {
		expect(exportMetrics({ [key]: records })).toEqual({ records, bytes: 0 });
	});

	it.each([
		['1500', 1500],
		['1,500', 1500],
		['1 500', 1500],
		['1\u00a0500', 1500],
		['1\u202f500', 1500],
		["1'500", 1500],
		['1.500', 1500],
		['1,234,567', 1_234_567],
		['5,000 contacts', 5000],
		['  42 rows ', 42],
		['1.5k', 1500],
		['2 million', 2_000_000],
		['1e3', 1000],
		['12.6', 13]
	])('reads the record count %j as %i', (text, records) => {
		expect(exportMetrics({ records: text }).records).toBe(records);
	});

	it('counts a list of exported rows or ids', () => {
		expect(exportMetrics({ items: ['a', 'b', 'c'] }).records).toBe(3);
		expect(exportMetrics({ rows: [] }).records).toBe(0);
	});

	it.each([
		['bytes', 2048],
		['size_bytes', 2048],
		['byte_count', 2048],
		['size', 2048],
		['SizeBytes', 2048],
		['file_size', 2048]
	])('reads bytes from %s', (key, bytes) => {
		expect(exportMetrics({ [key]: bytes })).toEqual({ records: 0, bytes });
	});

	it.each([
		['2.5 MB', 2.5 * MB],
		['2.5MB', 2.5 * MB],
		['300 KB', 300_000],
		['300 kb', 300_000],
		['1.2 GiB', Math.round(1.2 * 1024 * MIB)],
		['1 MiB', MIB],
		['4 KiB', 4096],
		['512 bytes', 512],
		['512 B', 512],
		['512', 512],
		['1,500', 1500],
		['1,500 KB', 1_500_000],
		['2,5 Mo', 2.5 * MB],
		['1.234,5 KB', 1_234_500],
		['1 TB', 1e12],
		['3 ГБ', 3e9],
		['10.4 bytes', 10]
	])('converts the size %j to %i bytes', (text, bytes) => {
		expect(exportMetrics({ size: text }).bytes).toBe(bytes);
	});

	it('reads both figures of the seed export example', () => {
		expect(exportMetrics({ records: '5,000 contacts', size: '2.5 MB', format: 'csv' })).toEqual({ records: 5000, bytes: 2_500_000 });
	});

	it('looks one level down when the top level has nothing', () => {
		expect(exportMetrics({ export: { records: 1500, bytes: '2 MB' } })).toEqual({ records: 1500, bytes: 2 * MB });
		expect(exportMetrics({ format: 'csv', Export: { Row_Count: '12' }, file: { size: 300 } })).toEqual({ records: 12, bytes: 300 });
		expect(exportMetrics({ total: { records: 7 } }).records).toBe(7);
	});

	it('prefers the top level and goes no deeper than one level', () => {
		expect(exportMetrics({ records: 10, export: { records: 99 } }).records).toBe(10);
		expect(exportMetrics({ a: { b: { records: 99, bytes: 5 } } })).toEqual({ records: 0, bytes: 0 });
	});

	it('tries the next key when one holds no figure', () => {
		expect(exportMetrics({ exported: true, records: 'n/a', count: 8 }).records).toBe(8);
		expect(exportMetrics({ size: 'large', bytes: null, byte_count: '1 KB' }).bytes).toBe(1000);
		expect(exportMetrics({ size: '3 parsecs' }).bytes).toBe(0);
	});

	it.each<[string, unknown]>([
		['negative', -5],
		['negative text', '-1,500'],
		['not a number', Number.NaN],
		['infinite', Number.POSITIVE_INFINITY],
		['absurd', 1e16],
		['absurd bigint', 10n ** 18n]
	])('gives 0 for a %s value', (_label, value) => {
		expect(exportMetrics({ records: value, bytes: value })).toEqual({ records: 0, bytes: 0 });
	});

	it('gives 0 for a size beyond a petabyte', () => {
		expect(exportMetrics({ size: '2 PB' }).bytes).toBe(0);
		expect(exportMetrics({ size: '1 PiB' }).bytes).toBe(0);
		expect(exportMetrics({ size: '1 PB' }).bytes).toBe(1e15);
	});

	it('keeps a value right at the limit and returns whole numbers', () => {
		expect(exportMetrics({ records: 1e15, bytes: 1e15 })).toEqual({ records: 1e15, bytes: 1e15 });
		const { records, bytes } = exportMetrics({ records: 2.4, size: '1.5 KiB' });
		expect([records, bytes]).toEqual([2, 1536]);
		expect(Number.isInteger(exportMetrics({ size: '0.3333 MB' }).bytes)).toBe(true);
	});

	it('ignores keys inherited from the prototype', () => {
		expect(exportMetrics(Object.create({ records: 5 }) as Record<string, unknown>)).toEqual({ records: 0, bytes: 0 });
	});
});
