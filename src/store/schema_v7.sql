-- Schema version 7 (helper fhir): the catalogue's purpose codes, for FHIR AuditEvent ingest.
--
-- A `[[purpose_code]]` says which catalogue purpose a code of a standard code system means (a FHIR Coding's
-- `system` and `code` in `purposeOfUse` or `purposeOfEvent`). Versioned with the rest of the catalogue; each
-- (system, code) pair means one purpose in a version. AuditEvents themselves go into `access_events`, and their
-- resource id into `ingested_events` as `AuditEvent/<id>`, so no other table is needed.
CREATE TABLE cat_purpose_codes (
    version_id INTEGER NOT NULL REFERENCES catalogue_versions (id),
    id         TEXT NOT NULL,
    pos        INTEGER NOT NULL,
    system     TEXT NOT NULL,
    code       TEXT NOT NULL,
    purpose_id TEXT NOT NULL,
    PRIMARY KEY (version_id, id),
    UNIQUE (version_id, system, code),
    FOREIGN KEY (version_id, purpose_id) REFERENCES cat_purposes (version_id, id)
) STRICT, WITHOUT ROWID;
