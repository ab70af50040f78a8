import { inject } from 'vitest';
import '../integration/setup';
import { resetConfig } from '../../src/lib/server/config';

// The integration setup (a fresh database per file), with the store behind ClickHouse's HTTP interface.
process.env.CLICKHOUSE_URL = inject('clickhouseUrl');
resetConfig();
