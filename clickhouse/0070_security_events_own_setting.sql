-- security_events_mv as 0016 made it, with prefer_column_name_to_alias = 1 kept in its own
-- definition. `changes` is both a column of events and an output of the view; with the engine's
-- default the alias wins inside the predicates and the view fails to parse ("Unknown identifier
-- kind"). 0013 and 0016 only worked because the setting leaked into the one engine session from
-- other queries (chdb/connection turned every query's settings into session SETs); settings now
-- travel with their query, so the view carries its own and every insert into events runs it with
-- it. Rendered by kindViewsMigration() in src/lib/server/queries/kind-views.ts (this view only);
-- test/unit/report-migrations.test.ts checks it. The refill reads every event once.
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
