-- Framing signals (issue 6): one column per dataclass field of model.Signal.
-- Sentence bias scores live on the sentences table (migration 002).
CREATE TABLE signals (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    signal TEXT NOT NULL,                 -- naming, loaded, attribution, scare_quote, hedge,
                                          -- intensifier, technique, purpose, stance
    label TEXT NOT NULL,                  -- naming: "family: term"; technique: SemEval name
    explanation TEXT NOT NULL,
    weight REAL NOT NULL DEFAULT 1
);
CREATE INDEX signals_article ON signals(article_id, start);
CREATE INDEX signals_kind ON signals(signal, label);
