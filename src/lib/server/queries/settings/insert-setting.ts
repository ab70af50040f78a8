import { command } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';

/** Saves a setting's new value as a newer version (the settings table keeps the latest). */
export async function insertSetting(key: string, value: string, updatedBy: string, now: Date): Promise<void> {
	await command(
		'settings.insertSetting',
		'INSERT INTO settings (key, value, updated_at, updated_by) VALUES ({key:String}, {value:String}, {at:DateTime64(3)}, {by:String})',
		{ key, value, at: toChTime(now), by: updatedBy }
	);
}
