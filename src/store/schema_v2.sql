-- Schema version 2: access events posted by line-of-business systems (`POST /v1/ingest/access-events`).
-- A source system's own event id is remembered, so posting the same event again changes nothing.

CREATE TABLE ingested_events (
    system_id       INTEGER NOT NULL REFERENCES systems (id),
    source_event_id TEXT NOT NULL,
    event_id        INTEGER NOT NULL REFERENCES access_events (id),
    ingested_at     INTEGER NOT NULL,
    PRIMARY KEY (system_id, source_event_id)
) STRICT, WITHOUT ROWID;
