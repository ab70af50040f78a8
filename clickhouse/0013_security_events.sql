-- One row per event and kind for the few kinds a security report lists one by one: sign-ins,
-- exports, privilege changes, configuration changes and deletions (an event of two kinds has two
-- rows). Classified with the predicates of src/lib/server/queries/event-kinds.ts, copied
-- verbatim (test/unit/report-migrations.test.ts checks it), so the report's lists, largest
-- exports, off-hours activity and deletion bursts read a narrow table instead of testing regular
-- expressions and JSON over every raw event of the period. Rows are events, not sums: reads are
-- exact for any period without a split.
CREATE TABLE IF NOT EXISTS security_events
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
ENGINE = MergeTree
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (tenant, kind, occurred_at, id)
TTL toDateTime(occurred_at) + toIntervalDay(if(category IN ('authentication', 'authorization', 'data_export'), 365, 90));

CREATE MATERIALIZED VIEW IF NOT EXISTS security_events_mv TO security_events AS
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
WHERE (category = 'authentication' AND outcome = 'success' AND (match(action_key, '(^|[^a-z])(login|log_in|log in|logged in|logon|signin|sign_in|sign in|signed in|sso|authenticat|session\\.start|session_start|assumerole)') OR match(action_key, 'consolelogin')) AND NOT match(action_key, '(^|[^a-z])(logout|log_out|log out|logoff|signout|sign_out|sign out|signed out|session\\.end)')) OR (category = 'data_export' AND outcome = 'success') OR (outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup'))) OR (category = 'configuration' AND outcome = 'success') OR (outcome = 'success' AND category != 'authentication' AND (match(action_key, '(^|[^a-z])(delete|deleted|deletes|deleting|remove|removed|destroy|destroyed|purge|purged|erase|erased|wipe|wiped|bulk_delete)') OR (JSONHas(changes, 'before') AND NOT JSONHas(changes, 'after'))));

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
  AND received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'security_events_mv');
