-- Schema step 9: acting for someone else.
--
-- `relations`: custody, as the Folkeregister (the CPR system) sends it: a parent, a child, the child's birth
-- date (for the age limit; the CPR number itself is never kept), and when custody began and ended. Both
-- people must be known citizens.
--
-- A kiosk visit made by one person in another's name is logged twice: in the subject's log (`on_behalf` =
-- `by_custody` or `by_power_of_attorney`, `on_behalf_name` = the actor's name) and in the actor's own
-- (`for_…`, the subject's name). `kiosk_visits` keeps the actor apart from the subject.
--
-- Sign-in with a member of staff, for a citizen without MitID on their phone: `assisted_sessions` holds each
-- visit staff opened (its token only as a SHA-256, for at most the configured time), and `staff_sign_ins`
-- every attempt, with the staff member, for the municipality's own audit. The citizen's log says a member
-- of staff opened the visit (`on_behalf` = `assisted`), never who.

CREATE TABLE relations (
    id           INTEGER PRIMARY KEY,
    parent_id    INTEGER NOT NULL REFERENCES citizens (id),
    child_id     INTEGER NOT NULL REFERENCES citizens (id),
    child_born   TEXT NOT NULL,
    custody_from TEXT NOT NULL,
    custody_to   TEXT,
    system_id    INTEGER NOT NULL REFERENCES systems (id),
    updated_at   INTEGER NOT NULL,
    UNIQUE (parent_id, child_id),
    CHECK (parent_id <> child_id)
) STRICT;

ALTER TABLE access_events ADD COLUMN on_behalf TEXT;
ALTER TABLE access_events ADD COLUMN on_behalf_name TEXT;

-- Plain columns (SQLite cannot add a column with a foreign key to a table that has rows and check it):
-- citizens.id and access_events.id.
ALTER TABLE kiosk_visits ADD COLUMN actor_citizen_id INTEGER;
ALTER TABLE kiosk_visits ADD COLUMN basis TEXT;
ALTER TABLE kiosk_visits ADD COLUMN actor_event_id INTEGER;

CREATE TABLE staff_sign_ins (
    id            INTEGER PRIMARY KEY,
    at            INTEGER NOT NULL,
    kiosk_id      TEXT NOT NULL,
    staff_subject TEXT,
    staff_name    TEXT,
    outcome       TEXT NOT NULL CHECK (outcome IN ('opened', 'bad_token', 'no_role', 'kiosk_not_allowed',
                                                   'malformed_cpr', 'unknown_citizen')),
    citizen_id    INTEGER REFERENCES citizens (id)
) STRICT;

CREATE TABLE assisted_sessions (
    id           INTEGER PRIMARY KEY,
    token_sha256 TEXT NOT NULL UNIQUE,
    citizen_id   INTEGER NOT NULL REFERENCES citizens (id),
    sign_in_id   INTEGER NOT NULL REFERENCES staff_sign_ins (id),
    kiosk_id     TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    ended_at     INTEGER
) STRICT;
