-- The kinds of events as issue 10 redefined them (src/lib/server/queries/event-kinds.ts): a
-- delete-like verb makes a deletion in any category (`DeleteAccessKey`, `public_key.delete`), a
-- sign-in named as a failure (`login_failed` sent without an outcome) is no sign-in, CamelCase
-- sign-ins (`ExternalIdPDirectoryLogin`) are, inviting an admin is an elevation, and creating a
-- user or key with ordinary rights is no privilege change. Rendered by
-- kindViewsMigration() in src/lib/server/queries/kind-views.ts; test/unit/report-migrations.test.ts
-- checks it. Each view is replaced and its table refilled from the stored events, so old and new
-- events are counted alike; the refill reads every event once. The security_events view carries
-- prefer_column_name_to_alias = 1 in its own definition: `changes` is both a column of events and
-- an output of the view, and with the engine's default the alias wins inside the predicates
-- ("Unknown identifier kind"); 0013 only worked because that setting leaked into the session.
DROP VIEW IF EXISTS security_events_mv;

TRUNCATE TABLE IF EXISTS security_events;

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
    if(kind = 'privilege_change', toUInt8(((outcome = 'success' AND category IN ('authorization', 'user_management') AND (hasAny(changed_fields, ['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']) OR match(action_key, 'role|permission|privilege|grant|revoke|promot|demot|policy|policies|admin|access_level|addusertogroup|removeuserfromgroup')) AND NOT (JSONHas(changes, 'after') AND JSONType(changes, 'before') = 'Null' AND NOT match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access'))) AND (match(lower(JSONExtractRaw(changes, 'after')), 'admin|owner|super.?user|root|full.?access') OR match(action_key, 'promot|make_admin|add_admin|grant_admin|invite_admin|administratoraccess') OR positionCaseInsensitive(details, 'administratoraccess') > 0))), 0) AS elevation,
    changed_fields,
    if(kind IN ('privilege_change', 'config_change', 'deletion'), changes, '') AS changes
FROM events
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

DROP VIEW IF EXISTS activity_totals_15m_mv;

TRUNCATE TABLE IF EXISTS activity_totals_15m;

CREATE MATERIALIZED VIEW IF NOT EXISTS activity_totals_15m_mv TO activity_totals_15m AS
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
