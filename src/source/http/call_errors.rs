//! What a failed call becomes on the kiosk: the [`SourceError`] for a status and the server's error code,
//! for a request that got no answer, and for a body that broke off. The texts name no URL and no data.

use crate::source::SourceError;
use reqwest::StatusCode;
use reqwest::blocking::Response;
use std::io::Read;

/// How much of an error answer is read to find its `code`.
const ERROR_BODY_BYTES: u64 = 4096;

/// The `code` of a JSON error answer, if it has one (`{"code": "...", "message": "..."}`).
pub(super) fn error_code(response: Response) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct ErrorBody {
        code: String,
    }
    let mut body = Vec::new();
    response
        .take(ERROR_BODY_BYTES)
        .read_to_end(&mut body)
        .ok()?;
    serde_json::from_slice::<ErrorBody>(&body)
        .ok()
        .map(|b| b.code)
}

/// The error for an answer that is not 2xx.
pub(super) fn status_error(status: StatusCode, code: Option<&str>) -> SourceError {
    match status.as_u16() {
        401 => SourceError::Unauthorized,
        403 if code == Some("unknown_citizen") => SourceError::UnknownCitizen,
        // The server does not know this kiosk's key: a setup fault of the kiosk, not the citizen's
        // sign-in, so it must not sign the citizen out. The visit is logged as not recorded.
        403 if code == Some("unknown_kiosk") => {
            SourceError::Server("HTTP 403 unknown_kiosk: this kiosk is not registered".into())
        }
        // Refusals of what the sign-in may do (acting for someone, staff sign-in): not a lost sign-in.
        403 if matches!(code, Some("forbidden" | "not_configured")) => {
            SourceError::Forbidden(code.unwrap_or_default().to_owned())
        }
        403 => SourceError::Unauthorized,
        404 => SourceError::NotFound,
        n => SourceError::Server(match code {
            Some(code) => format!("HTTP {n} {code}"),
            None => format!("HTTP {n}"),
        }),
    }
}

/// The error for a request that got no answer.
pub(super) fn transport(e: &reqwest::Error) -> SourceError {
    if e.is_timeout() {
        SourceError::Timeout
    } else if e.is_connect() {
        SourceError::Unreachable(format!("connect: {}", describe(e)))
    } else if e.is_body() || e.is_decode() {
        SourceError::Malformed(format!("body: {}", describe(e)))
    } else {
        SourceError::Unreachable(describe(e))
    }
}

/// The error for a body that broke off while it was read.
pub(super) fn read_error(e: &std::io::Error) -> SourceError {
    let inner = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<reqwest::Error>());
    if e.kind() == std::io::ErrorKind::TimedOut || inner.is_some_and(reqwest::Error::is_timeout) {
        SourceError::Timeout
    } else {
        // The io error may wrap a reqwest error that names the URL: keep only its kind.
        SourceError::Malformed(format!("truncated: the body broke off ({:?})", e.kind()))
    }
}

/// An error and its causes in one line. Give it an error without its URL (`without_url`).
pub(super) fn describe(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_the_kiosk_errors() {
        let s = |n| StatusCode::from_u16(n).unwrap();
        assert_eq!(status_error(s(401), None), SourceError::Unauthorized);
        assert_eq!(
            status_error(s(403), Some("unknown_citizen")),
            SourceError::UnknownCitizen
        );
        assert!(matches!(
            status_error(s(403), Some("unknown_kiosk")),
            SourceError::Server(_)
        ));
        assert_eq!(
            status_error(s(403), Some("forbidden")),
            SourceError::Forbidden("forbidden".into())
        );
        assert_eq!(
            status_error(s(403), Some("not_configured")),
            SourceError::Forbidden("not_configured".into())
        );
        assert_eq!(status_error(s(403), None), SourceError::Unauthorized);
        assert_eq!(status_error(s(404), None), SourceError::NotFound);
        assert!(matches!(status_error(s(503), None), SourceError::Server(_)));
    }
}
