-- The cluster form of the schema (CLICKHOUSE_CLUSTER={cluster}, CLICKHOUSE_DATABASE=trailscope), rendered by clickhouse/cluster.ts.

-- 0001_schema_migrations
CREATE TABLE IF NOT EXISTS schema_migrations_local ON CLUSTER '{cluster}'
(
    version UInt32,
    name String,
    checksum String,
    applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', applied_at)
ORDER BY version;

CREATE TABLE IF NOT EXISTS schema_migrations ON CLUSTER '{cluster}' AS schema_migrations_local
ENGINE = Distributed('{cluster}', 'trailscope', 'schema_migrations_local', cityHash64(version));

-- 0002_events
CREATE TABLE IF NOT EXISTS events_local ON CLUSTER '{cluster}'
(
    tenant LowCardinality(String),
    occurred_at DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    id UUID,
    received_at DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    source LowCardinality(String),
    actor_id String,
    actor_name String,
    actor_email String,
    actor_type LowCardinality(String),
    action String,
    action_key LowCardinality(String),
    category LowCardinality(String),
    outcome Enum8('success' = 1, 'failure' = 2, 'pending' = 3),
    reason String,
    target_type LowCardinality(String),
    target_id String,
    target_name String,
    ip IPv6,
    country LowCardinality(String),
    city LowCardinality(String),
    user_agent String CODEC(ZSTD(3)),
    session_id String,
    request_id String,
    changes String CODEC(ZSTD(3)),
    changed_fields Array(LowCardinality(String)),
    details String CODEC(ZSTD(3)),
    records UInt64,
    bytes UInt64,
    content_hash FixedString(32),
    INDEX idx_actor_id actor_id TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_actor_email lower(actor_email) TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_target_id target_id TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_ip ip TYPE minmax GRANULARITY 1,
    INDEX idx_session session_id TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_id id TYPE bloom_filter(0.001) GRANULARITY 1,
    PROJECTION by_ip (SELECT * ORDER BY tenant, ip, occurred_at)
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (tenant, occurred_at, id)
TTL toDateTime(occurred_at) + toIntervalDay(if(category IN ('authentication', 'authorization', 'data_export'), 365, 90))
SETTINGS index_granularity = 1024;

CREATE TABLE IF NOT EXISTS events ON CLUSTER '{cluster}' AS events_local
ENGINE = Distributed('{cluster}', 'trailscope', 'events_local', cityHash64(tenant, occurred_at, id));

-- 0003_api_keys
CREATE TABLE IF NOT EXISTS api_keys_local ON CLUSTER '{cluster}'
(
    id String,
    name String,
    secret_hash FixedString(64),
    prefix String,
    scopes Array(LowCardinality(String)),
    tenant String,
    created_at DateTime64(3, 'UTC'),
    created_by String,
    revoked_at Nullable(DateTime64(3, 'UTC')),
    version UInt64
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS api_keys ON CLUSTER '{cluster}' AS api_keys_local
ENGINE = Distributed('{cluster}', 'trailscope', 'api_keys_local', cityHash64(id));

-- 0004_ingest_requests
CREATE TABLE IF NOT EXISTS ingest_requests_local ON CLUSTER '{cluster}'
(
    key_id String,
    idempotency_key String,
    body_hash FixedString(64),
    accepted UInt32,
    created_at DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', created_at)
ORDER BY (key_id, idempotency_key)
TTL toDateTime(created_at) + INTERVAL 1 DAY;

CREATE TABLE IF NOT EXISTS ingest_requests ON CLUSTER '{cluster}' AS ingest_requests_local
ENGINE = Distributed('{cluster}', 'trailscope', 'ingest_requests_local', cityHash64(key_id, idempotency_key));

-- 0005_settings
CREATE TABLE IF NOT EXISTS settings_local ON CLUSTER '{cluster}'
(
    key String,
    value String,
    updated_at DateTime64(3, 'UTC'),
    updated_by String
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', updated_at)
ORDER BY key;

CREATE TABLE IF NOT EXISTS settings ON CLUSTER '{cluster}' AS settings_local
ENGINE = Distributed('{cluster}', 'trailscope', 'settings_local', cityHash64(key));

-- 0006_auth_failures_1h
CREATE TABLE IF NOT EXISTS auth_failures_1h_local ON CLUSTER '{cluster}'
(
    tenant LowCardinality(String),
    hour DateTime('UTC'),
    ip IPv6,
    failures SimpleAggregateFunction(sum, UInt64),
    accounts AggregateFunction(uniqExact, String),
    first_seen SimpleAggregateFunction(min, DateTime64(3, 'UTC')),
    last_seen SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
    country SimpleAggregateFunction(anyLast, LowCardinality(String))
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(hour)
ORDER BY (tenant, hour, ip)
TTL hour + INTERVAL 365 DAY;

CREATE TABLE IF NOT EXISTS auth_failures_1h ON CLUSTER '{cluster}' AS auth_failures_1h_local
ENGINE = Distributed('{cluster}', 'trailscope', 'auth_failures_1h_local', cityHash64(tenant, hour, ip));

CREATE MATERIALIZED VIEW IF NOT EXISTS auth_failures_1h_mv ON CLUSTER '{cluster}' TO auth_failures_1h_local AS
SELECT
    tenant,
    toStartOfHour(occurred_at) AS hour,
    ip,
    count() AS failures,
    uniqExactState(if(actor_email != '', lower(actor_email), actor_id)) AS accounts,
    min(occurred_at) AS first_seen,
    max(occurred_at) AS last_seen,
    anyLast(country) AS country
FROM events_local
WHERE category = 'authentication' AND outcome = 'failure' AND ip != toIPv6('::')
GROUP BY tenant, hour, ip;

INSERT INTO auth_failures_1h
SELECT
    tenant,
    toStartOfHour(occurred_at) AS hour,
    ip,
    count(),
    uniqExactState(if(actor_email != '', lower(actor_email), actor_id)),
    min(occurred_at),
    max(occurred_at),
    anyLast(country)
FROM events
WHERE category = 'authentication' AND outcome = 'failure' AND ip != toIPv6('::')
  AND received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'auth_failures_1h_mv')
GROUP BY tenant, hour, ip;

-- 0007_events_volume_1m
CREATE TABLE IF NOT EXISTS events_volume_1m_local ON CLUSTER '{cluster}'
(
    tenant LowCardinality(String),
    minute DateTime('UTC'),
    category LowCardinality(String),
    outcome Enum8('success' = 1, 'failure' = 2, 'pending' = 3),
    events UInt64
)
ENGINE = ReplicatedSummingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(minute)
ORDER BY (tenant, minute, category, outcome)
TTL minute + toIntervalDay(if(category IN ('authentication', 'authorization', 'data_export'), 365, 90));

CREATE TABLE IF NOT EXISTS events_volume_1m ON CLUSTER '{cluster}' AS events_volume_1m_local
ENGINE = Distributed('{cluster}', 'trailscope', 'events_volume_1m_local', cityHash64(tenant, minute, category, outcome));

CREATE MATERIALIZED VIEW IF NOT EXISTS events_volume_1m_mv ON CLUSTER '{cluster}' TO events_volume_1m_local AS
SELECT tenant, toStartOfMinute(occurred_at) AS minute, category, outcome, count() AS events
FROM events_local
GROUP BY tenant, minute, category, outcome;

INSERT INTO events_volume_1m
SELECT tenant, toStartOfMinute(occurred_at) AS minute, category, outcome, count()
FROM events
WHERE received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'events_volume_1m_mv')
GROUP BY tenant, minute, category, outcome;

-- 0008_archive_runs
CREATE TABLE IF NOT EXISTS archive_runs_local ON CLUSTER '{cluster}'
(
    day Date,
    retention_class LowCardinality(String),
    events UInt64,
    file String,
    sha256 String,
    archived_at DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', archived_at)
ORDER BY (day, retention_class);

CREATE TABLE IF NOT EXISTS archive_runs ON CLUSTER '{cluster}' AS archive_runs_local
ENGINE = Distributed('{cluster}', 'trailscope', 'archive_runs_local', cityHash64(day, retention_class));

-- 0009_users
CREATE TABLE IF NOT EXISTS users_local ON CLUSTER '{cluster}'
(
    id String,
    email String,
    name String,
    role Enum8('admin' = 1, 'analyst' = 2, 'auditor' = 3, 'member' = 4),
    tenants Array(String),
    password_hash String,
    active Bool,
    created_at DateTime64(3, 'UTC'),
    updated_at DateTime64(3, 'UTC'),
    version UInt64
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS users ON CLUSTER '{cluster}' AS users_local
ENGINE = Distributed('{cluster}', 'trailscope', 'users_local', cityHash64(id));

-- 0010_sessions
CREATE TABLE IF NOT EXISTS sessions_local ON CLUSTER '{cluster}'
(
    token_hash String,
    user_id String,
    created_at DateTime64(3, 'UTC'),
    last_seen_at DateTime64(3, 'UTC'),
    expires_at DateTime64(3, 'UTC'),
    revoked Bool,
    ip String,
    user_agent String,
    version UInt64
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', version)
ORDER BY token_hash
TTL toDateTime(expires_at) + INTERVAL 7 DAY;

CREATE TABLE IF NOT EXISTS sessions ON CLUSTER '{cluster}' AS sessions_local
ENGINE = Distributed('{cluster}', 'trailscope', 'sessions_local', cityHash64(token_hash));

-- 0011_api_key_usage
CREATE TABLE IF NOT EXISTS api_key_usage_local ON CLUSTER '{cluster}'
(
    key_id String,
    last_used_at DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', last_used_at)
ORDER BY key_id;

CREATE TABLE IF NOT EXISTS api_key_usage ON CLUSTER '{cluster}' AS api_key_usage_local
ENGINE = Distributed('{cluster}', 'trailscope', 'api_key_usage_local', cityHash64(key_id));

-- 0013_security_events
CREATE TABLE IF NOT EXISTS security_events_local ON CLUSTER '{cluster}'
(
    tenant LowCardinality(String),
    kind Enum8('sign_in' = 1, 'export' = 2, 'privilege_change' = 3, 'config_change' = 4, 'deletion' = 5),
    occurred_at DateTime64(3, 'UTC'),
    id UUID,
    category LowCardinality(String),
    actor String,
    actor_name String,
    action String,
    action_key LowCardinality(String),
    ip IPv6,
    country LowCardinality(String),
    target_type LowCardinality(String),
    target_id String,
    target_name String,
    records UInt64,
    bytes UInt64,
    items UInt64,
    elevation UInt8,
    changed_fields Array(LowCardinality(String)),
    changes String CODEC(ZSTD(3))
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (tenant, kind, occurred_at, id)
TTL toDateTime(occurred_at) + toIntervalDay(if(category IN ('authentication', 'authorization', 'data_export'), 365, 90));

CREATE TABLE IF NOT EXISTS security_events ON CLUSTER '{cluster}' AS security_events_local
ENGINE = Distributed('{cluster}', 'trailscope', 'security_events_local', cityHash64(tenant, kind, occurred_at, id));

CREATE MATERIALIZED VIEW IF NOT EXISTS security_events_mv ON CLUSTER '{cluster}' TO security_events_local AS
SELECT
    tenant,
    kind,
    occurred_at,
    id,
    category,
    if(actor_email != '', lower(actor_email), actor_id) AS actor,
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
    if(kind = 'deletion', greatest(toUInt64(1), records, toUInt64OrZero(JSONExtractRaw(details, 'count')), toUInt64OrZero(JSONExtractRaw(details, 'deleted')), toUInt64OrZero(JSONExtractRaw(details, 'items'))), 0) AS items,
    if(kind = 'privilege_change', toUInt8(((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup'))) AND (match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access') OR match(action_key, 'promot|make_admin|add_admin|grant_admin|administratoraccess') OR positionCaseInsensitive(details, 'administratoraccess') > 0))), 0) AS elevation,
    changed_fields,
    if(kind IN ('privilege_change', 'config_change', 'deletion'), changes, '') AS changes
FROM events_local
ARRAY JOIN arrayFilter(k -> k != '', [if((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)')), 'sign_in', ''), if((category = 'data_export' AND outcome = 'success'), 'export', ''), if((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup'))), 'privilege_change', ''), if((category = 'configuration' AND outcome = 'success'), 'config_change', ''), if((outcome = 'success' AND category != 'authentication' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after')))), 'deletion', '')]) AS kind
WHERE (category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)')) OR (category = 'data_export' AND outcome = 'success') OR (outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup'))) OR (category = 'configuration' AND outcome = 'success') OR (outcome = 'success' AND category != 'authentication' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))))
SETTINGS prefer_column_name_to_alias = 1;

INSERT INTO security_events
SELECT
    tenant,
    kind,
    occurred_at,
    id,
    category,
    if(actor_email != '', lower(actor_email), actor_id) AS actor,
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
    if(kind = 'deletion', greatest(toUInt64(1), records, toUInt64OrZero(JSONExtractRaw(details, 'count')), toUInt64OrZero(JSONExtractRaw(details, 'deleted')), toUInt64OrZero(JSONExtractRaw(details, 'items'))), 0) AS items,
    if(kind = 'privilege_change', toUInt8(((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup'))) AND (match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access') OR match(action_key, 'promot|make_admin|add_admin|grant_admin|administratoraccess') OR positionCaseInsensitive(details, 'administratoraccess') > 0))), 0) AS elevation,
    changed_fields,
    if(kind IN ('privilege_change', 'config_change', 'deletion'), changes, '') AS changes
FROM events
ARRAY JOIN arrayFilter(k -> k != '', [if((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)')), 'sign_in', ''), if((category = 'data_export' AND outcome = 'success'), 'export', ''), if((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup'))), 'privilege_change', ''), if((category = 'configuration' AND outcome = 'success'), 'config_change', ''), if((outcome = 'success' AND category != 'authentication' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after')))), 'deletion', '')]) AS kind
WHERE ((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)')) OR (category = 'data_export' AND outcome = 'success') OR (outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup'))) OR (category = 'configuration' AND outcome = 'success') OR (outcome = 'success' AND category != 'authentication' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after')))))
  AND received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'security_events_mv')
SETTINGS prefer_column_name_to_alias = 1;

-- 0014_activity_totals
CREATE TABLE IF NOT EXISTS activity_totals_15m_local ON CLUSTER '{cluster}'
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
ENGINE = ReplicatedSummingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(bucket)
ORDER BY (tenant, bucket, category)
TTL bucket + toIntervalDay(if(category IN ('authentication', 'authorization', 'data_export'), 365, 90));

CREATE TABLE IF NOT EXISTS activity_totals_15m ON CLUSTER '{cluster}' AS activity_totals_15m_local
ENGINE = Distributed('{cluster}', 'trailscope', 'activity_totals_15m_local', cityHash64(tenant, bucket, category));

CREATE MATERIALIZED VIEW IF NOT EXISTS activity_totals_15m_mv ON CLUSTER '{cluster}' TO activity_totals_15m_local AS
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
FROM events_local
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

CREATE TABLE IF NOT EXISTS active_accounts_1h_local ON CLUSTER '{cluster}'
(
    tenant LowCardinality(String),
    hour DateTime('UTC'),
    security UInt8,
    accounts AggregateFunction(uniqExact, String)
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(hour)
ORDER BY (tenant, hour, security)
TTL hour + toIntervalDay(if(security = 1, 365, 90));

CREATE TABLE IF NOT EXISTS active_accounts_1h ON CLUSTER '{cluster}' AS active_accounts_1h_local
ENGINE = Distributed('{cluster}', 'trailscope', 'active_accounts_1h_local', cityHash64(tenant, hour, security));

CREATE MATERIALIZED VIEW IF NOT EXISTS active_accounts_1h_mv ON CLUSTER '{cluster}' TO active_accounts_1h_local AS
SELECT
    tenant,
    toStartOfHour(occurred_at) AS hour,
    toUInt8(category IN ('authentication', 'authorization', 'data_export')) AS security,
    uniqExactState(if(actor_email != '', lower(actor_email), actor_id)) AS accounts
FROM events_local
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

-- 0015_active_accounts_1d
CREATE TABLE IF NOT EXISTS active_accounts_1d_local ON CLUSTER '{cluster}'
(
    tenant LowCardinality(String),
    day DateTime('UTC'),
    security UInt8,
    accounts AggregateFunction(uniqExact, String)
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(day)
ORDER BY (tenant, day, security)
TTL day + toIntervalDay(if(security = 1, 365, 90));

CREATE TABLE IF NOT EXISTS active_accounts_1d ON CLUSTER '{cluster}' AS active_accounts_1d_local
ENGINE = Distributed('{cluster}', 'trailscope', 'active_accounts_1d_local', cityHash64(tenant, day, security));

CREATE MATERIALIZED VIEW IF NOT EXISTS active_accounts_1d_mv ON CLUSTER '{cluster}' TO active_accounts_1d_local AS
SELECT
    tenant,
    toDateTime(toStartOfDay(occurred_at, 'UTC'), 'UTC') AS day,
    toUInt8(category IN ('authentication', 'authorization', 'data_export')) AS security,
    uniqExactState(if(actor_email != '', lower(actor_email), actor_id)) AS accounts
FROM events_local
WHERE outcome = 'success' AND if(actor_email != '', lower(actor_email), actor_id) != ''
GROUP BY tenant, day, security;

INSERT INTO active_accounts_1d
SELECT
    tenant,
    toDateTime(toStartOfDay(occurred_at, 'UTC'), 'UTC') AS day,
    toUInt8(category IN ('authentication', 'authorization', 'data_export')) AS security,
    uniqExactState(if(actor_email != '', lower(actor_email), actor_id)) AS accounts
FROM events
WHERE outcome = 'success' AND if(actor_email != '', lower(actor_email), actor_id) != ''
  AND received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'active_accounts_1d_mv')
GROUP BY tenant, day, security;

-- 0016_event_kinds_v2
DROP VIEW IF EXISTS security_events_mv ON CLUSTER '{cluster}' SYNC;

TRUNCATE TABLE IF EXISTS security_events_local ON CLUSTER '{cluster}';

CREATE MATERIALIZED VIEW IF NOT EXISTS security_events_mv ON CLUSTER '{cluster}' TO security_events_local AS
SELECT
    tenant,
    kind,
    occurred_at,
    id,
    category,
    if(actor_email != '', lower(actor_email), actor_id) AS actor,
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
    if(kind = 'deletion', greatest(toUInt64(1), records, toUInt64OrZero(JSONExtractRaw(details, 'count')), toUInt64OrZero(JSONExtractRaw(details, 'deleted')), toUInt64OrZero(JSONExtractRaw(details, 'items'))), 0) AS items,
    if(kind = 'privilege_change', toUInt8(((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access'))) AND (match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access') OR match(action_key, 'promot|make_admin|add_admin|grant_admin|invite_admin|administratoraccess') OR positionCaseInsensitive(details, 'administratoraccess') > 0))), 0) AS elevation,
    changed_fields,
    if(kind IN ('privilege_change', 'config_change', 'deletion'), changes, '') AS changes
FROM events_local
ARRAY JOIN arrayFilter(k -> k != '', [if((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin') OR match(action, '[a-z0-9](Login|Logon|SignIn|Signin)$')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)') AND NOT match(action_key, '(^|[^a-z])(fail|denied|deny|blocked|rejected|invalid)')), 'sign_in', ''), if((category = 'data_export' AND outcome = 'success'), 'export', ''), if((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access'))), 'privilege_change', ''), if((category = 'configuration' AND outcome = 'success'), 'config_change', ''), if((outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))))), 'deletion', '')]) AS kind
WHERE ((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin') OR match(action, '[a-z0-9](Login|Logon|SignIn|Signin)$')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)') AND NOT match(action_key, '(^|[^a-z])(fail|denied|deny|blocked|rejected|invalid)')) OR (category = 'data_export' AND outcome = 'success') OR (outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access'))) OR (category = 'configuration' AND outcome = 'success') OR (outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))))))
SETTINGS prefer_column_name_to_alias = 1;

INSERT INTO security_events
SELECT
    tenant,
    kind,
    occurred_at,
    id,
    category,
    if(actor_email != '', lower(actor_email), actor_id) AS actor,
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
    if(kind = 'deletion', greatest(toUInt64(1), records, toUInt64OrZero(JSONExtractRaw(details, 'count')), toUInt64OrZero(JSONExtractRaw(details, 'deleted')), toUInt64OrZero(JSONExtractRaw(details, 'items'))), 0) AS items,
    if(kind = 'privilege_change', toUInt8(((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access'))) AND (match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access') OR match(action_key, 'promot|make_admin|add_admin|grant_admin|invite_admin|administratoraccess') OR positionCaseInsensitive(details, 'administratoraccess') > 0))), 0) AS elevation,
    changed_fields,
    if(kind IN ('privilege_change', 'config_change', 'deletion'), changes, '') AS changes
FROM events
ARRAY JOIN arrayFilter(k -> k != '', [if((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin') OR match(action, '[a-z0-9](Login|Logon|SignIn|Signin)$')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)') AND NOT match(action_key, '(^|[^a-z])(fail|denied|deny|blocked|rejected|invalid)')), 'sign_in', ''), if((category = 'data_export' AND outcome = 'success'), 'export', ''), if((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access'))), 'privilege_change', ''), if((category = 'configuration' AND outcome = 'success'), 'config_change', ''), if((outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))))), 'deletion', '')]) AS kind
WHERE ((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin') OR match(action, '[a-z0-9](Login|Logon|SignIn|Signin)$')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)') AND NOT match(action_key, '(^|[^a-z])(fail|denied|deny|blocked|rejected|invalid)')) OR (category = 'data_export' AND outcome = 'success') OR (outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access'))) OR (category = 'configuration' AND outcome = 'success') OR (outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))))))
  AND received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'security_events_mv')
SETTINGS prefer_column_name_to_alias = 1;

DROP VIEW IF EXISTS activity_totals_15m_mv ON CLUSTER '{cluster}' SYNC;

TRUNCATE TABLE IF EXISTS activity_totals_15m_local ON CLUSTER '{cluster}';

CREATE MATERIALIZED VIEW IF NOT EXISTS activity_totals_15m_mv ON CLUSTER '{cluster}' TO activity_totals_15m_local AS
SELECT
    tenant,
    toStartOfFifteenMinutes(occurred_at) AS bucket,
    category,
    count() AS events,
    countIf((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin') OR match(action, '[a-z0-9](Login|Logon|SignIn|Signin)$')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)') AND NOT match(action_key, '(^|[^a-z])(fail|denied|deny|blocked|rejected|invalid)'))) AS sign_ins,
    countIf((category = 'authentication' AND outcome = 'failure')) AS failed_sign_ins,
    countIf((category = 'data_export' AND outcome = 'success')) AS exports,
    sumIf(records, (category = 'data_export' AND outcome = 'success')) AS exported_records,
    sumIf(bytes, (category = 'data_export' AND outcome = 'success')) AS exported_bytes,
    countIf((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access')))) AS privilege_changes,
    countIf((category = 'configuration' AND outcome = 'success')) AS configuration_changes,
    countIf((outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after')))))) AS deletions,
    sumIf(greatest(toUInt64(1), records, toUInt64OrZero(JSONExtractRaw(details, 'count')), toUInt64OrZero(JSONExtractRaw(details, 'deleted')), toUInt64OrZero(JSONExtractRaw(details, 'items'))), (outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after')))))) AS deleted_items
FROM events_local
GROUP BY tenant, bucket, category;

INSERT INTO activity_totals_15m
SELECT
    tenant,
    toStartOfFifteenMinutes(occurred_at) AS bucket,
    category,
    count() AS events,
    countIf((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin') OR match(action, '[a-z0-9](Login|Logon|SignIn|Signin)$')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)') AND NOT match(action_key, '(^|[^a-z])(fail|denied|deny|blocked|rejected|invalid)'))) AS sign_ins,
    countIf((category = 'authentication' AND outcome = 'failure')) AS failed_sign_ins,
    countIf((category = 'data_export' AND outcome = 'success')) AS exports,
    sumIf(records, (category = 'data_export' AND outcome = 'success')) AS exported_records,
    sumIf(bytes, (category = 'data_export' AND outcome = 'success')) AS exported_bytes,
    countIf((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access')))) AS privilege_changes,
    countIf((category = 'configuration' AND outcome = 'success')) AS configuration_changes,
    countIf((outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after')))))) AS deletions,
    sumIf(greatest(toUInt64(1), records, toUInt64OrZero(JSONExtractRaw(details, 'count')), toUInt64OrZero(JSONExtractRaw(details, 'deleted')), toUInt64OrZero(JSONExtractRaw(details, 'items'))), (outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after')))))) AS deleted_items
FROM events
WHERE received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'activity_totals_15m_mv')
GROUP BY tenant, bucket, category;

-- 0020_rules
CREATE TABLE IF NOT EXISTS rules_local ON CLUSTER '{cluster}'
(
    id String,
    version UInt64,
    definition String,
    updated_at DateTime64(3, 'UTC'),
    updated_by String
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
ORDER BY (id, version);

CREATE TABLE IF NOT EXISTS rules ON CLUSTER '{cluster}' AS rules_local
ENGINE = Distributed('{cluster}', 'trailscope', 'rules_local', cityHash64(id, version));

-- 0021_rule_runs
CREATE TABLE IF NOT EXISTS rule_runs_local ON CLUSTER '{cluster}'
(
    rule_id LowCardinality(String),
    tenant LowCardinality(String),
    window_from DateTime64(3, 'UTC'),
    window_to DateTime64(3, 'UTC'),
    windows UInt32,
    started_at DateTime64(3, 'UTC'),
    duration_ms UInt32,
    alerts_raised UInt32,
    alerts_extended UInt32,
    error String,
    skipped_from Nullable(DateTime64(3, 'UTC')),
    skipped_windows UInt32
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
ORDER BY (rule_id, tenant, started_at)
TTL toDateTime(started_at) + INTERVAL 90 DAY;

CREATE TABLE IF NOT EXISTS rule_runs ON CLUSTER '{cluster}' AS rule_runs_local
ENGINE = Distributed('{cluster}', 'trailscope', 'rule_runs_local', cityHash64(rule_id, tenant, started_at));

-- 0022_alerts
CREATE TABLE IF NOT EXISTS alerts_local ON CLUSTER '{cluster}'
(
    tenant LowCardinality(String),
    id String,
    rule_id LowCardinality(String),
    rule_name String,
    severity Enum8('low' = 1, 'medium' = 2, 'high' = 3, 'critical' = 4),
    status Enum8('open' = 1, 'acknowledged' = 2, 'resolved' = 3),
    group_fields Array(String),
    group_values Array(String),
    group_key String,
    count Float64,
    threshold Float64,
    window_start DateTime64(3, 'UTC'),
    window_end DateTime64(3, 'UTC'),
    first_seen DateTime64(3, 'UTC'),
    last_seen DateTime64(3, 'UTC'),
    event_ids Array(String),
    created_at DateTime64(3, 'UTC'),
    updated_at DateTime64(3, 'UTC'),
    status_by String,
    status_comment String,
    status_at Nullable(DateTime64(3, 'UTC')),
    version UInt64
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', version)
ORDER BY (tenant, id);

CREATE TABLE IF NOT EXISTS alerts ON CLUSTER '{cluster}' AS alerts_local
ENGINE = Distributed('{cluster}', 'trailscope', 'alerts_local', cityHash64(tenant, id));

-- 0023_notifications
CREATE TABLE IF NOT EXISTS notifications_local ON CLUSTER '{cluster}'
(
    id String,
    tenant LowCardinality(String),
    kind LowCardinality(String),
    alert_ids Array(String),
    recipients Array(String),
    subject String,
    text String CODEC(ZSTD(3)),
    html String CODEC(ZSTD(3)),
    status Enum8('pending' = 1, 'sent' = 2),
    attempts UInt32,
    next_attempt_at DateTime64(3, 'UTC'),
    last_error String,
    message_id String,
    created_at DateTime64(3, 'UTC'),
    sent_at Nullable(DateTime64(3, 'UTC')),
    version UInt64
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS notifications ON CLUSTER '{cluster}' AS notifications_local
ENGINE = Distributed('{cluster}', 'trailscope', 'notifications_local', cityHash64(id));

-- 0030_event_lookups
ALTER TABLE events_local ON CLUSTER '{cluster}' DROP PROJECTION IF EXISTS by_ip;

CREATE TABLE IF NOT EXISTS events_by_ip_local ON CLUSTER '{cluster}'
(
    tenant LowCardinality(String),
    ip IPv6,
    occurred_at DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    id UUID,
    category LowCardinality(String)
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (tenant, ip, occurred_at, id)
TTL toDateTime(occurred_at) + toIntervalDay(if(category IN ('authentication', 'authorization', 'data_export'), 365, 90));

CREATE TABLE IF NOT EXISTS events_by_ip ON CLUSTER '{cluster}' AS events_by_ip_local
ENGINE = Distributed('{cluster}', 'trailscope', 'events_by_ip_local', cityHash64(tenant, ip, occurred_at, id));

CREATE MATERIALIZED VIEW IF NOT EXISTS events_by_ip_mv ON CLUSTER '{cluster}' TO events_by_ip_local AS
SELECT tenant, ip, occurred_at, id, category FROM events_local;

CREATE TABLE IF NOT EXISTS events_by_actor_local ON CLUSTER '{cluster}'
(
    tenant LowCardinality(String),
    kind Enum8('id' = 1, 'email' = 2),
    actor String,
    occurred_at DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    id UUID,
    category LowCardinality(String)
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (tenant, kind, actor, occurred_at, id)
TTL toDateTime(occurred_at) + toIntervalDay(if(category IN ('authentication', 'authorization', 'data_export'), 365, 90));

CREATE TABLE IF NOT EXISTS events_by_actor ON CLUSTER '{cluster}' AS events_by_actor_local
ENGINE = Distributed('{cluster}', 'trailscope', 'events_by_actor_local', cityHash64(tenant, kind, actor, occurred_at, id));

CREATE MATERIALIZED VIEW IF NOT EXISTS events_by_actor_mv ON CLUSTER '{cluster}' TO events_by_actor_local AS
SELECT tenant, k.1 AS kind, k.2 AS actor, occurred_at, id, category
FROM events_local
ARRAY JOIN arrayFilter(x -> x.2 != '', [tuple('id', actor_id), tuple('email', lower(actor_email))]) AS k;

INSERT INTO events_by_ip
SELECT tenant, ip, occurred_at, id, category FROM events
WHERE received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'events_by_ip_mv');

INSERT INTO events_by_actor
SELECT tenant, k.1 AS kind, k.2 AS actor, occurred_at, id, category
FROM events
ARRAY JOIN arrayFilter(x -> x.2 != '', [tuple('id', actor_id), tuple('email', lower(actor_email))]) AS k
WHERE received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'events_by_actor_mv');

-- 0031_events_small_blocks
ALTER TABLE events_local ON CLUSTER '{cluster}' MODIFY SETTING min_compress_block_size = 4096;

-- 0040_report_runs
CREATE TABLE IF NOT EXISTS report_runs_local ON CLUSTER '{cluster}'
(
    tenant LowCardinality(String),
    month LowCardinality(String),
    send_no UInt16,
    kind LowCardinality(String),
    status LowCardinality(String),
    attempts UInt16,
    recipients Array(String),
    message_id String,
    error String,
    requested_by String,
    summary String CODEC(ZSTD(3)),
    digest String,
    created_at DateTime64(3, 'UTC'),
    sent_at Nullable(DateTime64(3, 'UTC')),
    updated_at DateTime64(3, 'UTC'),
    version UInt64
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', version)
ORDER BY (tenant, month, send_no);

CREATE TABLE IF NOT EXISTS report_runs ON CLUSTER '{cluster}' AS report_runs_local
ENGINE = Distributed('{cluster}', 'trailscope', 'report_runs_local', cityHash64(tenant, month, send_no));

CREATE TABLE IF NOT EXISTS report_claims_local ON CLUSTER '{cluster}'
(
    tenant LowCardinality(String),
    month LowCardinality(String),
    send_no UInt16,
    attempt UInt16,
    holder String,
    claimed_at DateTime64(3, 'UTC'),
    rank UInt64
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', rank)
ORDER BY (tenant, month, send_no, attempt)
TTL toDateTime(claimed_at) + INTERVAL 400 DAY;

CREATE TABLE IF NOT EXISTS report_claims ON CLUSTER '{cluster}' AS report_claims_local
ENGINE = Distributed('{cluster}', 'trailscope', 'report_claims_local', cityHash64(tenant, month, send_no, attempt));

-- 0041_alert_history
CREATE TABLE IF NOT EXISTS alert_history_local ON CLUSTER '{cluster}'
(
    tenant LowCardinality(String),
    alert_id String,
    at DateTime64(3, 'UTC'),
    id String,
    action Enum8('acknowledged' = 1, 'resolved' = 2, 'reopened' = 3, 'commented' = 4),
    by_id String,
    by_name String,
    comment String
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
ORDER BY (tenant, alert_id, at, id);

CREATE TABLE IF NOT EXISTS alert_history ON CLUSTER '{cluster}' AS alert_history_local
ENGINE = Distributed('{cluster}', 'trailscope', 'alert_history_local', cityHash64(tenant, alert_id, at, id));

-- 0050_rule_arrivals
ALTER TABLE rule_runs_local ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS arrived_to DateTime64(3, 'UTC') DEFAULT window_to;

ALTER TABLE rule_runs ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS arrived_to DateTime64(3, 'UTC') DEFAULT window_to;

ALTER TABLE events_local ON CLUSTER '{cluster}' ADD INDEX IF NOT EXISTS idx_received received_at TYPE minmax GRANULARITY 1;

ALTER TABLE events_local ON CLUSTER '{cluster}' MATERIALIZE INDEX idx_received;

-- 0051_alert_evidence
ALTER TABLE alerts_local ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS evidence_count UInt64 DEFAULT 0;

ALTER TABLE alerts ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS evidence_count UInt64 DEFAULT 0;

ALTER TABLE alerts_local ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS group_labels Array(String) DEFAULT group_values;

ALTER TABLE alerts ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS group_labels Array(String) DEFAULT group_values;

ALTER TABLE alerts_local ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS incident_id String DEFAULT id;

ALTER TABLE alerts ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS incident_id String DEFAULT id;

ALTER TABLE alerts_local ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS evidence_query String DEFAULT '';

ALTER TABLE alerts ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS evidence_query String DEFAULT '';

ALTER TABLE notifications_local ON CLUSTER '{cluster}' MODIFY COLUMN status Enum8('pending' = 1, 'sent' = 2, 'no_recipients' = 3);

ALTER TABLE notifications ON CLUSTER '{cluster}' MODIFY COLUMN status Enum8('pending' = 1, 'sent' = 2, 'no_recipients' = 3);

-- 0060_full_content_hash
ALTER TABLE events_local ON CLUSTER '{cluster}' MODIFY COLUMN content_hash FixedString(64);

ALTER TABLE events ON CLUSTER '{cluster}' MODIFY COLUMN content_hash FixedString(64);

ALTER TABLE events_local ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS hash_form UInt8 DEFAULT 1;

ALTER TABLE events ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS hash_form UInt8 DEFAULT 1;

-- 0061_seals
CREATE TABLE IF NOT EXISTS seals_local ON CLUSTER '{cluster}'
(
    tenant LowCardinality(String),
    seq UInt64,
    period_start DateTime64(3, 'UTC'),
    period_end DateTime64(3, 'UTC'),
    kind Enum8('period' = 1, 'amendment' = 2),
    received_from DateTime64(3, 'UTC'),
    received_to DateTime64(3, 'UTC'),
    events UInt64,
    root FixedString(64),
    prev_hash FixedString(64),
    sealed_at DateTime64(3, 'UTC'),
    key_id String,
    signature String,
    hash FixedString(64)
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
ORDER BY (tenant, seq);

CREATE TABLE IF NOT EXISTS seals ON CLUSTER '{cluster}' AS seals_local
ENGINE = Distributed('{cluster}', 'trailscope', 'seals_local', cityHash64(tenant, seq));

-- 0062_seal_leaves
CREATE TABLE IF NOT EXISTS seal_leaves_local ON CLUSTER '{cluster}'
(
    tenant LowCardinality(String),
    seq UInt64,
    period_start DateTime64(3, 'UTC'),
    ids Array(UUID),
    leaf_prefixes Array(FixedString(16)) CODEC(ZSTD(1))
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
ORDER BY (tenant, seq)
TTL toDateTime(period_start) + toIntervalDay(400);

CREATE TABLE IF NOT EXISTS seal_leaves ON CLUSTER '{cluster}' AS seal_leaves_local
ENGINE = Distributed('{cluster}', 'trailscope', 'seal_leaves_local', cityHash64(tenant, seq));

-- 0071_drop_replaced_skip_indexes
ALTER TABLE events_local ON CLUSTER '{cluster}' DROP INDEX IF EXISTS idx_actor_id;

ALTER TABLE events_local ON CLUSTER '{cluster}' DROP INDEX IF EXISTS idx_actor_email;

ALTER TABLE events_local ON CLUSTER '{cluster}' DROP INDEX IF EXISTS idx_target_id;

ALTER TABLE events_local ON CLUSTER '{cluster}' DROP INDEX IF EXISTS idx_ip;

ALTER TABLE events_local ON CLUSTER '{cluster}' DROP INDEX IF EXISTS idx_session;

-- 0090_schema_views
CREATE TABLE IF NOT EXISTS schema_views_local ON CLUSTER '{cluster}'
(
    name String,
    checksum String,
    applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', applied_at)
ORDER BY name;

CREATE TABLE IF NOT EXISTS schema_views ON CLUSTER '{cluster}' AS schema_views_local
ENGINE = Distributed('{cluster}', 'trailscope', 'schema_views_local', cityHash64(name));

-- view auth_failures_1h_mv (kind-views.ts)
DROP VIEW IF EXISTS auth_failures_1h_mv ON CLUSTER '{cluster}' SYNC;

TRUNCATE TABLE IF EXISTS auth_failures_1h_local ON CLUSTER '{cluster}';

CREATE MATERIALIZED VIEW IF NOT EXISTS auth_failures_1h_mv ON CLUSTER '{cluster}' TO auth_failures_1h_local AS
SELECT
    tenant,
    toStartOfHour(occurred_at) AS hour,
    ip,
    count() AS failures,
    uniqExactState(if(actor_email != '', lower(actor_email), actor_id)) AS accounts,
    min(occurred_at) AS first_seen,
    max(occurred_at) AS last_seen,
    anyLast(country) AS country
FROM events_local
WHERE (category = 'authentication' AND outcome = 'failure') AND ip != toIPv6('::')
GROUP BY tenant, hour, ip;

INSERT INTO auth_failures_1h
SELECT
    tenant,
    toStartOfHour(occurred_at) AS hour,
    ip,
    count() AS failures,
    uniqExactState(if(actor_email != '', lower(actor_email), actor_id)) AS accounts,
    min(occurred_at) AS first_seen,
    max(occurred_at) AS last_seen,
    anyLast(country) AS country
FROM events
WHERE (category = 'authentication' AND outcome = 'failure') AND ip != toIPv6('::')
  AND received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'auth_failures_1h_mv')
GROUP BY tenant, hour, ip;

-- view security_events_mv (kind-views.ts)
DROP VIEW IF EXISTS security_events_mv ON CLUSTER '{cluster}' SYNC;

TRUNCATE TABLE IF EXISTS security_events_local ON CLUSTER '{cluster}';

CREATE MATERIALIZED VIEW IF NOT EXISTS security_events_mv ON CLUSTER '{cluster}' TO security_events_local AS
SELECT
    tenant,
    kind,
    occurred_at,
    id,
    category,
    if(actor_email != '', lower(actor_email), actor_id) AS actor,
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
    if(kind = 'deletion', greatest(toUInt64(1), records, toUInt64OrZero(JSONExtractRaw(details, 'count')), toUInt64OrZero(JSONExtractRaw(details, 'deleted')), toUInt64OrZero(JSONExtractRaw(details, 'items'))), 0) AS items,
    if(kind = 'privilege_change', toUInt8(((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access'))) AND (match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access') OR match(action_key, 'promot|make_admin|add_admin|grant_admin|invite_admin|administratoraccess') OR positionCaseInsensitive(details, 'administratoraccess') > 0))), 0) AS elevation,
    changed_fields,
    if(kind IN ('privilege_change', 'config_change', 'deletion'), changes, '') AS changes
FROM events_local
ARRAY JOIN arrayFilter(k -> k != '', [if((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin') OR match(action, '[a-z0-9](Login|Logon|SignIn|Signin)$')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)') AND NOT match(action_key, '(^|[^a-z])(fail|denied|deny|blocked|rejected|invalid)')), 'sign_in', ''), if((category = 'data_export' AND outcome = 'success'), 'export', ''), if((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access'))), 'privilege_change', ''), if((category = 'configuration' AND outcome = 'success'), 'config_change', ''), if((outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))))), 'deletion', '')]) AS kind
WHERE ((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin') OR match(action, '[a-z0-9](Login|Logon|SignIn|Signin)$')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)') AND NOT match(action_key, '(^|[^a-z])(fail|denied|deny|blocked|rejected|invalid)')) OR (category = 'data_export' AND outcome = 'success') OR (outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access'))) OR (category = 'configuration' AND outcome = 'success') OR (outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))))))
SETTINGS prefer_column_name_to_alias = 1;

INSERT INTO security_events
SELECT
    tenant,
    kind,
    occurred_at,
    id,
    category,
    if(actor_email != '', lower(actor_email), actor_id) AS actor,
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
    if(kind = 'deletion', greatest(toUInt64(1), records, toUInt64OrZero(JSONExtractRaw(details, 'count')), toUInt64OrZero(JSONExtractRaw(details, 'deleted')), toUInt64OrZero(JSONExtractRaw(details, 'items'))), 0) AS items,
    if(kind = 'privilege_change', toUInt8(((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access'))) AND (match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access') OR match(action_key, 'promot|make_admin|add_admin|grant_admin|invite_admin|administratoraccess') OR positionCaseInsensitive(details, 'administratoraccess') > 0))), 0) AS elevation,
    changed_fields,
    if(kind IN ('privilege_change', 'config_change', 'deletion'), changes, '') AS changes
FROM events
ARRAY JOIN arrayFilter(k -> k != '', [if((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin') OR match(action, '[a-z0-9](Login|Logon|SignIn|Signin)$')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)') AND NOT match(action_key, '(^|[^a-z])(fail|denied|deny|blocked|rejected|invalid)')), 'sign_in', ''), if((category = 'data_export' AND outcome = 'success'), 'export', ''), if((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access'))), 'privilege_change', ''), if((category = 'configuration' AND outcome = 'success'), 'config_change', ''), if((outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))))), 'deletion', '')]) AS kind
WHERE ((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin') OR match(action, '[a-z0-9](Login|Logon|SignIn|Signin)$')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)') AND NOT match(action_key, '(^|[^a-z])(fail|denied|deny|blocked|rejected|invalid)')) OR (category = 'data_export' AND outcome = 'success') OR (outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access'))) OR (category = 'configuration' AND outcome = 'success') OR (outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))))))
  AND received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'security_events_mv')
SETTINGS prefer_column_name_to_alias = 1;

-- view activity_totals_15m_mv (kind-views.ts)
DROP VIEW IF EXISTS activity_totals_15m_mv ON CLUSTER '{cluster}' SYNC;

TRUNCATE TABLE IF EXISTS activity_totals_15m_local ON CLUSTER '{cluster}';

CREATE MATERIALIZED VIEW IF NOT EXISTS activity_totals_15m_mv ON CLUSTER '{cluster}' TO activity_totals_15m_local AS
SELECT
    tenant,
    toStartOfFifteenMinutes(occurred_at) AS bucket,
    category,
    count() AS events,
    countIf((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin') OR match(action, '[a-z0-9](Login|Logon|SignIn|Signin)$')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)') AND NOT match(action_key, '(^|[^a-z])(fail|denied|deny|blocked|rejected|invalid)'))) AS sign_ins,
    countIf((category = 'authentication' AND outcome = 'failure')) AS failed_sign_ins,
    countIf((category = 'data_export' AND outcome = 'success')) AS exports,
    sumIf(records, (category = 'data_export' AND outcome = 'success')) AS exported_records,
    sumIf(bytes, (category = 'data_export' AND outcome = 'success')) AS exported_bytes,
    countIf((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access')))) AS privilege_changes,
    countIf((category = 'configuration' AND outcome = 'success')) AS configuration_changes,
    countIf((outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after')))))) AS deletions,
    sumIf(greatest(toUInt64(1), records, toUInt64OrZero(JSONExtractRaw(details, 'count')), toUInt64OrZero(JSONExtractRaw(details, 'deleted')), toUInt64OrZero(JSONExtractRaw(details, 'items'))), (outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after')))))) AS deleted_items
FROM events_local
GROUP BY tenant, bucket, category;

INSERT INTO activity_totals_15m
SELECT
    tenant,
    toStartOfFifteenMinutes(occurred_at) AS bucket,
    category,
    count() AS events,
    countIf((category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin') OR match(action, '[a-z0-9](Login|Logon|SignIn|Signin)$')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)') AND NOT match(action_key, '(^|[^a-z])(fail|denied|deny|blocked|rejected|invalid)'))) AS sign_ins,
    countIf((category = 'authentication' AND outcome = 'failure')) AS failed_sign_ins,
    countIf((category = 'data_export' AND outcome = 'success')) AS exports,
    sumIf(records, (category = 'data_export' AND outcome = 'success')) AS exported_records,
    sumIf(bytes, (category = 'data_export' AND outcome = 'success')) AS exported_bytes,
    countIf((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access')))) AS privilege_changes,
    countIf((category = 'configuration' AND outcome = 'success')) AS configuration_changes,
    countIf((outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after')))))) AS deletions,
    sumIf(greatest(toUInt64(1), records, toUInt64OrZero(JSONExtractRaw(details, 'count')), toUInt64OrZero(JSONExtractRaw(details, 'deleted')), toUInt64OrZero(JSONExtractRaw(details, 'items'))), (outcome = 'success' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (category != 'authentication' AND (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after')))))) AS deleted_items
FROM events
WHERE received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'activity_totals_15m_mv')
GROUP BY tenant, bucket, category;
