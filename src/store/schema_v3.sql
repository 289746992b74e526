-- Schema version 3: the processing catalogue (GDPR Art. 30) and the per-citizen tables that refer to it.
--
-- The catalogue is versioned: each `indsigt catalogue import` adds a row to `catalogue_versions` and a full copy of
-- the catalogue under that version; the newest version is the current one. Catalogue entries are keyed by the
-- DPO's own text ids (`home_care`), so per-citizen rows refer to a category, consent type or tool by id, across
-- versions; an import refuses to drop an id that citizens still have rows for.
--
-- The tables of version 1 (`categories`, `consents`, `decision_support`, …) are kept as they are, and stay what the
-- kiosk's queries read until they move to these tables.

CREATE TABLE catalogue_versions (
    id          INTEGER PRIMARY KEY,
    imported_at INTEGER NOT NULL,
    -- The folder it was imported from, as given, and the SHA-256 of its files (path and content).
    source      TEXT NOT NULL,
    digest      TEXT NOT NULL
) STRICT;

CREATE TABLE cat_areas (
    version_id     INTEGER NOT NULL REFERENCES catalogue_versions (id),
    id             TEXT NOT NULL,
    pos            INTEGER NOT NULL,
    name_da        TEXT NOT NULL,
    name_en        TEXT NOT NULL,
    description_da TEXT NOT NULL,
    description_en TEXT NOT NULL,
    PRIMARY KEY (version_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE cat_systems (
    version_id INTEGER NOT NULL REFERENCES catalogue_versions (id),
    id         TEXT NOT NULL,
    name       TEXT NOT NULL,
    owner_da   TEXT NOT NULL,
    owner_en   TEXT NOT NULL,
    contact    TEXT NOT NULL,
    PRIMARY KEY (version_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE cat_legal_bases (
    version_id INTEGER NOT NULL REFERENCES catalogue_versions (id),
    id         TEXT NOT NULL,
    gdpr_da    TEXT NOT NULL,
    gdpr_en    TEXT NOT NULL,
    law_da     TEXT NOT NULL,
    law_en     TEXT NOT NULL,
    plain_da   TEXT NOT NULL,
    plain_en   TEXT NOT NULL,
    PRIMARY KEY (version_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE cat_purposes (
    version_id       INTEGER NOT NULL REFERENCES catalogue_versions (id),
    id               TEXT NOT NULL,
    pos              INTEGER NOT NULL,
    name_da          TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    description_da   TEXT NOT NULL,
    description_en   TEXT NOT NULL,
    legal_basis_id   TEXT NOT NULL,
    lawfulness       TEXT NOT NULL CHECK (lawfulness IN ('voluntary', 'required_by_law')),
    how_to_object_da TEXT NOT NULL,
    how_to_object_en TEXT NOT NULL,
    PRIMARY KEY (version_id, id),
    FOREIGN KEY (version_id, legal_basis_id) REFERENCES cat_legal_bases (version_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE cat_categories (
    version_id       INTEGER NOT NULL REFERENCES catalogue_versions (id),
    id               TEXT NOT NULL,
    pos              INTEGER NOT NULL,
    area_id          TEXT NOT NULL,
    name_da          TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    description_da   TEXT NOT NULL,
    description_en   TEXT NOT NULL,
    special          INTEGER NOT NULL,
    legal_basis_id   TEXT NOT NULL,
    lawfulness       TEXT NOT NULL CHECK (lawfulness IN ('voluntary', 'required_by_law')),
    system_id        TEXT NOT NULL,
    origin_kind      TEXT NOT NULL CHECK (origin_kind IN ('citizen', 'cpr_register', 'authority')),
    origin_da        TEXT NOT NULL,
    origin_en        TEXT NOT NULL,
    -- The retention rule as data: `retention_years` after `retention_after` (from the end of that year when
    -- `retention_end_of_year` = 1); all NULL/0 when kept as long as the law requires.
    retention_years       INTEGER CHECK (retention_years BETWEEN 1 AND 100),
    retention_after       TEXT CHECK (retention_after IN ('last_use', 'case_closed', 'collected', 'decision')),
    retention_end_of_year INTEGER NOT NULL,
    PRIMARY KEY (version_id, id),
    FOREIGN KEY (version_id, area_id) REFERENCES cat_areas (version_id, id),
    FOREIGN KEY (version_id, legal_basis_id) REFERENCES cat_legal_bases (version_id, id),
    FOREIGN KEY (version_id, system_id) REFERENCES cat_systems (version_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE cat_category_fields (
    version_id  INTEGER NOT NULL,
    category_id TEXT NOT NULL,
    id          TEXT NOT NULL,
    pos         INTEGER NOT NULL,
    label_da    TEXT NOT NULL,
    label_en    TEXT NOT NULL,
    sensitive   INTEGER NOT NULL,
    PRIMARY KEY (version_id, category_id, id),
    FOREIGN KEY (version_id, category_id) REFERENCES cat_categories (version_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE cat_category_purposes (
    version_id  INTEGER NOT NULL,
    category_id TEXT NOT NULL,
    purpose_id  TEXT NOT NULL,
    pos         INTEGER NOT NULL,
    PRIMARY KEY (version_id, category_id, purpose_id),
    FOREIGN KEY (version_id, category_id) REFERENCES cat_categories (version_id, id),
    FOREIGN KEY (version_id, purpose_id) REFERENCES cat_purposes (version_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE cat_category_recipients (
    version_id  INTEGER NOT NULL,
    category_id TEXT NOT NULL,
    pos         INTEGER NOT NULL,
    name_da     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    PRIMARY KEY (version_id, category_id, pos),
    FOREIGN KEY (version_id, category_id) REFERENCES cat_categories (version_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE cat_consent_types (
    version_id   INTEGER NOT NULL REFERENCES catalogue_versions (id),
    id           TEXT NOT NULL,
    pos          INTEGER NOT NULL,
    scope_da     TEXT NOT NULL,
    scope_en     TEXT NOT NULL,
    recipient_da TEXT NOT NULL,
    recipient_en TEXT NOT NULL,
    purpose_id   TEXT NOT NULL,
    PRIMARY KEY (version_id, id),
    FOREIGN KEY (version_id, purpose_id) REFERENCES cat_purposes (version_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE cat_decision_tools (
    version_id       INTEGER NOT NULL REFERENCES catalogue_versions (id),
    id               TEXT NOT NULL,
    pos              INTEGER NOT NULL,
    area_id          TEXT NOT NULL,
    name_da          TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    used_for_da      TEXT NOT NULL,
    used_for_en      TEXT NOT NULL,
    how_it_helps_da  TEXT NOT NULL,
    how_it_helps_en  TEXT NOT NULL,
    human_role_da    TEXT NOT NULL,
    human_role_en    TEXT NOT NULL,
    how_to_object_da TEXT NOT NULL,
    how_to_object_en TEXT NOT NULL,
    system_id        TEXT,
    PRIMARY KEY (version_id, id),
    FOREIGN KEY (version_id, area_id) REFERENCES cat_areas (version_id, id),
    FOREIGN KEY (version_id, system_id) REFERENCES cat_systems (version_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE cat_decision_inputs (
    version_id INTEGER NOT NULL,
    tool_id    TEXT NOT NULL,
    pos        INTEGER NOT NULL,
    text_da    TEXT NOT NULL,
    text_en    TEXT NOT NULL,
    PRIMARY KEY (version_id, tool_id, pos),
    FOREIGN KEY (version_id, tool_id) REFERENCES cat_decision_tools (version_id, id)
) STRICT, WITHOUT ROWID;

-- What one system holds about one citizen in one category. `record_id` is the system's own id for it.
CREATE TABLE holdings (
    id              INTEGER PRIMARY KEY,
    citizen_id      INTEGER NOT NULL REFERENCES citizens (id),
    category_id     TEXT NOT NULL,
    system_id       TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    -- Where this citizen's data came from, when it differs from the category's usual origin.
    origin_da       TEXT,
    origin_en       TEXT,
    updated_at      INTEGER NOT NULL,
    -- `YYYY-MM-DD`: the start of the retention period; the deletion date follows from the category's rule.
    retention_start TEXT,
    case_ref        TEXT,
    -- The system's version of the record: an older one arriving late never overwrites a newer one.
    record_version  INTEGER NOT NULL,
    UNIQUE (system_id, record_id)
) STRICT;
CREATE INDEX idx_holdings_citizen ON holdings (citizen_id);
CREATE INDEX idx_holdings_category ON holdings (category_id);

CREATE TABLE holding_values (
    holding_id INTEGER NOT NULL REFERENCES holdings (id) ON DELETE CASCADE,
    field_id   TEXT NOT NULL,
    value_da   TEXT NOT NULL,
    value_en   TEXT NOT NULL,
    PRIMARY KEY (holding_id, field_id)
) STRICT, WITHOUT ROWID;

-- A consent of a catalogue consent type, given (and perhaps withdrawn) by one citizen.
CREATE TABLE citizen_consents (
    id                 INTEGER PRIMARY KEY,
    citizen_id         INTEGER NOT NULL REFERENCES citizens (id),
    consent_type_id    TEXT NOT NULL,
    system_id          TEXT,
    record_id          TEXT,
    given_at           INTEGER NOT NULL,
    withdrawn_at       INTEGER,
    withdrawal_pending INTEGER NOT NULL DEFAULT 0,
    record_version     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (system_id, record_id)
) STRICT;
CREATE INDEX idx_citizen_consents_citizen ON citizen_consents (citizen_id);
CREATE INDEX idx_citizen_consents_type ON citizen_consents (consent_type_id);

-- One use of a catalogue decision-support tool in one citizen's case.
CREATE TABLE decision_uses (
    id             INTEGER PRIMARY KEY,
    citizen_id     INTEGER NOT NULL REFERENCES citizens (id),
    tool_id        TEXT NOT NULL,
    system_id      TEXT,
    record_id      TEXT,
    used_at        INTEGER NOT NULL,
    case_ref       TEXT,
    result_da      TEXT NOT NULL,
    result_en      TEXT NOT NULL,
    record_version INTEGER NOT NULL DEFAULT 0,
    UNIQUE (system_id, record_id)
) STRICT;
CREATE INDEX idx_decision_uses_citizen ON decision_uses (citizen_id);
CREATE INDEX idx_decision_uses_tool ON decision_uses (tool_id);

CREATE TABLE decision_use_factors (
    use_id    INTEGER NOT NULL REFERENCES decision_uses (id) ON DELETE CASCADE,
    pos       INTEGER NOT NULL,
    name_da   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    effect_da TEXT NOT NULL,
    effect_en TEXT NOT NULL,
    PRIMARY KEY (use_id, pos)
) STRICT, WITHOUT ROWID;
