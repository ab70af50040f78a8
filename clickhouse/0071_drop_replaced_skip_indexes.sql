-- The skip indexes the lookup tables (0030: events_by_actor, events_by_ip) replaced. An actor or
-- address page now finds its keys in a lookup table and reads the events by primary key with skip
-- indexes off, so these were only written, never used for those pages, and cost about 28% of an
-- insert into events (measured 2026-12-02, 100k events into the full schema). idx_id (an event by
-- its id, duplicate checks at ingest) and idx_received (0050: the rules' recent arrivals) stay.
ALTER TABLE events DROP INDEX IF EXISTS idx_actor_id;
ALTER TABLE events DROP INDEX IF EXISTS idx_actor_email;
ALTER TABLE events DROP INDEX IF EXISTS idx_target_id;
ALTER TABLE events DROP INDEX IF EXISTS idx_ip;
ALTER TABLE events DROP INDEX IF EXISTS idx_session;
