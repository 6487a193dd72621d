-- The knowledge base (KB-01…04): guides live here so that back-office edits keep their history and
-- reach every instance. The shipped guides are imported at start-up when absent.
CREATE TABLE kb_guides (
    id TEXT PRIMARY KEY,
    language TEXT NOT NULL,
    published TEXT,
    draft TEXT,
    updated_at BIGINT NOT NULL
);

CREATE TABLE kb_versions (
    guide_id TEXT NOT NULL REFERENCES kb_guides (id),
    version BIGINT NOT NULL,
    content TEXT NOT NULL,
    published BIGINT NOT NULL CHECK (published IN (0, 1)),
    saved_by TEXT REFERENCES users (id),
    saved_at BIGINT NOT NULL,
    PRIMARY KEY (guide_id, version)
);

-- Bumped on every publication: instances rebuild their search index when it moves.
CREATE TABLE kb_state (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO kb_state (id, version) VALUES (1, 0);

CREATE TABLE kb_feedback (
    id TEXT PRIMARY KEY,
    guide_id TEXT NOT NULL,
    helpful BIGINT NOT NULL CHECK (helpful IN (0, 1)),
    comment TEXT,
    at BIGINT NOT NULL
);
CREATE INDEX kb_feedback_guide ON kb_feedback (guide_id);

CREATE TABLE kb_empty_searches (
    query TEXT NOT NULL,
    language TEXT NOT NULL,
    count BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    PRIMARY KEY (query, language)
);
