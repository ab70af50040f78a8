import { getConfig } from '../src/lib/server/config';
import { archiveExpiringEvents } from '../src/lib/server/retention/archive';
import type { Job } from './job';

/** Archives events days before retention deletes them ("archive before deletion"). */
export const archiveExpiring: Job = {
	name: 'archive-expiring',
	schedule: '17 2 * * *',
	async run(now) {
		const { archive, retention } = getConfig();
		if (!archive.enabled) return 'archiving is off (ARCHIVE=off)';
		const days = await archiveExpiringEvents(now, { dir: archive.dir, leadDays: archive.leadDays, retention });
		const events = days.reduce((n, d) => n + d.events, 0);
		return days.length === 0 ? 'nothing due' : `archived ${events} events of ${days.length} day(s) to ${archive.dir}`;
	}
};
