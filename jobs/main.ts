// `npm run jobs`: the scheduler alone, for server mode where web processes run with JOBS=off.
import { closeClickHouse } from '../src/lib/server/clickhouse/client';
import { getConfig } from '../src/lib/server/config';
import { startup } from '../src/lib/server/startup/startup';
import { startScheduler } from './scheduler';

if (getConfig().clickhouse.mode === 'embedded') {
	console.error('jobs: the embedded store belongs to the web process, which runs the jobs itself; set CLICKHOUSE_URL to run them apart');
	process.exit(1);
}
await startup();
const scheduler = startScheduler();
console.log('jobs: scheduler running');
const stop = async () => {
	await scheduler.stop();
	await closeClickHouse();
	process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
