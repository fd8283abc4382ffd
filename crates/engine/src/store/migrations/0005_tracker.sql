-- Schema version 5: the recommendation tracker's statuses and notes, recorded by people. Kept
-- by the document's SHA-256 and the item's key (its list and folded text), so they survive a
-- re-read with a new parser and the document being removed and added again: never silently
-- dropped.
CREATE TABLE tracker_statuses (
    sha256 TEXT NOT NULL,
    item_key TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (sha256, item_key)
);
