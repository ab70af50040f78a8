-- Idempotency-Key records: a retried request with the same key (per API key) is answered from
-- here instead of being stored again. Kept a day, like the usual idempotency windows.
CREATE TABLE IF NOT EXISTS ingest_requests
(
    key_id String,
    idempotency_key String,
    body_hash FixedString(64),
    accepted UInt32,
    created_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(created_at)
ORDER BY (key_id, idempotency_key)
TTL toDateTime(created_at) + INTERVAL 1 DAY;
