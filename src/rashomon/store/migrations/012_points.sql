-- Points (issue 12): the same information as carried by one or more of a story's articles.
-- Point ids are "p1", "p2", …: assigned once, never renumbered (as event ids).
CREATE TABLE points (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,          -- an event ("e3"), a storyline ("s1") or "all"
    kind TEXT NOT NULL CHECK (kind IN ('consensus', 'contested', 'shared', 'unique')),
    text TEXT NOT NULL,              -- the member that best covers the others
    article_id TEXT NOT NULL,        -- where text is
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker TEXT,
    outlets TEXT NOT NULL DEFAULT '[]',
    article_count INTEGER NOT NULL,
    outlet_count INTEGER NOT NULL,
    salience REAL NOT NULL,
    first_published TEXT,
    clash TEXT                       -- why contested: figure, negation, actor, attribution
);
CREATE INDEX points_story ON points(story_id, salience);

CREATE TABLE point_members (
    point_id TEXT NOT NULL REFERENCES points(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    outlet TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    similarity REAL NOT NULL,
    speaker TEXT
);
CREATE INDEX point_members_point ON point_members(point_id);
CREATE INDEX point_members_article ON point_members(article_id, start);

-- Which articles each story's points were computed from (a story whose set is unchanged
-- is not recomputed), and the counter of point ids ('next_point'), which never goes back.
CREATE TABLE point_stories (
    story_id TEXT PRIMARY KEY,
    signature TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE point_state (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
