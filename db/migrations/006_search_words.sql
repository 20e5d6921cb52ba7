-- The words of event titles, per story, for event autocomplete (db/search.ts). A word typed
-- in part ("emplo") is expanded to the most common title words starting with it, which are
-- then matched in event_fts as whole terms, newest first. An FTS5 prefix query ("emplo"*)
-- would merge the postings of every matching term first: tens of milliseconds for a short
-- prefix in a million-event story, where the expansion costs well under one.
-- Latin-script words only (lower case, accents removed): Chinese is matched by its
-- character pairs directly. Words are added as titles are indexed and never removed, so
-- `docs` (how many times a title with the word was indexed) only ranks words, and a word no
-- title has any more simply finds nothing.
CREATE TABLE search_words (
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  word     TEXT NOT NULL,
  docs     INTEGER NOT NULL,
  PRIMARY KEY (story_id, word)
) WITHOUT ROWID;

-- Stories whose events were indexed before search_words existed: db/search.ts adds their
-- titles' words the first time one of them is searched, then removes the story from here.
CREATE TABLE search_words_pending (
  story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE
);
INSERT INTO search_words_pending (story_id) SELECT id FROM stories;
