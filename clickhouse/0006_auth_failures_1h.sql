-- Failed sign-ins per tenant, hour and source IP, kept by a materialized view so that
-- "failed logins by IP" over 30 days reads thousands of rows instead of millions. Merges are
-- asynchronous: readers aggregate again (GROUP BY with sum/uniqExactMerge/min/max).
-- Reads combine this for whole hours with the raw table for the partial hours at either end.
CREATE TABLE IF NOT EXISTS auth_failures_1h
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
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (tenant, hour, ip)
TTL hour + INTERVAL 365 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS auth_failures_1h_mv TO auth_failures_1h AS
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
WHERE category = 'authentication' AND outcome = 'failure' AND ip != toIPv6('::')
GROUP BY tenant, hour, ip;

-- Events stored before the view existed. The view's creation time has whole seconds, so the
-- cut-off is rounded up: start-up migrates before it serves, so on the embedded store nothing
-- arrives in that second; servers migrating under live ingest could count that second twice.
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
