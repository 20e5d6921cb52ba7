-- Stories, the people and organisations in them, their events, quotes and sources.
-- Times are unix milliseconds (UTC). Discord ids, when stored, are TEXT.

CREATE TABLE stories (
  id           INTEGER PRIMARY KEY,
  slug         TEXT NOT NULL UNIQUE,
  title_en     TEXT,
  title_zh     TEXT,
  summary_en   TEXT,
  summary_zh   TEXT,
  language     TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);

CREATE TABLE entities (
  id           INTEGER PRIMARY KEY,
  story_id     INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  key          TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'place', 'other')),
  name_en      TEXT,
  name_zh      TEXT,
  role_en      TEXT,
  role_zh      TEXT,
  aliases      TEXT NOT NULL DEFAULT '[]',  -- JSON array, as written
  content_hash TEXT NOT NULL,
  UNIQUE (story_id, key)
);

-- Every way to name an entity, normalised (lower case, no accents): what /who looks up.
CREATE TABLE entity_names (
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  name      TEXT NOT NULL,
  PRIMARY KEY (entity_id, name)
) WITHOUT ROWID;
CREATE INDEX entity_names_by_name ON entity_names(name);

CREATE TABLE events (
  id           INTEGER PRIMARY KEY,
  story_id     INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  key          TEXT NOT NULL,
  at           INTEGER NOT NULL,            -- date precision: noon UTC of that day
  precision    TEXT NOT NULL CHECK (precision IN ('date', 'datetime')),
  title_en     TEXT,
  title_zh     TEXT,
  summary_en   TEXT,
  summary_zh   TEXT,
  importance   INTEGER NOT NULL DEFAULT 3 CHECK (importance BETWEEN 1 AND 5),
  origin       TEXT NOT NULL CHECK (origin IN ('file', 'editor', 'feed')),
  content_hash TEXT NOT NULL,               -- of the file text it came from; '' for other origins
  added_at     INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  search_key   INTEGER,                     -- rowid in event_fts
  UNIQUE (story_id, key)
);
CREATE INDEX events_by_time ON events(story_id, at, id);
CREATE INDEX events_by_added ON events(story_id, added_at);

CREATE TABLE event_entities (
  event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  PRIMARY KEY (event_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX event_entities_by_entity ON event_entities(entity_id, event_id);

CREATE TABLE quotes (
  id        INTEGER PRIMARY KEY,
  event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
  position  INTEGER NOT NULL,
  text_en   TEXT,
  text_zh   TEXT
);
CREATE INDEX quotes_by_event ON quotes(event_id, position);
CREATE INDEX quotes_by_entity ON quotes(entity_id);

CREATE TABLE sources (
  id       INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name     TEXT NOT NULL,
  url      TEXT
);
CREATE INDEX sources_by_event ON sources(event_id, position);

-- Full-text index over titles, summaries and quotes in both languages. The text is
-- segmented by db/search-text.ts (Latin words as they are, Chinese runs as overlapping
-- character pairs), so two-character Chinese terms match through the index.
-- Its rowid is events.search_key = (at in minutes) * 2^32 + event id: FTS5 walks rowids
-- in order, so "newest first" is ORDER BY rowid DESC and stops at the LIMIT.
CREATE VIRTUAL TABLE event_fts USING fts5(
  story,                 -- one token "s<story id>", so a query stays inside its story
  body,
  content = '',
  contentless_delete = 1,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
