-- datasette-ready (issue 18): datasette finds a table's full-text index only when the
-- FTS table names its content table in double quotes (content="articles"); the index of
-- migration 001 used single quotes. Rebuilt here from the articles themselves.
DROP TRIGGER IF EXISTS articles_ai;
DROP TRIGGER IF EXISTS articles_ad;
DROP TABLE IF EXISTS articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content="articles", content_rowid="rowid", tokenize='porter unicode61'
);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;

-- Views that put each finding beside its article's outlet, date and story, so datasette
-- (or any SQL client) can facet quotes, figures and signals by outlet, story or day.
CREATE VIEW quotes_view AS
SELECT q.*, a.outlet, a.published, a.published_precision, a.title AS article_title,
       s.event_id, s.storyline_id
FROM quotes q JOIN articles a ON a.id = q.article_id
LEFT JOIN story_articles s ON s.article_id = q.article_id;

CREATE VIEW figures_view AS
SELECT f.*, a.outlet, a.published, a.published_precision, a.title AS article_title,
       s.event_id, s.storyline_id
FROM figures f JOIN articles a ON a.id = f.article_id
LEFT JOIN story_articles s ON s.article_id = f.article_id;

CREATE VIEW signals_view AS
SELECT g.*, a.outlet, a.published, a.published_precision, a.title AS article_title,
       s.event_id, s.storyline_id
FROM signals g JOIN articles a ON a.id = g.article_id
LEFT JOIN story_articles s ON s.article_id = g.article_id;
