-- Schema version 4: citizens known by a keyed hash of their CPR number, deleted holdings kept as tombstones,
-- and each system's last successful ingest.
--
-- `cpr_key` is `Pepper::citizen_key` (HMAC-SHA-256 of the CPR number, hex); the pepper is never in the
-- database. A citizen created by ingest has no CPR number in clear: `cpr` holds only the masked form.

ALTER TABLE citizens ADD COLUMN cpr_key TEXT;
CREATE UNIQUE INDEX idx_citizens_cpr_key ON citizens (cpr_key) WHERE cpr_key IS NOT NULL;

-- A holding the system deleted: kept (without its values) so that an older version arriving late cannot
-- bring it back. The kiosk never shows it.
ALTER TABLE holdings ADD COLUMN deleted_at INTEGER;
-- A record id belongs to the system that first sent it; another system reusing it is refused.
CREATE INDEX idx_holdings_record ON holdings (record_id);
CREATE INDEX idx_citizen_consents_record ON citizen_consents (record_id);
CREATE INDEX idx_decision_uses_record ON decision_uses (record_id);

-- Each catalogue system's last successful ingest (any kind), unix seconds.
CREATE TABLE system_ingests (
    system_id      TEXT PRIMARY KEY,
    last_ingest_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Where `indsigt ingest` got to in a file: written in the same transaction as the batch before it, so a second
-- run of the same file (same system, kind and identity: path, size and SHA-256 of the first 64 KiB) resumes there.
CREATE TABLE ingest_checkpoints (
    system_id   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    file_key    TEXT NOT NULL,
    byte_offset INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (system_id, kind, file_key)
) STRICT, WITHOUT ROWID;
