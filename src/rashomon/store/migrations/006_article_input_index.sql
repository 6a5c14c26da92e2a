-- Re-analysing an input deletes what it made before (Store.write_outcomes): find its
-- article by input without a scan, which grew with the table at 100k articles.
CREATE INDEX articles_input ON articles(input);
