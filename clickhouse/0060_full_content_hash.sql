-- Issue 13: content_hash becomes the full SHA-256 (64 hex) of the canonical form of an event
-- (src/lib/server/seals/canonical.ts, docs/seals.md). Events stored before keep their 128-bit
-- form-1 hash (padded with zero bytes by the wider type, read back trimmed) and are marked
-- hash_form = 1 rather than rehashed: form 1 is still recomputable from their columns, so they
-- verify as they are, and a rehash would rewrite every part of the table at start-up.
ALTER TABLE events MODIFY COLUMN content_hash FixedString(64);
ALTER TABLE events ADD COLUMN IF NOT EXISTS hash_form UInt8 DEFAULT 1;
