-- Stories at scale (issue 13): the copy detector's LSH band keys, stored, so a run looks
-- up each new article's candidates by key instead of rebuilding an index from every
-- stored signature (the cost of adding articles no longer grows with the store).
-- Band b of a signature is bytes [12b, 12b + 12) of its minhash blob: 3 of its uint32
-- values. Two articles are candidates when they share a band, as in datasketch's
-- MinHashLSH with LSH_BANDS x LSH_ROWS = 24 x 3 (stories/copies.py, which writes the
-- keys with each signature and deletes them with it). Empty texts (0 shingles) have none.
CREATE TABLE story_bands (
    band INTEGER NOT NULL,
    hash BLOB NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (band, hash, article_id)
) WITHOUT ROWID;

-- Signatures stored before this migration: their keys are slices of the stored blob.
WITH RECURSIVE bands(band) AS (SELECT 0 UNION ALL SELECT band + 1 FROM bands WHERE band < 23)
INSERT INTO story_bands (band, hash, article_id)
SELECT bands.band, substr(f.minhash, bands.band * 12 + 1, 12), f.article_id
FROM story_features f, bands
WHERE f.shingles > 0;

-- The latest placed day (what undated newcomers are near) without a scan of the table.
CREATE INDEX story_features_day ON story_features(day);
