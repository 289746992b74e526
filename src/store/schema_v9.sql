-- Schema step 9: acting for someone else.
--
-- `relations`: custody, as the Folkeregister (the CPR system) sends it: a parent, a child, the child's birth
-- date (for the age limit; the CPR number itself is never kept), and when custody began and ended. Both
-- people must be known citizens.
--
-- A kiosk visit made by one person in another's name is logged twice: in the subject's log (`on_behalf` =
-- `by_custody` or `by_power_of_attorney`, `on_behalf_name` = the actor's name) and in the actor's own
-- (`for_…`, the subject's name). `kiosk_visits` keeps the actor apart from the subject.

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

ALTER TABLE kiosk_visits ADD COLUMN actor_citizen_id INTEGER REFERENCES citizens (id);
ALTER TABLE kiosk_visits ADD COLUMN basis TEXT;
ALTER TABLE kiosk_visits ADD COLUMN actor_event_id INTEGER REFERENCES access_events (id);
