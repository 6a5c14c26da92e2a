-- Where an article's outlet and title came from, and which cleaner its text took
-- (issue 14): surfaces say "given", "derived" or "outlet unknown" instead of guessing.
ALTER TABLE articles ADD COLUMN outlet_source TEXT NOT NULL DEFAULT 'none';
ALTER TABLE articles ADD COLUMN title_source TEXT NOT NULL DEFAULT 'none';
ALTER TABLE articles ADD COLUMN clean_path TEXT NOT NULL DEFAULT '';
