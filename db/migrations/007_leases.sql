-- Leases: which one of the processes sharing this database does a kind of work (the recap
-- scheduler, feed polling...). The holder renews its row while alive; once `expires_at` has
-- passed, any other process may take it over. Times are ms on the host's clock, which every
-- process on one host shares.
CREATE TABLE leases (
  name        TEXT PRIMARY KEY,
  holder      TEXT NOT NULL,    -- who holds it: host, pid and a random part (src/ops/leader.ts)
  acquired_at INTEGER NOT NULL, -- when this holder took it
  renewed_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
) WITHOUT ROWID;
