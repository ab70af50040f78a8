-- One row per evaluation of a rule for a tenant over a range of aligned one-minute windows.
-- The watermark is the end of the latest successful range; a failed run leaves it where it was,
-- so the next tick evaluates the same windows again. Windows skipped past the catch-up cap are
-- recorded on the run that skipped them.
CREATE TABLE IF NOT EXISTS rule_runs
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
ENGINE = MergeTree
ORDER BY (rule_id, tenant, started_at)
TTL toDateTime(started_at) + INTERVAL 90 DAY;
