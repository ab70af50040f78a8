-- Application settings as versioned key/value rows (JSON values); read with FINAL.
CREATE TABLE IF NOT EXISTS settings
(
    key String,
    value String,
    updated_at DateTime64(3, 'UTC'),
    updated_by String
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY key;
