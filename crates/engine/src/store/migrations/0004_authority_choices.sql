-- Schema version 4: the authority a person chose for a document whose authority the reader
-- could not tell (or got wrong). Kept by the document's SHA-256, so the choice survives a
-- re-read with a new parser and the document being removed and added again.
CREATE TABLE authority_choices (
    sha256 TEXT PRIMARY KEY,
    authority_id INTEGER NOT NULL REFERENCES authorities(id)
);
