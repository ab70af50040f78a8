-- Not a row per account and quarter hour: with thousands of accounts that is nearly a row per
-- event (977k rows for 1M benchmark events), no faster than the events. Counts per quarter hour
-- and category instead, and the distinct accounts per hour as uniqExact states (below and 0015).

-- Counts of each kind the reports count (the predicates of src/lib/server/queries/event-kinds.ts,
-- copied verbatim; test/unit/report-migrations.test.ts checks it) per tenant, quarter hour and
-- category. Quarter hours, because every time zone in use is offset from UTC by a multiple of 15
-- minutes, so hour and day buckets of any zone are made of whole rollup buckets. Readers sum again
-- (merges are asynchronous) and take the partial quarter hours at either end from the raw events.
CREATE TABLE IF NOT EXISTS activity_totals_15m
(
    tenant LowCardinality(String),
    bucket DateTime('UTC'),
    category LowCardinality(String),
    events UInt64,
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
ORDER BY (tenant, bucket, category)
TTL bucket + toIntervalDay(if(category IN ('authentication', 'authorization', 'data_export'), 365, 90));

CREATE MATERIALIZED VIEW IF NOT EXISTS activity_totals_15m_mv TO activity_totals_15m AS
SELECT
    tenant,
    toStartOfFifteenMinutes(occurred_at) AS bucket,
    category,
    count() AS events,
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
GROUP BY tenant, bucket, category;

INSERT INTO activity_totals_15m
SELECT
    tenant,
    toStartOfFifteenMinutes(occurred_at) AS bucket,
    category,
    count() AS events,
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
WHERE received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'activity_totals_15m_mv')
GROUP BY tenant, bucket, category;

-- Accounts (email, else actor id) with a successful event, per tenant and hour, as exact distinct
-- sets; `security` keeps events of the longer retention apart, so no set outlives its events.
CREATE TABLE IF NOT EXISTS active_accounts_1h
(
    tenant LowCardinality(String),
    hour DateTime('UTC'),
    security UInt8,
    accounts AggregateFunction(uniqExact, String)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (tenant, hour, security)
TTL hour + toIntervalDay(if(security = 1, 365, 90));

CREATE MATERIALIZED VIEW IF NOT EXISTS active_accounts_1h_mv TO active_accounts_1h AS
SELECT
    tenant,
    toStartOfHour(occurred_at) AS hour,
    toUInt8(category IN ('authentication', 'authorization', 'data_export')) AS security,
    uniqExactState(if(actor_email != '', lower(actor_email), actor_id)) AS accounts
FROM events
WHERE outcome = 'success' AND if(actor_email != '', lower(actor_email), actor_id) != ''
GROUP BY tenant, hour, security;

INSERT INTO active_accounts_1h
SELECT
    tenant,
    toStartOfHour(occurred_at) AS hour,
    toUInt8(category IN ('authentication', 'authorization', 'data_export')) AS security,
    uniqExactState(if(actor_email != '', lower(actor_email), actor_id)) AS accounts
FROM events
WHERE outcome = 'success' AND if(actor_email != '', lower(actor_email), actor_id) != '' AND received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'active_accounts_1h_mv')
GROUP BY tenant, hour, security;
