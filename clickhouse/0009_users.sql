-- People who sign in to Trailscope. Versioned rows (read with FINAL): a change appends a row
-- with a higher version, so the table keeps nothing but the latest state after merges while
-- the event store keeps the history of every change.
CREATE TABLE IF NOT EXISTS users
(
    id String,
    email String,
    name String,
    role Enum8('admin' = 1, 'analyst' = 2, 'auditor' = 3, 'member' = 4),
    -- ['*'] grants every tenant.
    tenants Array(String),
    password_hash String,
    active Bool,
    created_at DateTime64(3, 'UTC'),
    updated_at DateTime64(3, 'UTC'),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY id;
