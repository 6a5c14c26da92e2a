-- Stories (issue 5): syndicated copies, events, storylines, and what keeps them incremental.
-- Event ids are "e1", "e2", …; storyline ids "s1", …: assigned once, never renumbered.

-- One row per article the stories stage has placed (public: figures, briefing, web read it).
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    storyline_id TEXT,
    copy_of TEXT,                 -- the earliest article of its copy group; NULL for originals
    copy_similarity REAL          -- estimated shingle containment with copy_of
);
CREATE INDEX story_articles_event ON story_articles(event_id);
CREATE INDEX story_articles_storyline ON story_articles(storyline_id);
CREATE INDEX story_articles_copy ON story_articles(copy_of);

-- What later runs need without re-reading texts. No foreign key on purpose: when an
-- article is deleted its row stays until the next run takes it out of its event's sums.
CREATE TABLE story_features (
    article_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,         -- processing order
    event_id TEXT NOT NULL,
    day INTEGER,                  -- proleptic ordinal of the date used; NULL when undated
    minhash BLOB NOT NULL,        -- uint32 × 128
    shingles INTEGER NOT NULL,    -- distinct word 3-shingles
    embedding BLOB NOT NULL,      -- float16 × 256, unit length
    terms TEXT NOT NULL,          -- JSON {term: unit TF-IDF weight}, heaviest terms only
    actors TEXT NOT NULL          -- JSON {actor: mentions}
);
CREATE INDEX story_features_event ON story_features(event_id);
CREATE UNIQUE INDEX story_features_seq ON story_features(seq);

CREATE TABLE story_events (
    id TEXT PRIMARY KEY,
    storyline_id TEXT,
    title TEXT NOT NULL DEFAULT '',
    title_article_id TEXT,
    size INTEGER NOT NULL,
    outlets INTEGER NOT NULL DEFAULT 0,
    first_date TEXT,
    last_date TEXT,
    first_day INTEGER,
    last_day INTEGER,
    touched INTEGER NOT NULL DEFAULT 0,
    embedding_sum BLOB NOT NULL,  -- float32 × 256: sum of member embeddings
    terms TEXT NOT NULL,          -- JSON: summed member term weights, heaviest only
    actors TEXT NOT NULL          -- JSON: summed actor counts, most mentioned only
);
CREATE INDEX story_events_storyline ON story_events(storyline_id);
CREATE INDEX story_events_last_day ON story_events(last_day);

CREATE TABLE storylines (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    actors TEXT NOT NULL DEFAULT '[]',  -- JSON list: main actors, most mentioned first
    events INTEGER NOT NULL DEFAULT 0,
    size INTEGER NOT NULL,              -- articles
    first_date TEXT,
    last_date TEXT,
    first_day INTEGER,
    last_day INTEGER,
    touched INTEGER NOT NULL DEFAULT 0,
    embedding_sum BLOB NOT NULL,
    terms TEXT NOT NULL,
    actor_counts TEXT NOT NULL
);
CREATE INDEX storylines_last_day ON storylines(last_day);

-- Two events that became one: from_event's articles now belong to into_event.
CREATE TABLE event_merges (
    from_event TEXT NOT NULL,
    into_event TEXT NOT NULL,
    at TEXT NOT NULL,
    reason TEXT NOT NULL,
    score REAL
);
CREATE INDEX event_merges_from ON event_merges(from_event);

CREATE TABLE wire_credits (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    agency TEXT NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (article_id, agency)
);
CREATE INDEX wire_credits_agency ON wire_credits(agency);

-- Document frequencies for TF-IDF; the row '' counts the documents.
CREATE TABLE story_terms (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
) WITHOUT ROWID;

-- Counters that must never go back, so ids of merged-away events are never reused:
-- 'next_event', 'next_storyline', 'next_seq'.
CREATE TABLE story_state (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
