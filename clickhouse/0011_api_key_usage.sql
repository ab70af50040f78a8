-- When each key was last used, apart from the keys themselves: a use never rewrites the key's
-- row, so it can never race a revocation.
CREATE TABLE IF NOT EXISTS api_key_usage
(
    key_id String,
    last_used_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(last_used_at)
ORDER BY key_id;
