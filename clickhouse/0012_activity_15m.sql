-- Per tenant, quarter hour, category and account (email, else actor id): how many events, and
-- how many of each kind the reports count (the predicates of src/lib/server/queries/event-kinds.ts,
-- copied verbatim; test/unit/report-migrations.test.ts fails if they drift apart). Totals, active
-- users, exports by user and the time series read this instead of the raw events. Quarter hours,
-- because every time zone in use is offset from UTC by a multiple of 15 minutes, so hour and day
-- buckets of any zone are made of whole rollup buckets. Merges are asynchronous: readers sum again.
-- Reads take whole quarter hours from here and the partial ones at either end from the raw table.
CREATE TABLE IF NOT EXISTS activity_15m
(
    tenant LowCardinality(String),
    bucket DateTime('UTC'),
    category LowCardinality(String),
    actor String,
    events UInt64,
    ok_events UInt64,
    sign_ins UInt64,
    failed_sign_ins UInt64,
    exports UInt64,
    exported_records UInt64,
    exported_bytes UInt64,
    privilege_changes UInt64,
    configuration_changes UInt64,
    deletions UInt64,
    deleted_items UInt64
)
ENGINE = SummingMergeTree
PARTITION BY toYYYYMM(bucket)
ORDER BY (tenant, bucket, category, actor)
TTL bucket + toIntervalDay(if(category IN ('authentication', 'authorization', 'data_export'), 365, 90));

CREATE MATERIALIZED VIEW IF NOT EXISTS activity_15m_mv TO activity_15m AS
SELECT
    tenant,
    toStartOfFifteenMinutes(occurred_at) AS bucket,
    category,
    if(actor_email != '', lower(actor_email), actor_id) AS actor,
    count() AS events,
    countIf(outcome = 'success') AS ok_events,
    countIf((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)'))) AS sign_ins,
    countIf((category = 'authentication' AND outcome = 'failure')) AS failed_sign_ins,
    countIf((category = 'data_export' AND outcome = 'success')) AS exports,
    sumIf(records, (category = 'data_export' AND outcome = 'success')) AS exported_records,
    sumIf(bytes, (category = 'data_export' AND outcome = 'success')) AS exported_bytes,
    countIf((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')))) AS privilege_changes,
    countIf((category = 'configuration' AND outcome = 'success')) AS configuration_changes,
    countIf((outcome = 'success' AND category != 'authentication' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))))) AS deletions,
    sumIf(greatest(toUInt64(1), records, toUInt64OrZero(JSONExtractRaw(details, 'count')), toUInt64OrZero(JSONExtractRaw(details, 'deleted')), toUInt64OrZero(JSONExtractRaw(details, 'items'))), (outcome = 'success' AND category != 'authentication' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))))) AS deleted_items
FROM events
GROUP BY tenant, bucket, category, actor;

-- Events stored before the view existed (same cut-off as clickhouse/0006).
INSERT INTO activity_15m
SELECT
    tenant,
    toStartOfFifteenMinutes(occurred_at) AS bucket,
    category,
    if(actor_email != '', lower(actor_email), actor_id) AS actor,
    count() AS events,
    countIf(outcome = 'success') AS ok_events,
    countIf((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)'))) AS sign_ins,
    countIf((category = 'authentication' AND outcome = 'failure')) AS failed_sign_ins,
    countIf((category = 'data_export' AND outcome = 'success')) AS exports,
    sumIf(records, (category = 'data_export' AND outcome = 'success')) AS exported_records,
    sumIf(bytes, (category = 'data_export' AND outcome = 'success')) AS exported_bytes,
    countIf((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')))) AS privilege_changes,
    countIf((category = 'configuration' AND outcome = 'success')) AS configuration_changes,
    countIf((outcome = 'success' AND category != 'authentication' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))))) AS deletions,
    sumIf(greatest(toUInt64(1), records, toUInt64OrZero(JSONExtractRaw(details, 'count')), toUInt64OrZero(JSONExtractRaw(details, 'deleted')), toUInt64OrZero(JSONExtractRaw(details, 'items'))), (outcome = 'success' AND category != 'authentication' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))))) AS deleted_items
FROM events
WHERE received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'activity_15m_mv')
GROUP BY tenant, bucket, category, actor;
