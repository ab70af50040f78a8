-- Event counts per tenant, minute, category and outcome: the timeline histogram and the
-- overview's volume charts read this instead of the raw table when no other filter applies.
-- Its TTL follows the events' retention (clickhouse/retention.ts rewrites all three together).
CREATE TABLE IF NOT EXISTS events_volume_1m
(
    tenant LowCardinality(String),
    minute DateTime('UTC'),
    category LowCardinality(String),
    outcome Enum8('success' = 1, 'failure' = 2, 'pending' = 3),
    events UInt64
)
ENGINE = SummingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (tenant, minute, category, outcome)
TTL minute + toIntervalDay(if(category IN ('authentication', 'authorization', 'data_export'), 365, 90));

CREATE MATERIALIZED VIEW IF NOT EXISTS events_volume_1m_mv TO events_volume_1m AS
SELECT tenant, toStartOfMinute(occurred_at) AS minute, category, outcome, count() AS events
FROM events
GROUP BY tenant, minute, category, outcome;

INSERT INTO events_volume_1m
SELECT tenant, toStartOfMinute(occurred_at) AS minute, category, outcome, count()
FROM events
WHERE received_at < (SELECT toDateTime64(max(metadata_modification_time), 3, 'UTC') + INTERVAL 1 SECOND FROM system.tables WHERE database = currentDatabase() AND name = 'events_volume_1m_mv')
GROUP BY tenant, minute, category, outcome;
