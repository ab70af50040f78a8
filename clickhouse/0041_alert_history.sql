-- Every status change and comment of an alert, append-only: the alerts row keeps only the latest
-- status (and, once merged, only its latest comment), so what was said and done on the way is
-- kept here, one row per entry. Nothing updates or deletes a row; `id` is unique per entry.
CREATE TABLE IF NOT EXISTS alert_history
(
    tenant LowCardinality(String),
    alert_id String,
    at DateTime64(3, 'UTC'),
    id String,
    action Enum8('acknowledged' = 1, 'resolved' = 2, 'reopened' = 3, 'commented' = 4),
    by_id String,
    by_name String,
    comment String
)
ENGINE = MergeTree
ORDER BY (tenant, alert_id, at, id);
