-- A failed re-read of an input keeps its earlier outcome (and article); the failure is
-- recorded beside it, so status shows both. Empty when the last reading succeeded.
ALTER TABLE inputs ADD COLUMN failure TEXT NOT NULL DEFAULT '';

-- A unit of work (an article, a story) that a cross-article stage could not process:
-- recorded with a numbered reason instead of ending the run with a traceback.
CREATE TABLE stage_failures (
    stage TEXT NOT NULL,
    unit TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (stage, unit)
);
