-- The story a user chose with /story use outside a server with the bot (a DM, a group DM, a
-- server where only the user installed Storyline). Servers with the bot keep guild_settings.
CREATE TABLE user_stories (
  user_id  TEXT PRIMARY KEY,
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  set_at   INTEGER NOT NULL
);
