-- Inputs, articles and the full-text index: what every other table points into.
CREATE TABLE inputs (
    input TEXT PRIMARY KEY,          -- path, path#L3, feed#entry, or URL
    content_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'skipped', 'failed')),
    reason TEXT NOT NULL DEFAULT '',
    article_id TEXT,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    input TEXT NOT NULL REFERENCES inputs(input) ON DELETE CASCADE,
    text TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    url TEXT,
    outlet TEXT,
    author TEXT,
    published TEXT,
    published_source TEXT NOT NULL DEFAULT 'none',
    published_precision TEXT,
    published_confidence REAL NOT NULL DEFAULT 0,
    language TEXT NOT NULL DEFAULT 'en',
    credits TEXT NOT NULL DEFAULT '[]',
    fetched_at TEXT
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
