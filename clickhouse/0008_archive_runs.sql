-- Days of events written to the archive before retention deletes them: one row per day and
-- retention class, so the daily job archives each day once, and catches up after downtime.
CREATE TABLE IF NOT EXISTS archive_runs
(
    day Date,
    retention_class LowCardinality(String),
    events UInt64,
    file String,
    sha256 String,
    archived_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(archived_at)
ORDER BY (day, retention_class);
