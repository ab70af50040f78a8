-- API keys, versioned: a change (revocation) appends a row with a higher version;
-- read with FINAL. Only a SHA-256 of the secret is kept.
CREATE TABLE IF NOT EXISTS api_keys
(
    id String,
    name String,
    secret_hash FixedString(64),
    prefix String,
    scopes Array(LowCardinality(String)),
    tenant String,
    created_at DateTime64(3, 'UTC'),
    created_by String,
    revoked_at Nullable(DateTime64(3, 'UTC')),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY id;
