import { formatTime } from '../../monthly/format';
import { csvRecords } from '../export/formats';
import type { BuiltReport } from './build-report';

export interface CsvFile {
	filename: string;
	content: string;
}

// A BOM so spreadsheet programs read the file as UTF-8 (names with accents stay readable).
const BOM = '\uFEFF';
const file = (filename: string, header: string[], rows: (string | number)[][]): CsvFile => ({
	filename,
	content: BOM + csvRecords([header, ...rows.map((r) => r.map(String))])
});

/**
 * The attachments: every privilege change, configuration change, export and alert of the month,
 * written like the timeline's export (RFC 4180, formulas neutralised), times in UTC and local.
 */
export function reportCsvFiles({ report, data }: BuiltReport, alerts: (string | number)[][]): CsvFile[] {
	const tz = report.timezone;
	const local = `time_${tz.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()}`;
	const changes = (kind: 'privilege' | 'configuration') =>
		file(
			`${kind}-changes-${report.tenant}-${report.month}.csv`,
			['occurred_at_utc', local, 'actor', 'target', 'action', 'before', 'after', 'ip', 'event_id'],
			(kind === 'privilege' ? report.privilegeChanges : report.configurationChanges).map((c, i) => {
				const ev = (kind === 'privilege' ? data.privilege : data.configuration)[i];
				return [c.occurredAt, formatTime(c.occurredAt, tz), c.actor, c.target, c.action, c.before, c.after, ev.ip, ev.id];
			})
		);
	const files = [
		changes('privilege'),
		changes('configuration'),
		file(
			`exports-${report.tenant}-${report.month}.csv`,
			['occurred_at_utc', local, 'actor', 'what', 'records', 'bytes', 'format', 'event_id'],
			data.allExports.map((x) => [x.occurredAt, formatTime(x.occurredAt, tz), x.actor, x.target, x.records, x.bytes, x.format, x.id])
		)
	];
	files.push(file(`alerts-${report.tenant}-${report.month}.csv`, ALERT_HEADER, alerts));
	return files;
}

export const ALERT_HEADER = ['alert_id', 'rule_id', 'rule_name', 'severity', 'status', 'raised_at_utc', 'acknowledged_at_utc', 'resolved_at_utc', 'group', 'count', 'acknowledged_by', 'resolved_by', 'comments'];
