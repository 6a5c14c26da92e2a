-- Sentences, entity mentions, canonical entities and quotes (issue 3).
-- Record tables: one column per dataclass field of model.Sentence, Mention, Quote.
CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    bias_score REAL NOT NULL DEFAULT 0,
    biased INTEGER NOT NULL DEFAULT 0,
    signals TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX sentences_article ON sentences(article_id, start);

-- Canonical entities across the corpus; ids are assigned once and never renumbered.
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    roles TEXT NOT NULL DEFAULT '[]',     -- JSON list
    aliases TEXT NOT NULL DEFAULT '[]',   -- JSON list
    mention_count INTEGER NOT NULL DEFAULT 0,
    article_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_name ON entities(name);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    rule TEXT NOT NULL DEFAULT '',
    entity_id TEXT                        -- set by the entities stage; NULL until then
);
CREATE INDEX mentions_article ON mentions(article_id, start);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
    cue TEXT,
    speaker TEXT,                         -- canonical name; "A; B" for a group
    speaker_id TEXT,                      -- entity id; "id1; id2" for a group
    speaker_mention TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    confidence REAL NOT NULL DEFAULT 0,
    rule TEXT NOT NULL DEFAULT ''
);
CREATE INDEX quotes_article ON quotes(article_id, start);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
