import { describe, expect, it } from 'vitest';
import { builtByMigration, viewChecksum } from '../../clickhouse/derived-views';
import type { Migration } from '../../clickhouse/migrate';
import * as K from '../../src/lib/server/queries/event-kinds';
import { KIND_VIEWS, type KindView } from '../../src/lib/server/queries/kind-views';

const view: KindView = {
	view: 'x_mv',
	table: 'x',
	statements: ['DROP VIEW IF EXISTS x_mv', 'CREATE MATERIALIZED VIEW IF NOT EXISTS x_mv TO x AS\nSELECT a\nFROM events', 'INSERT INTO x\nSELECT a FROM events']
};
const migration = (version: number, statements: string[]): Migration => ({ version, name: `m${version}`, checksum: '', statements });
const squashed = (s: string) => s.replace(/\n/g, '  \n ');

describe('views rendered from event-kinds.ts', () => {
	it.each([
		['the latest migration that creates it holds its text, whitespace aside', [migration(1, view.statements.map(squashed))], true],
		['an older migration held its text and a later one changed it', [migration(1, view.statements), migration(2, ['CREATE MATERIALIZED VIEW x_mv TO x AS SELECT b FROM events'])], false],
		['no migration creates it', [migration(1, ['CREATE TABLE x (a String) ENGINE = MergeTree ORDER BY a'])], false],
		['the latest creates it from another text', [migration(1, ['CREATE MATERIALIZED VIEW IF NOT EXISTS x_mv TO x AS SELECT a FROM events WHERE 1'])], false]
	])('counts as built by a migration when %s: %s', (_, migrations, built) => {
		expect(builtByMigration(view, migrations)).toBe(built);
	});

	it('changes its checksum with any change to its text, so the runner rebuilds it', () => {
		const other = { ...view, statements: [...view.statements.slice(0, 2), 'INSERT INTO x\nSELECT b FROM events'] };
		expect(viewChecksum(other)).not.toBe(viewChecksum(view));
		expect(viewChecksum({ ...view })).toBe(viewChecksum(view));
	});

	it('classify with the predicates of event-kinds.ts, in every view that counts a kind', () => {
		const text = (name: string) => KIND_VIEWS.find((v) => v.view === name)!.statements.join('\n');
		expect(text('auth_failures_1h_mv')).toContain(K.FAILED_SIGN_IN);
		for (const p of [K.SIGN_IN, K.EXPORT, K.PRIVILEGE_CHANGE, K.CONFIG_CHANGE, K.DELETION, K.DELETED_ITEMS]) {
			expect(text('security_events_mv')).toContain(p);
			expect(text('activity_totals_15m_mv')).toContain(p);
		}
	});
});
