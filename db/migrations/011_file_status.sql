-- A story file may set an event's status (confirmed, disputed, corrected) and note. What the
-- file last said is kept as a fingerprint, so an import writes the status only when the
-- file's status for that event changes: a status an editor set in Discord stays until then,
-- like other corrections to a file event. NULL: the file sets none (every event until now).
ALTER TABLE events ADD COLUMN verification_hash TEXT;
