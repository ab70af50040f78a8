-- What a responder reads of an alert without opening the timeline (issue 10):
--   evidence_count: the events behind the alert's link (its rule's filter, group and span);
--   group_labels: each group value as people know it (a person's name and email, a target's name);
--   incident_id: the alert this one is folded into when they share events or a source within the
--     cooldown (one address spraying 40 accounts is one incident); its own id when it leads.
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS evidence_count UInt64 DEFAULT 0;
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS group_labels Array(String) DEFAULT group_values;
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS incident_id String DEFAULT id;
-- The timeline filter selecting exactly the events behind the alert (its rule's kinds and filters,
-- its group, its span, the business hours it used), fixed when the alert is written so the link
-- keeps meaning what the rule saw after the rule or the hours change.
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS evidence_query String DEFAULT '';
-- An alert whose tenant and rule name nobody to tell is recorded as such, once, like a sent one:
-- notifications are derived from alerts that have none, so every alert is decided on exactly once.
ALTER TABLE notifications MODIFY COLUMN status Enum8('pending' = 1, 'sent' = 2, 'no_recipients' = 3);
