-- Alerts, versioned: a hit that extends an alert, or a change of status, appends a row with a
-- higher version. The id is derived from rule, tenant, group and the window that opened the
-- alert, so evaluating a window twice writes the same row, which the engine keeps once.
CREATE TABLE IF NOT EXISTS alerts
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
ENGINE = ReplacingMergeTree(version)
ORDER BY (tenant, id);
