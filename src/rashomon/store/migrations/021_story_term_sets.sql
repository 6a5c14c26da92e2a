-- Document frequencies that forget (issue 13): each placed article's whole term set is
-- stored, so an article deleted or analysed again takes its terms out of story_terms and
-- the frequencies equal those of a store that never saw its old text.
-- Terms get small integer ids (the row '' is 0; others from story_state 'next_term',
-- never reused): an article's set is a blob of its sorted term ids, each the gap from the
-- previous one as a LEB128 varint (stories/repo.py pack_ids): about a byte a term.
CREATE TABLE story_terms_021 (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL,
    id INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO story_terms_021 (term, df, id)
SELECT term, df, CASE WHEN term = '' THEN 0 ELSE row_number() OVER (ORDER BY term) END
FROM story_terms;
DROP TABLE story_terms;
ALTER TABLE story_terms_021 RENAME TO story_terms;
-- Forgetting reads an article's terms by id.
CREATE UNIQUE INDEX story_terms_id ON story_terms(id);
INSERT INTO story_state (key, value)
SELECT 'next_term', coalesce(max(id), 0) + 1 FROM story_terms;

-- NULL for articles placed before this migration: the next run fills it from the texts of
-- those still placed (the keys of a term count do not depend on the settings), once,
-- while story_state 'term_sets_missing' is there.
ALTER TABLE story_features ADD COLUMN term_ids BLOB;
INSERT INTO story_state (key, value)
SELECT 'term_sets_missing', 1 WHERE EXISTS (SELECT 1 FROM story_features);
