-- Story-level framing (issue 15): the framing_choice stage moves a sentence's bias score
-- by what the other outlets covering its story chose (a quote of a speaker no other
-- outlet quotes). The per-article score is kept in article_score (NULL until the stage
-- first reads the sentence; a re-analysed article starts again from NULL), so a re-run
-- recomputes from it and never shifts twice.
ALTER TABLE sentences ADD COLUMN article_score REAL;
CREATE TABLE framing_stories (
    story_id TEXT PRIMARY KEY,
    signature TEXT NOT NULL        -- the story's articles, the settings and the code it used
);
