-- The story each user reads where no server with Storyline chooses one: their DMs, group DMs
-- and servers the bot has not joined (a user install). Set with /story use there; a story
-- deleted takes its choices with it, and the user is back on DEFAULT_STORY.
CREATE TABLE user_stories (
  user_id  TEXT PRIMARY KEY,
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  set_at   INTEGER NOT NULL
);
