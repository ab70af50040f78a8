-- Rules follow arrival, not only event time (issue 10): each tick evaluates the windows touched by
-- events received since the rule's previous run for that tenant, however late they happened.
-- `arrived_to` is the received_at up to which a run looked; runs written before it existed
-- looked at windows up to window_to, which is the closest mark they have.
ALTER TABLE rule_runs ADD COLUMN IF NOT EXISTS arrived_to DateTime64(3, 'UTC') DEFAULT window_to;
-- received_at follows occurred_at in most granules (events are mostly sent as they happen), so a
-- min/max per granule finds the few granules holding recent arrivals without reading the rest.
ALTER TABLE events ADD INDEX IF NOT EXISTS idx_received received_at TYPE minmax GRANULARITY 1;
ALTER TABLE events MATERIALIZE INDEX idx_received;
