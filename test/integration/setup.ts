import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { resetConfig } from '../../src/lib/server/config';

// One data directory per worker process (the engine holds one per process), a fresh database per file.
process.env.TRAILSCOPE_TEST_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'trailscope-test-'));
process.env.DATA_DIR = process.env.TRAILSCOPE_TEST_DATA_DIR;
process.env.CLICKHOUSE_DATABASE = `test_${randomBytes(6).toString('hex')}`;
process.env.SEED_DEMO = 'false';
process.env.INGEST_API_KEY = 'test-key-with-every-scope';
delete process.env.CLICKHOUSE_URL;
resetConfig();
