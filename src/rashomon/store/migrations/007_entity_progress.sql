-- Articles the entities stage has linked. A mention may rightly stay unlinked (a role
-- no entity holds), so "entity_id IS NULL" cannot say which articles are done.
CREATE TABLE entity_linked (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);
