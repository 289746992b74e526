//! The broker's discovery document (OpenID Connect Discovery 1.0), read the same way by the kiosk's
//! blocking client and the portal's async one: each does its own GET of [`url`], then hands the answer
//! to [`document`].

use serde::de::DeserializeOwned;

/// The discovery document's address for `issuer`.
pub fn url(issuer: &str) -> String {
    format!(
        "{}/.well-known/openid-configuration",
        issuer.trim_end_matches('/')
    )
}

/// Why a discovery answer could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// The broker answered with this HTTP status.
    Status(u16),
    /// The body is not the document expected.
    Malformed,
}

impl Fault {
    /// The refusal's wording for the operator's log (no personal data is in it).
    pub fn refusal(&self) -> String {
        match self {
            Fault::Status(s) => format!("discovery answered {s}"),
            Fault::Malformed => "discovery document is malformed".to_owned(),
        }
    }
}

/// The endpoints of a discovery answer of `status` with `body`.
pub fn document<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<T, Fault> {
    if !(200..300).contains(&status) {
        return Err(Fault::Status(status));
    }
    serde_json::from_slice(body).map_err(|_| Fault::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    struct Doc {
        token_endpoint: String,
    }

    #[test]
    fn a_document_is_read_only_from_a_success_with_the_fields() {
        assert_eq!(
            url("https://broker.example/"),
            "https://broker.example/.well-known/openid-configuration"
        );
        let ok: Doc = document(200, br#"{"token_endpoint":"https://b/t"}"#).unwrap();
        assert_eq!(ok.token_endpoint, "https://b/t");
        assert_eq!(document::<Doc>(503, b"{}").unwrap_err(), Fault::Status(503));
        assert_eq!(
            document::<Doc>(200, b"<html>").unwrap_err(),
            Fault::Malformed
        );
        assert_eq!(document::<Doc>(200, b"{}").unwrap_err(), Fault::Malformed);
    }
}
