-- What each seal sealed, leaf by leaf (issue 13, docs/seals.md): the ids of its events in seal
-- order and the first 8 bytes of each Merkle leaf (16 hex). A verification whose root differs
-- reads it to name the events missing, added or changed since; the root, which the signature
-- covers, stays the only evidence of the verdict. About 24 bytes per event; kept as long as the
-- longest default retention allows events to be, then dropped with them.
CREATE TABLE IF NOT EXISTS seal_leaves
(
    tenant LowCardinality(String),
    seq UInt64,
    period_start DateTime64(3, 'UTC'),
    ids Array(UUID),
    leaf_prefixes Array(FixedString(16)) CODEC(ZSTD(1))
)
ENGINE = ReplacingMergeTree
ORDER BY (tenant, seq)
TTL toDateTime(period_start) + toIntervalDay(400);
