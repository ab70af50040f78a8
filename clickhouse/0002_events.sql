-- Audit events: append-only. Sorted by (tenant, occurred_at, id) because every read is
-- tenant-scoped and time-bounded, the timeline reads newest first in that order (keyset on
-- (occurred_at, id)), and aggregates scan contiguous time ranges of one tenant.
-- Retention is a TTL over occurred_at; the runner rewrites it from RETENTION_DAYS and
-- RETENTION_SECURITY_DAYS at start-up (see clickhouse/retention.ts), this one is the default.
CREATE TABLE IF NOT EXISTS events
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
    -- Addresses are scattered through time, so neither the sort key nor a skip index can find a
    -- CIDR block; a copy sorted by address answers "203.0.113.0/24" without scanning the period
    -- (measured on 2M events: 116 ms -> 16 ms, for inserts about twice as slow in the engine).
    PROJECTION by_ip (SELECT * ORDER BY tenant, ip, occurred_at)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (tenant, occurred_at, id)
TTL toDateTime(occurred_at) + toIntervalDay(if(category IN ('authentication', 'authorization', 'data_export'), 365, 90))
-- Granules of 1024 rows instead of 8192: a timeline page or a drill-down reads one granule of
-- ~30 columns, and per-granule bloom filters on actor, target and id stay selective.
SETTINGS index_granularity = 1024;
