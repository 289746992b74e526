-- Schema version 5 (helper E): answers to "Was this understandable?" at sign-out.
--
-- Nothing here can point to a citizen: no citizen key, no subject, no time finer than the day, and no row id.
-- Answers are counted per (day, kiosk, answer, screens), so two visits on the same day with the same answer and
-- the same screens are one row, and nothing orders visits within a day (nothing to join with the access log).
CREATE TABLE feedback (
    -- The day in Europe/Copenhagen, YYYY-MM-DD.
    day      TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kiosk_id TEXT NOT NULL CHECK (length(kiosk_id) BETWEEN 1 AND 200),
    answer   TEXT NOT NULL CHECK (answer IN ('mostly', 'partly', 'hard')),
    -- The screen names visited, sorted, each once, joined with ','.
    screens  TEXT NOT NULL,
    answers  INTEGER NOT NULL CHECK (answers > 0),
    PRIMARY KEY (day, kiosk_id, answer, screens)
) STRICT, WITHOUT ROWID;
