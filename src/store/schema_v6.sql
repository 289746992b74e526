-- Schema version 6: the citizen's requests (consent withdrawals and "I don't recognise this" reports) with their
-- status and answers, the outbox that carries withdrawals to the system that holds the consent (pull feed and
-- webhooks), and every webhook delivery attempt.
--
-- A request is written in the same transaction as the withdrawal or the report it stands for, and a withdrawal's
-- outbox row in the same transaction again, so nothing the citizen filed can be lost between them.
-- Existing reports (`access_reports`) and pending withdrawals are carried over, filed in Danish.

CREATE TABLE requests (
    id          INTEGER PRIMARY KEY,
    citizen_id  INTEGER NOT NULL REFERENCES citizens (id),
    kind        TEXT NOT NULL CHECK (kind IN ('withdrawal', 'report')),
    -- The reference told to the citizen: the report's own, or `IND-<year>-W<consent id>` for a withdrawal.
    reference   TEXT NOT NULL UNIQUE,
    -- A withdrawal: the consent, and the catalogue system that holds it (NULL: a consent no system sent).
    consent_id  INTEGER UNIQUE REFERENCES citizen_consents (id),
    system_id   TEXT,
    -- A report: the report, and the organisation and system of the reported entry (for the DPO).
    report_id   INTEGER UNIQUE REFERENCES access_reports (id),
    entry_organisation_id INTEGER REFERENCES organisations (id),
    entry_system TEXT,
    -- The language the citizen used when filing; an answer always has a text in it.
    lang        TEXT NOT NULL CHECK (lang IN ('da', 'en')),
    status      TEXT NOT NULL CHECK (status IN ('sent', 'under_review', 'answered', 'done', 'refused')),
    -- The DPO's answer or the system's reason for a refusal; a language may be '' (given in the other one only).
    answer_da   TEXT,
    answer_en   TEXT,
    filed_at    INTEGER NOT NULL,
    -- When the status or answer last changed, and when the citizen last opened "Your requests".
    updated_at  INTEGER NOT NULL,
    seen_at     INTEGER,
    -- How many times the status or answer changed, and how many of those the citizen has seen: exact where two
    -- changes fall in one second.
    changes      INTEGER NOT NULL DEFAULT 0,
    seen_changes INTEGER NOT NULL DEFAULT 0,
    CHECK ((kind = 'withdrawal') = (consent_id IS NOT NULL)),
    CHECK ((kind = 'report') = (report_id IS NOT NULL))
) STRICT;
CREATE INDEX idx_requests_citizen ON requests (citizen_id, filed_at);
CREATE INDEX idx_requests_report_status ON requests (kind, status);

-- One row per withdrawal that goes to a system. The pull feed serves the rows without `acked_at`, in request order;
-- the webhook task delivers the rows without `delivered_at` whose `next_attempt_at` has come.
CREATE TABLE request_outbox (
    request_id      INTEGER PRIMARY KEY REFERENCES requests (id),
    system_id       TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    acked_at        INTEGER,
    delivered_at    INTEGER,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    -- Set when the retries ran out: the row is kept (and listed by `indsigt requests failed`), never dropped.
    gave_up_at      INTEGER
) STRICT;
CREATE INDEX idx_outbox_feed ON request_outbox (system_id, request_id) WHERE acked_at IS NULL;
CREATE INDEX idx_outbox_due ON request_outbox (system_id, next_attempt_at)
    WHERE delivered_at IS NULL AND acked_at IS NULL AND gave_up_at IS NULL;

-- Every webhook delivery attempt: when, and the HTTP status or what went wrong. Never the body.
CREATE TABLE delivery_attempts (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES request_outbox (request_id),
    at          INTEGER NOT NULL,
    -- `delivered`, `http_status`, `redirect`, `timeout`, `connect` or `failed`.
    outcome     TEXT NOT NULL CHECK (outcome IN ('delivered', 'http_status', 'redirect', 'timeout', 'connect', 'failed')),
    http_status INTEGER
) STRICT;
CREATE INDEX idx_delivery_attempts_request ON delivery_attempts (request_id, at);

-- Carry over the reports filed before version 6.
INSERT INTO requests (citizen_id, kind, reference, report_id, entry_organisation_id, entry_system, lang, status,
                      filed_at, updated_at)
SELECT r.citizen_id, 'report', r.reference, r.id, e.organisation_id, s.name, 'da',
       CASE r.status WHEN 'received' THEN 'sent' ELSE r.status END, r.filed_at, r.filed_at
FROM access_reports r
JOIN access_events e ON e.id = r.event_id
JOIN systems s ON s.id = e.system_id;

-- Carry over the withdrawals still pending: they are now filed (and withdrawn), and go to their system.
INSERT INTO requests (citizen_id, kind, reference, consent_id, system_id, lang, status, filed_at, updated_at)
SELECT k.citizen_id, 'withdrawal',
       'IND-' || strftime('%Y', coalesce(k.withdrawn_at, unixepoch()), 'unixepoch') || '-W' || printf('%06d', k.id),
       k.id, k.system_id, 'da', 'sent', coalesce(k.withdrawn_at, unixepoch()), coalesce(k.withdrawn_at, unixepoch())
FROM citizen_consents k
WHERE k.withdrawal_pending = 1;
UPDATE citizen_consents SET withdrawn_at = coalesce(withdrawn_at, unixepoch()), withdrawal_pending = 0
WHERE withdrawal_pending = 1;
INSERT INTO request_outbox (request_id, system_id, created_at, next_attempt_at)
SELECT id, system_id, filed_at, filed_at FROM requests WHERE kind = 'withdrawal' AND system_id IS NOT NULL;
