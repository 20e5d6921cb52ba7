-- /catchup: when each user last caught up on each story. Read with /catchup (without since:),
-- the mark moves to the time of reading; what the story gained after it is what is new.
CREATE TABLE catchup_marks (
  user_id  TEXT NOT NULL,
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  read_at  INTEGER NOT NULL,
  PRIMARY KEY (user_id, story_id)
);

-- What /catchup reads of the audit log: a story's changes in a window of time.
CREATE INDEX audit_by_story_time ON audit_log(story_id, at);
