-- Schema version 1 of the Indsigt store.
-- Times are INTEGER unix seconds (UTC); dates are TEXT `YYYY-MM-DD`.
-- Names a citizen reads are bilingual: `*_da` and `*_en`.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE areas (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    sort           INTEGER NOT NULL,
    name_da        TEXT NOT NULL,
    name_en        TEXT NOT NULL,
    description_da TEXT NOT NULL,
    description_en TEXT NOT NULL
) STRICT;

CREATE TABLE citizens (
    id           INTEGER PRIMARY KEY,
    public_id    TEXT NOT NULL UNIQUE,
    subject      TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    cpr          TEXT NOT NULL,
    -- Shown in the demo sign-in list when `demo` = 1.
    demo         INTEGER NOT NULL DEFAULT 0,
    situation_da TEXT NOT NULL DEFAULT '',
    situation_en TEXT NOT NULL DEFAULT ''
) STRICT;

-- Dimension tables: small, shared by all citizens, referenced by integer id.
CREATE TABLE organisations (id INTEGER PRIMARY KEY, name_da TEXT NOT NULL, name_en TEXT NOT NULL, UNIQUE (name_da, name_en)) STRICT;
CREATE TABLE units         (id INTEGER PRIMARY KEY, name_da TEXT NOT NULL, name_en TEXT NOT NULL, UNIQUE (name_da, name_en)) STRICT;
CREATE TABLE roles         (id INTEGER PRIMARY KEY, name_da TEXT NOT NULL, name_en TEXT NOT NULL, UNIQUE (name_da, name_en)) STRICT;
CREATE TABLE data_kinds    (id INTEGER PRIMARY KEY, name_da TEXT NOT NULL, name_en TEXT NOT NULL, UNIQUE (name_da, name_en)) STRICT;
CREATE TABLE recipients    (id INTEGER PRIMARY KEY, name_da TEXT NOT NULL, name_en TEXT NOT NULL, UNIQUE (name_da, name_en)) STRICT;
CREATE TABLE systems       (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;

CREATE TABLE legal_bases (
    id       INTEGER PRIMARY KEY,
    gdpr_da  TEXT NOT NULL,
    gdpr_en  TEXT NOT NULL,
    law_da   TEXT NOT NULL,
    law_en   TEXT NOT NULL,
    plain_da TEXT NOT NULL,
    plain_en TEXT NOT NULL,
    UNIQUE (gdpr_da, law_da)
) STRICT;

CREATE TABLE purposes (
    id                INTEGER PRIMARY KEY,
    name_da           TEXT NOT NULL,
    name_en           TEXT NOT NULL,
    description_da    TEXT NOT NULL,
    description_en    TEXT NOT NULL,
    legal_basis_id    INTEGER NOT NULL REFERENCES legal_bases (id),
    lawfulness        TEXT NOT NULL CHECK (lawfulness IN ('voluntary', 'required_by_law')),
    how_to_object_da  TEXT NOT NULL,
    how_to_object_en  TEXT NOT NULL,
    UNIQUE (name_da, name_en)
) STRICT;

-- A data category held about one citizen. Its name is its data kind's name.
CREATE TABLE categories (
    id              INTEGER PRIMARY KEY,
    citizen_id      INTEGER NOT NULL REFERENCES citizens (id),
    area_id         INTEGER NOT NULL REFERENCES areas (id),
    kind_id         INTEGER NOT NULL REFERENCES data_kinds (id),
    description_da  TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    origin_kind     TEXT NOT NULL CHECK (origin_kind IN ('citizen', 'cpr_register', 'authority')),
    origin_da       TEXT NOT NULL,
    origin_en       TEXT NOT NULL,
    legal_basis_id  INTEGER NOT NULL REFERENCES legal_bases (id),
    lawfulness      TEXT NOT NULL CHECK (lawfulness IN ('voluntary', 'required_by_law')),
    retention_da    TEXT NOT NULL,
    retention_en    TEXT NOT NULL,
    delete_on       TEXT,
    system_id       INTEGER NOT NULL REFERENCES systems (id),
    special         INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX idx_categories_citizen_area ON categories (citizen_id, area_id);

CREATE TABLE category_fields (
    category_id INTEGER NOT NULL REFERENCES categories (id),
    pos         INTEGER NOT NULL,
    label_da    TEXT NOT NULL,
    label_en    TEXT NOT NULL,
    value_da    TEXT NOT NULL,
    value_en    TEXT NOT NULL,
    sensitive   INTEGER NOT NULL,
    PRIMARY KEY (category_id, pos)
) STRICT, WITHOUT ROWID;

CREATE TABLE category_purposes (
    category_id INTEGER NOT NULL REFERENCES categories (id),
    purpose_id  INTEGER NOT NULL REFERENCES purposes (id),
    PRIMARY KEY (category_id, purpose_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX idx_category_purposes_purpose ON category_purposes (purpose_id);

CREATE TABLE category_recipients (
    category_id  INTEGER NOT NULL REFERENCES categories (id),
    recipient_id INTEGER NOT NULL REFERENCES recipients (id),
    PRIMARY KEY (category_id, recipient_id)
) STRICT, WITHOUT ROWID;

-- The access log. One row per access, or per batch run. `hidden_until`: deferred entries.
CREATE TABLE access_events (
    id              INTEGER PRIMARY KEY,
    citizen_id      INTEGER NOT NULL REFERENCES citizens (id),
    at              INTEGER NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    unit_id         INTEGER NOT NULL REFERENCES units (id),
    role_id         INTEGER NOT NULL REFERENCES roles (id),
    employee        TEXT,
    system_id       INTEGER NOT NULL REFERENCES systems (id),
    area_id         INTEGER NOT NULL REFERENCES areas (id),
    kind_id         INTEGER NOT NULL REFERENCES data_kinds (id),
    action          INTEGER NOT NULL,
    purpose_id      INTEGER NOT NULL REFERENCES purposes (id),
    case_ref        TEXT,
    batch_run_id    TEXT,
    batch_records   INTEGER,
    hidden_until    INTEGER
) STRICT;
-- The page without filters, the period filter, and the total count. The rowid (id) is the last key of
-- every index, so each serves ORDER BY at DESC, id DESC.
CREATE INDEX idx_events_citizen_at ON access_events (citizen_id, at);
-- One index per equality filter, each ending in `at` so the page is read in order and stops at LIMIT.
CREATE INDEX idx_events_citizen_action_at ON access_events (citizen_id, action, at);
CREATE INDEX idx_events_citizen_area_at ON access_events (citizen_id, area_id, at);
CREATE INDEX idx_events_citizen_org_at ON access_events (citizen_id, organisation_id, at);
-- Deferred entries are rare: a partial index counts them without touching the table.
CREATE INDEX idx_events_hidden ON access_events (citizen_id, hidden_until) WHERE hidden_until IS NOT NULL;

CREATE TABLE access_reports (
    id         INTEGER PRIMARY KEY,
    citizen_id INTEGER NOT NULL REFERENCES citizens (id),
    event_id   INTEGER NOT NULL REFERENCES access_events (id),
    reference  TEXT NOT NULL UNIQUE,
    filed_at   INTEGER NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('received', 'under_review', 'answered')),
    UNIQUE (citizen_id, event_id)
) STRICT;

CREATE TABLE consents (
    id                 INTEGER PRIMARY KEY,
    citizen_id         INTEGER NOT NULL REFERENCES citizens (id),
    scope_da           TEXT NOT NULL,
    scope_en           TEXT NOT NULL,
    recipient_da       TEXT NOT NULL,
    recipient_en       TEXT NOT NULL,
    purpose_da         TEXT NOT NULL,
    purpose_en         TEXT NOT NULL,
    given_at           INTEGER NOT NULL,
    withdrawn_at       INTEGER,
    withdrawal_pending INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX idx_consents_citizen ON consents (citizen_id);

CREATE TABLE decision_support (
    id               INTEGER PRIMARY KEY,
    citizen_id       INTEGER NOT NULL REFERENCES citizens (id),
    area_id          INTEGER NOT NULL REFERENCES areas (id),
    tool_da          TEXT NOT NULL,
    tool_en          TEXT NOT NULL,
    purpose_da       TEXT NOT NULL,
    purpose_en       TEXT NOT NULL,
    how_it_helps_da  TEXT NOT NULL,
    how_it_helps_en  TEXT NOT NULL,
    human_role_da    TEXT NOT NULL,
    human_role_en    TEXT NOT NULL,
    result_da        TEXT NOT NULL,
    result_en        TEXT NOT NULL,
    how_to_object_da TEXT NOT NULL,
    how_to_object_en TEXT NOT NULL,
    used_at          INTEGER NOT NULL,
    case_ref         TEXT
) STRICT;
CREATE INDEX idx_decision_support_citizen ON decision_support (citizen_id);

CREATE TABLE decision_inputs (
    decision_id INTEGER NOT NULL REFERENCES decision_support (id),
    pos         INTEGER NOT NULL,
    text_da     TEXT NOT NULL,
    text_en     TEXT NOT NULL,
    PRIMARY KEY (decision_id, pos)
) STRICT, WITHOUT ROWID;

CREATE TABLE decision_factors (
    decision_id INTEGER NOT NULL REFERENCES decision_support (id),
    pos         INTEGER NOT NULL,
    name_da     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    effect_da   TEXT NOT NULL,
    effect_en   TEXT NOT NULL,
    PRIMARY KEY (decision_id, pos)
) STRICT, WITHOUT ROWID;

-- Kiosk visits. No personal data about the helper: only whether staff or a volunteer helped.
CREATE TABLE kiosk_visits (
    id         INTEGER PRIMARY KEY,
    citizen_id INTEGER NOT NULL REFERENCES citizens (id),
    kiosk_id   TEXT NOT NULL,
    location   TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    helper     TEXT NOT NULL CHECK (helper IN ('no_one', 'staff', 'volunteer')),
    event_id   INTEGER NOT NULL REFERENCES access_events (id)
) STRICT;
CREATE INDEX idx_kiosk_visits_citizen ON kiosk_visits (citizen_id);
