-- Schema version 6: imports as they run. Recorded when one begins and marked finished when it
-- ends, so an import that a cancel, a crash or a power cut stopped is still known at the next
-- start and can be resumed: its stored files are recognised by their SHA-256 and not parsed again.
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    -- The files and folders asked for, as a JSON array of paths.
    paths TEXT NOT NULL,
    -- How many files they held when the import began.
    files INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT
);
