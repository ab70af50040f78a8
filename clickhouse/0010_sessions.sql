-- Browser sessions, keyed by a SHA-256 of the cookie's token (the token itself is never stored).
-- Versioned like users: touching or revoking a session appends a newer row.
CREATE TABLE IF NOT EXISTS sessions
(
    token_hash String,
    user_id String,
    created_at DateTime64(3, 'UTC'),
    last_seen_at DateTime64(3, 'UTC'),
    expires_at DateTime64(3, 'UTC'),
    revoked Bool,
    ip String,
    user_agent String,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY token_hash
TTL toDateTime(expires_at) + INTERVAL 7 DAY;
