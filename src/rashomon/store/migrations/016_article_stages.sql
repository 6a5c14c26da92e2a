-- The version of every per-article stage that made each stored article, written in the
-- same transaction as the article: analyze re-analyses an input whose article was made by
-- an older version of a stage (or by none recorded, as before this migration).
CREATE TABLE article_stages (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    version TEXT NOT NULL,
    PRIMARY KEY (article_id, stage)
);
