import * as K from './event-kinds';

/**
 * The rollups that classify events by kind, rendered from event-kinds.ts. The migration runner
 * builds them from this text after the numbered migrations (clickhouse/derived-views.ts) and
 * rebuilds one, refilling its table, whenever its text changes, so a change to a predicate reaches
 * the views at the next start without a migration copying it. The raw-event reads of the same
 * counts (activity-source.ts) use ACTIVITY_COUNTS too.
 */

/** Kinds a security report lists one by one, in the order of security_events.kind. */
const LISTED: [string, string][] = [
	['sign_in', K.SIGN_IN],
	['export', K.EXPORT],
	['privilege_change', K.PRIVILEGE_CHANGE],
	['config_change', K.CONFIG_CHANGE],
	['deletion', K.DELETION]
];

/** The counts activity_totals_15m keeps per tenant, quarter hour and category. */
export const ACTIVITY_COUNTS = `count() AS events,
    countIf(${K.SIGN_IN}) AS sign_ins,
    countIf(${K.FAILED_SIGN_IN}) AS failed_sign_ins,
    countIf(${K.EXPORT}) AS exports,
    sumIf(records, ${K.EXPORT}) AS exported_records,
    sumIf(bytes, ${K.EXPORT}) AS exported_bytes,
    countIf(${K.PRIVILEGE_CHANGE}) AS privilege_changes,
    countIf(${K.CONFIG_CHANGE}) AS configuration_changes,
    countIf(${K.DELETION}) AS deletions,
    sumIf(${K.DELETED_ITEMS}, ${K.DELETION}) AS deleted_items`;

/** The columns of security_events but the last; `changes` is the view's last output. */
const SECURITY_EVENTS_COLUMNS = `tenant,
    kind,
    occurred_at,
    id,
    category,
    ${K.ACCOUNT} AS actor,
    actor_name,
    action,
    action_key,
    ip,
    country,
    target_type,
    target_id,
    target_name,
    records,
    bytes,
    if(kind = 'deletion', ${K.DELETED_ITEMS}, 0) AS items,
    if(kind = 'privilege_change', toUInt8(${K.PRIVILEGE_ELEVATION}), 0) AS elevation,
    changed_fields`;
const CHANGES_KEPT = `kind IN ('privilege_change', 'config_change', 'deletion')`;
const KIND_JOIN = `ARRAY JOIN arrayFilter(k -> k != '', [${LISTED.map(([k, p]) => `if(${p}, '${k}', '')`).join(', ')}]) AS kind
WHERE (${LISTED.map(([, p]) => p).join(' OR ')})`;

const SECURITY_EVENTS_SELECT = `SELECT
    ${SECURITY_EVENTS_COLUMNS},
    if(${CHANGES_KEPT}, changes, '') AS changes
FROM events
${KIND_JOIN}`;

/**
 * The rows security_events would hold for the events matching `where` (a condition over `events`
 * columns), read from the events themselves: the reports use it when a filter names something the
 * table does not keep (source, the actor's id and email apart). The column `changes` is read under
 * another name first: outside the view's own setting the output alias would win inside the
 * predicates ("Unknown identifier kind").
 */
export const securityEventsOf = (where: string) => `SELECT * EXCEPT (all_changes), if(${CHANGES_KEPT}, all_changes, '') AS changes FROM (
SELECT
    ${SECURITY_EVENTS_COLUMNS},
    changes AS all_changes
FROM events
${KIND_JOIN}
  AND ${where})`;

const ACTIVITY_SELECT = `SELECT
    tenant,
    toStartOfFifteenMinutes(occurred_at) AS bucket,
    category,
    ${ACTIVITY_COUNTS}
FROM events`;

const AUTH_FAILURES_SELECT = `SELECT
    tenant,
    toStartOfHour(occurred_at) AS hour,
    ip,
    count() AS failures,
    uniqExactState(${K.ACCOUNT}) AS accounts,
    min(occurred_at) AS first_seen,
    max(occurred_at) AS last_seen,
    anyLast(country) AS country
FROM events
WHERE ${K.FAILED_SIGN_IN} AND ip != toIPv6('::')`;

/** Events stored before a view existed: its creation time has whole seconds, so the cut-off is rounded up (see 0006). */
const before = (view: string) =>
	`received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = '${view}')`;

export interface KindView {
	view: string;
	table: string;
	/** The statements that replace the view and reclassify every stored event with it. */
	statements: string[];
}

/** Drops the view, empties its table, creates the view from the current predicates and refills the table. */
function rebuild(view: string, table: string, select: string, groupBy = '', settings = ''): KindView {
	const where = select.includes('\nWHERE ') ? `${select}\n  AND ${before(view)}` : `${select}\nWHERE ${before(view)}`;
	return {
		view,
		table,
		statements: [
			`DROP VIEW IF EXISTS ${view}`,
			`TRUNCATE TABLE IF EXISTS ${table}`,
			`CREATE MATERIALIZED VIEW IF NOT EXISTS ${view} TO ${table} AS\n${select}${groupBy}${settings}`,
			`INSERT INTO ${table}\n${where}${groupBy}${settings}`
		]
	};
}

// `changes` is both a column and an output alias of the view; with the engine's default the alias
// wins inside the predicates and the view fails ("Unknown identifier kind"). It worked only while
// the setting leaked into the session from other queries; the view now keeps it in its own
// definition, so every insert into events runs it with the setting whatever the session holds.
const COLUMN_BEFORE_ALIAS = '\nSETTINGS prefer_column_name_to_alias = 1';

export const KIND_VIEWS: readonly KindView[] = [
	rebuild('auth_failures_1h_mv', 'auth_failures_1h', AUTH_FAILURES_SELECT, '\nGROUP BY tenant, hour, ip'),
	rebuild('security_events_mv', 'security_events', SECURITY_EVENTS_SELECT, '', COLUMN_BEFORE_ALIAS),
	rebuild('activity_totals_15m_mv', 'activity_totals_15m', ACTIVITY_SELECT, '\nGROUP BY tenant, bucket, category')
];
