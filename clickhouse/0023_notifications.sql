-- The notification outbox: a message is rendered and stored before any attempt to send it, so a
-- failed send is retried (with backoff) and never lost. The id comes from what it announces
-- (an alert, or a burst of alerts), so a re-run evaluation enqueues nothing twice.
CREATE TABLE IF NOT EXISTS notifications
(
    id String,
    tenant LowCardinality(String),
    kind LowCardinality(String),
    alert_ids Array(String),
    recipients Array(String),
    subject String,
    text String CODEC(ZSTD(3)),
    html String CODEC(ZSTD(3)),
    status Enum8('pending' = 1, 'sent' = 2),
    attempts UInt32,
    next_attempt_at DateTime64(3, 'UTC'),
    last_error String,
    message_id String,
    created_at DateTime64(3, 'UTC'),
    sent_at Nullable(DateTime64(3, 'UTC')),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY id;
