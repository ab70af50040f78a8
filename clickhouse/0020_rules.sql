-- Detection rules as versioned rows: each edit appends the whole rule with a higher version, and
-- the sort key keeps every version (the history of thresholds), read newest first per id.
-- Built-in rules have no row until first edited; their definitions live in the code.
CREATE TABLE IF NOT EXISTS rules
(
    id String,
    version UInt64,
    definition String,
    updated_at DateTime64(3, 'UTC'),
    updated_by String
)
ENGINE = ReplacingMergeTree
ORDER BY (id, version);
