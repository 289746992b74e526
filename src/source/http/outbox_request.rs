//! The writes the kiosk sends through the outbox: each one's method, path and small JSON body, as sent and as
//! stored, and how a stored row is read back.

use crate::domain::Lang;
use crate::domain::port::Helper;

const VISITS_PATH: &str = "/v1/kiosk-visits";

/// A write the kiosk sends to the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxRequest {
    /// `POST /v1/consents/{id}/withdraw` with `{"lang": …}`, the language the citizen used.
    WithdrawConsent(i64, Lang),
    /// `POST /v1/access-log/{id}/report` with `{"lang": …}`: the answer comes in that language.
    ReportAccess(i64, Lang),
    /// `POST /v1/kiosk-visits` with `{"helper": …}`
    KioskVisit(Helper),
}

/// The body of a kiosk visit, as sent and as stored.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct VisitBody {
    helper: Helper,
}

/// The body of a withdrawal or a report, as sent and as stored.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LangBody {
    lang: Lang,
}

impl OutboxRequest {
    pub fn method(self) -> &'static str {
        "POST"
    }

    pub fn path(self) -> String {
        match self {
            OutboxRequest::WithdrawConsent(id, _) => format!("/v1/consents/{id}/withdraw"),
            OutboxRequest::ReportAccess(id, _) => format!("/v1/access-log/{id}/report"),
            OutboxRequest::KioskVisit(_) => VISITS_PATH.to_owned(),
        }
    }

    /// The JSON body, for the requests that have one.
    pub fn body(self) -> Option<serde_json::Value> {
        match self {
            OutboxRequest::KioskVisit(helper) => serde_json::to_value(VisitBody { helper }).ok(),
            OutboxRequest::WithdrawConsent(_, lang) | OutboxRequest::ReportAccess(_, lang) => {
                serde_json::to_value(LangBody { lang }).ok()
            }
        }
    }

    /// Whether a second filing of the same request while the first waits is the same entry (a withdrawal,
    /// a report), or a new one (a visit).
    pub fn once(self) -> bool {
        !matches!(self, OutboxRequest::KioskVisit(_))
    }

    /// The request a stored method, path and body stand for (`None` for one this version does not know).
    pub fn parse(method: &str, path: &str, body: Option<&str>) -> Option<OutboxRequest> {
        if method != "POST" {
            return None;
        }
        if path == VISITS_PATH {
            let body: VisitBody = serde_json::from_str(body?).ok()?;
            return Some(OutboxRequest::KioskVisit(body.helper));
        }
        let id = |prefix: &str, suffix: &str| -> Option<i64> {
            path.strip_prefix(prefix)?
                .strip_suffix(suffix)?
                .parse()
                .ok()
        };
        // An entry of version 2 has no body: the server's default language.
        let lang = match body {
            Some(b) => serde_json::from_str::<LangBody>(b).ok()?.lang,
            None => Lang::Da,
        };
        id("/v1/consents/", "/withdraw")
            .map(|id| OutboxRequest::WithdrawConsent(id, lang))
            .or_else(|| {
                id("/v1/access-log/", "/report").map(|id| OutboxRequest::ReportAccess(id, lang))
            })
    }

    /// A name for logs.
    pub fn kind(self) -> &'static str {
        match self {
            OutboxRequest::WithdrawConsent(..) => "withdraw_consent",
            OutboxRequest::ReportAccess(..) => "report_access",
            OutboxRequest::KioskVisit(_) => "kiosk_visit",
        }
    }
}
