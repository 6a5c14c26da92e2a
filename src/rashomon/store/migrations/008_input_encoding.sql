-- The encoding ingest read each article's bytes in, and how sure it was (0 to 1), so
-- an article decoded by a guess can be found and checked.
ALTER TABLE articles ADD COLUMN encoding TEXT;
ALTER TABLE articles ADD COLUMN encoding_confidence REAL;
