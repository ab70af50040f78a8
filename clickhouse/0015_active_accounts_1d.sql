-- Accounts with a successful event per tenant and UTC day, as exact distinct sets: over 30 days,
-- merging 30 daily sets instead of 720 hourly ones (each about as large) is the difference
-- between ~100k and ~1M set insertions at the benchmark's 4,000 accounts. Reads take whole days
-- from here, whole hours at either end from active_accounts_1h (0014), the rest from the events.
CREATE TABLE IF NOT EXISTS active_accounts_1d
(
    tenant LowCardinality(String),
    day DateTime('UTC'),
    security UInt8,
    accounts AggregateFunction(uniqExact, String)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (tenant, day, security)
TTL day + toIntervalDay(if(security = 1, 365, 90));

CREATE MATERIALIZED VIEW IF NOT EXISTS active_accounts_1d_mv TO active_accounts_1d AS
SELECT
    tenant,
    toDateTime(toStartOfDay(occurred_at, 'UTC'), 'UTC') AS day,
    toUInt8(category IN ('authentication', 'authorization', 'data_export')) AS security,
    uniqExactState(if(actor_email != '', lower(actor_email), actor_id)) AS accounts
FROM events
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
