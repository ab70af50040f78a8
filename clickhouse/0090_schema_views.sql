-- Views rendered from TypeScript (the kinds of event of src/lib/server/queries/event-kinds.ts, by
-- kind-views.ts) and the checksum of the text each was last built from. The runner rebuilds a view
-- whose rendered text changed, after the numbered migrations, so the predicates live in one place
-- and no migration copies them again (0006, 0013, 0014 and 0016 hold the copies of their day).
CREATE TABLE IF NOT EXISTS schema_views
(
    name String,
    checksum String,
    applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(applied_at)
ORDER BY name;
