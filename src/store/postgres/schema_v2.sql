-- Version 2: the access log is partitioned on (at, id), the page's own order, and has no default partition.
-- The months' bounds are in the order of the page, so PostgreSQL reads a citizen's months newest first, one
-- after the other, and stops when the page is full; before, it opened every month's index for every page,
-- and with a default partition (whose rows may be of any time) it could do no better. A month with no
-- partition is now made by the server before an entry for it is written.
--
-- The rows are moved into the new table in this step's transaction: on a large log it takes a while, and
-- servers wait on the migrations' lock meanwhile.

ALTER SEQUENCE access_events_id_seq OWNED BY NONE;
ALTER TABLE access_events RENAME TO access_events_v1;
ALTER TABLE access_events_v1 RENAME CONSTRAINT access_events_pkey TO access_events_v1_pkey;
ALTER INDEX idx_events_citizen_at RENAME TO idx_events_v1_citizen_at;
ALTER INDEX idx_events_citizen_action_at RENAME TO idx_events_v1_citizen_action_at;
ALTER INDEX idx_events_citizen_area_at RENAME TO idx_events_v1_citizen_area_at;
ALTER INDEX idx_events_citizen_org_at RENAME TO idx_events_v1_citizen_org_at;
ALTER INDEX idx_events_citizen_id RENAME TO idx_events_v1_citizen_id;
ALTER INDEX idx_events_hidden RENAME TO idx_events_v1_hidden;
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT c.relname FROM pg_inherits i
           JOIN pg_class c ON c.oid = i.inhrelid
           JOIN pg_class p ON p.oid = i.inhparent
           WHERE p.relname = 'access_events_v1' AND c.relkind = 'r'
  LOOP
    EXECUTE format('ALTER TABLE %I RENAME TO %I', r.relname, r.relname || '_v1');
  END LOOP;
END $$;

CREATE TABLE access_events (
    id              BIGINT NOT NULL DEFAULT nextval('access_events_id_seq'),
    citizen_id      BIGINT NOT NULL REFERENCES citizens (id),
    at              BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    unit_id         BIGINT NOT NULL REFERENCES units (id),
    role_id         BIGINT NOT NULL REFERENCES roles (id),
    employee        TEXT,
    system_id       BIGINT NOT NULL REFERENCES systems (id),
    area_id         BIGINT NOT NULL REFERENCES areas (id),
    kind_id         BIGINT NOT NULL REFERENCES data_kinds (id),
    action          BIGINT NOT NULL,
    purpose_id      BIGINT NOT NULL REFERENCES purposes (id),
    case_ref        TEXT,
    batch_run_id    TEXT,
    batch_records   BIGINT,
    hidden_until    BIGINT,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at, id);
ALTER SEQUENCE access_events_id_seq OWNED BY access_events.id;
CREATE INDEX idx_events_citizen_at ON access_events (citizen_id, at DESC, id DESC);
CREATE INDEX idx_events_citizen_action_at ON access_events (citizen_id, action, at DESC, id DESC);
CREATE INDEX idx_events_citizen_area_at ON access_events (citizen_id, area_id, at DESC, id DESC);
CREATE INDEX idx_events_citizen_org_at ON access_events (citizen_id, organisation_id, at DESC, id DESC);
CREATE INDEX idx_events_citizen_id ON access_events (citizen_id, id);
CREATE INDEX idx_events_hidden ON access_events (citizen_id, hidden_until) WHERE hidden_until IS NOT NULL;

-- A partition for each month that holds entries (the server makes the months around today when it starts).
-- A month runs from its first second, with any id, to the next month's first second.
DO $$
DECLARE m timestamp;
BEGIN
  FOR m IN SELECT DISTINCT date_trunc('month', to_timestamp(at) AT TIME ZONE 'UTC') FROM access_events_v1
  LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF access_events FOR VALUES FROM (%s, MINVALUE) TO (%s, MINVALUE)',
                   'access_events_p' || to_char(m, 'YYYYMM'),
                   extract(epoch FROM m)::bigint,
                   extract(epoch FROM m + interval '1 month')::bigint);
  END LOOP;
END $$;

INSERT INTO access_events (id, citizen_id, at, organisation_id, unit_id, role_id, employee, system_id, area_id,
                           kind_id, action, purpose_id, case_ref, batch_run_id, batch_records, hidden_until)
SELECT id, citizen_id, at, organisation_id, unit_id, role_id, employee, system_id, area_id,
       kind_id, action, purpose_id, case_ref, batch_run_id, batch_records, hidden_until
FROM access_events_v1;
DROP TABLE access_events_v1;
