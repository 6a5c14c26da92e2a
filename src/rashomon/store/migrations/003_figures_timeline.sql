-- Figures, date references, timeline events (per article) and figure conflicts (per story).
CREATE TABLE figures (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL NOT NULL,
    value_max REAL,
    unit TEXT,
    qualifier TEXT,
    counts TEXT,
    as_of TEXT,
    source TEXT,
    speaker TEXT,
    rule TEXT NOT NULL DEFAULT '',
    confidence REAL NOT NULL DEFAULT 0
);
CREATE INDEX figures_article ON figures(article_id, start);
CREATE INDEX figures_unit ON figures(unit);

CREATE TABLE dates (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    date TEXT,
    date_end TEXT,
    precision TEXT,
    rule TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dates_article ON dates(article_id, start);
CREATE INDEX dates_date ON dates(date);

CREATE TABLE timeline (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    date_end TEXT,
    precision TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT 'happening'
);
CREATE INDEX timeline_article ON timeline(article_id, start);
CREATE INDEX timeline_date ON timeline(date);

-- One row per set of figures that clash (kind 'conflict') or update one another
-- (kind 'series') inside a story; members is a JSON list of
-- {article_id, outlet, published, start, end, text, value, value_max, qualifier, source, as_of}.
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('conflict', 'series')),
    counts TEXT NOT NULL,
    unit TEXT,
    members TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX conflicts_story ON conflicts(story_id);
