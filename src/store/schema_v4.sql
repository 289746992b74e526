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
