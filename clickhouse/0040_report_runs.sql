-- Monthly compliance reports sent, one row per (tenant, month, send) and state change; read with
-- FINAL. send_no 0 is the scheduled (or first) send of a month, 1, 2 ... the resends made on purpose,
-- so "sent once per tenant and month" is a deterministic key, not a lock.
CREATE TABLE IF NOT EXISTS report_runs
(
    tenant LowCardinality(String),
    month LowCardinality(String),
    send_no UInt16,
    kind LowCardinality(String),
    status LowCardinality(String),
    attempts UInt16,
    recipients Array(String),
    message_id String,
    error String,
    requested_by String,
    summary String CODEC(ZSTD(3)),
    digest String,
    created_at DateTime64(3, 'UTC'),
    sent_at Nullable(DateTime64(3, 'UTC')),
    updated_at DateTime64(3, 'UTC'),
    -- updated_at in microseconds plus a tick: two state changes within one millisecond still order.
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (tenant, month, send_no);

-- Who may make one attempt at one send. The version falls as the claim time rises, so FINAL keeps
-- the earliest claim whatever order the rows arrived in: two processes (or two ticks) that claim
-- the same attempt both read back the same holder after a short settle, and only that one sends.
CREATE TABLE IF NOT EXISTS report_claims
(
    tenant LowCardinality(String),
    month LowCardinality(String),
    send_no UInt16,
    attempt UInt16,
    holder String,
    claimed_at DateTime64(3, 'UTC'),
    rank UInt64
)
ENGINE = ReplacingMergeTree(rank)
ORDER BY (tenant, month, send_no, attempt)
TTL toDateTime(claimed_at) + INTERVAL 400 DAY;
