-- Per-server settings: which story a Discord server follows, and who chose it when.
-- story_slug is a slug, not a foreign key: a story removed and re-imported keeps its servers.

CREATE TABLE guild_settings (
  guild_id   TEXT PRIMARY KEY,
  story_slug TEXT,
  updated_at INTEGER NOT NULL,
  updated_by TEXT
);
