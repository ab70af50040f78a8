-- Signed, chained seals over each tenant's events (issue 13, docs/seals.md). One row per seal;
-- seq numbers a tenant's chain in the order seals were made. The seal job writes a seq once; a
-- rerun after a crash that rewrites it writes the same key, which the engine keeps once (FINAL).
-- Small: one row per tenant and period, plus amendments, so reads scan a tenant's rows.
CREATE TABLE IF NOT EXISTS seals
(
    tenant LowCardinality(String),
    seq UInt64,
    period_start DateTime64(3, 'UTC'),
    period_end DateTime64(3, 'UTC'),
    kind Enum8('period' = 1, 'amendment' = 2),
    received_from DateTime64(3, 'UTC'),
    received_to DateTime64(3, 'UTC'),
    events UInt64,
    root FixedString(64),
    prev_hash FixedString(64),
    sealed_at DateTime64(3, 'UTC'),
    key_id String,
    signature String,
    hash FixedString(64)
)
ENGINE = ReplacingMergeTree
ORDER BY (tenant, seq);
