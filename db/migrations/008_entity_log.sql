-- What the in-memory name index (db/entities.ts) must redo after a write: one row per change
-- to an entity, one of its names, or what its mention count depends on (a link to an event,
-- an event's status). `names` = 1 when a name, alias, kind or key may have changed, 0 when only
-- the mention count may have. Filled by triggers, so every writer and every process is seen;
-- a reader keeps the highest `seq` it has applied and applies only the rows after it, so a
-- write that touches no entity (a feed item, an event's title) leaves the index as it is.
-- Old rows are trimmed as new ones come; a reader further behind than what is kept rebuilds.
CREATE TABLE entity_log (
  seq       INTEGER PRIMARY KEY,
  entity_id INTEGER NOT NULL,
  names     INTEGER NOT NULL
);

CREATE TRIGGER entity_log_trim AFTER INSERT ON entity_log WHEN new.seq % 4096 = 0
BEGIN
  DELETE FROM entity_log WHERE seq <= new.seq - 65536;
END;

CREATE TRIGGER entities_log_insert AFTER INSERT ON entities
BEGIN
  INSERT INTO entity_log (entity_id, names) VALUES (new.id, 1);
END;

CREATE TRIGGER entities_log_update AFTER UPDATE ON entities
  WHEN old.key IS NOT new.key OR old.kind IS NOT new.kind OR old.name_en IS NOT new.name_en
    OR old.name_zh IS NOT new.name_zh OR old.story_id IS NOT new.story_id
BEGIN
  INSERT INTO entity_log (entity_id, names) VALUES (new.id, 1);
END;

CREATE TRIGGER entities_log_delete AFTER DELETE ON entities
BEGIN
  INSERT INTO entity_log (entity_id, names) VALUES (old.id, 1);
END;

CREATE TRIGGER entity_names_log_insert AFTER INSERT ON entity_names
BEGIN
  INSERT INTO entity_log (entity_id, names) VALUES (new.entity_id, 1);
END;

CREATE TRIGGER entity_names_log_delete AFTER DELETE ON entity_names
BEGIN
  INSERT INTO entity_log (entity_id, names) VALUES (old.entity_id, 1);
END;

CREATE TRIGGER event_entities_log_insert AFTER INSERT ON event_entities
BEGIN
  INSERT INTO entity_log (entity_id, names) VALUES (new.entity_id, 0);
END;

CREATE TRIGGER event_entities_log_delete AFTER DELETE ON event_entities
BEGIN
  INSERT INTO entity_log (entity_id, names) VALUES (old.entity_id, 0);
END;

CREATE TRIGGER events_log_status AFTER UPDATE OF status ON events WHEN old.status IS NOT new.status
BEGIN
  INSERT INTO entity_log (entity_id, names) SELECT entity_id, 0 FROM event_entities WHERE event_id = new.id;
END;
