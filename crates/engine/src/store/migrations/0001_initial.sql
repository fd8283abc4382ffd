-- Schema version 1: the library of reports.

CREATE TABLE authorities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    urn TEXT NOT NULL DEFAULT '',
    la_code TEXT NOT NULL DEFAULT '',
    la_code_new TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    la_type TEXT NOT NULL DEFAULT '',
    -- Old-style LA codes of the statistical neighbours, nearest first, space-separated.
    stat_neighbours TEXT NOT NULL DEFAULT ''
);

-- Authorities that replaced others (e.g. Northamptonshire → North and West Northamptonshire).
CREATE TABLE authority_successions (
    predecessor_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    successor_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
    PRIMARY KEY (predecessor_id, successor_id)
);

-- The original files, so the library is self-contained and can be re-read by a newer parser.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    parser_version INTEGER NOT NULL,
    imported_at TEXT NOT NULL
);

CREATE TABLE inspections (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
    authority_id INTEGER REFERENCES authorities(id),
    local_authority TEXT NOT NULL,
    framework TEXT NOT NULL,
    includes_lscb_review INTEGER NOT NULL,
    title TEXT NOT NULL,
    inspection_start TEXT,
    inspection_end TEXT,
    published TEXT,
    lead_inspector TEXT,
    page_count INTEGER NOT NULL,
    warnings TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX inspections_authority ON inspections(authority_id, inspection_start);

CREATE TABLE judgements (
    id INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    area TEXT NOT NULL,
    grade TEXT NOT NULL,
    scale_rank INTEGER,
    statement TEXT,
    paragraph INTEGER,
    page INTEGER
);
CREATE INDEX judgements_inspection ON judgements(inspection_id);

CREATE TABLE recommendations (
    id INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    lscb INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX recommendations_inspection ON recommendations(inspection_id);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    heading TEXT NOT NULL,
    page INTEGER NOT NULL
);
CREATE INDEX sections_inspection ON sections(inspection_id);

CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    section_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    page INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX paragraphs_inspection ON paragraphs(inspection_id, position);

-- Full-text index over paragraphs, kept in step by triggers.
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
    text,
    content = 'paragraphs',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
