-- An event's time stored with its links to people and with its quotes, indexed by (entity,
-- time): `/who` reads a person's first events and quotes off the index in time order instead
-- of fetching every linked event and sorting them, or walking the story's time index (at a
-- million events that was a p99 of ~16 ms). The writers set `at` from the event row as they
-- insert (db/import.ts, db/event-writes.ts); a row inserted without it is filled by a
-- trigger, and a change of the event's time is carried to its links and quotes.
ALTER TABLE event_entities ADD COLUMN at INTEGER;
ALTER TABLE quotes ADD COLUMN at INTEGER;

UPDATE event_entities SET at = (SELECT ev.at FROM events ev WHERE ev.id = event_entities.event_id);
UPDATE quotes SET at = (SELECT ev.at FROM events ev WHERE ev.id = quotes.event_id);

CREATE INDEX event_entities_by_entity_time ON event_entities(entity_id, at, event_id);
CREATE INDEX quotes_by_entity_time ON quotes(entity_id, at, event_id, position);

CREATE TRIGGER event_entities_at_fill AFTER INSERT ON event_entities WHEN new.at IS NULL
BEGIN
  UPDATE event_entities SET at = (SELECT ev.at FROM events ev WHERE ev.id = new.event_id)
    WHERE event_id = new.event_id AND entity_id = new.entity_id;
END;

CREATE TRIGGER quotes_at_fill AFTER INSERT ON quotes WHEN new.at IS NULL
BEGIN
  UPDATE quotes SET at = (SELECT ev.at FROM events ev WHERE ev.id = new.event_id) WHERE id = new.id;
END;

CREATE TRIGGER events_at_follow AFTER UPDATE OF at ON events WHEN old.at IS NOT new.at
BEGIN
  UPDATE event_entities SET at = new.at WHERE event_id = new.id;
  UPDATE quotes SET at = new.at WHERE event_id = new.id;
END;

-- The new indexes begin with entity_id: they serve every lookup the old ones did.
DROP INDEX event_entities_by_entity;
DROP INDEX quotes_by_entity;
