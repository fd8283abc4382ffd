-- What happened to the library itself: schema upgrades (with the backup made first) and
-- recoveries from a damaged file. Kept for diagnosis; reading reports never needs it.
CREATE TABLE library_events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL
);
