//! Registered kiosks: a kiosk proves which one it is with its own key in `X-Indsigt-Kiosk`, and the
//! server knows its id and location from `[[server.kiosks]]`. A visit is recorded only for a registered
//! kiosk, so no client can say where or when a visit happened.

use super::error::ApiError;
use super::state::ServerState;
use crate::auth::ApiKeys;
use crate::domain::port::Helper;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::Deserialize;
use std::collections::HashMap;

/// The header a kiosk sends its key in, on every request.
pub const KIOSK_HEADER: &str = "x-indsigt-kiosk";

/// The configured kiosks: key hashes by kiosk id, and each kiosk's location.
#[derive(Debug, Clone, Default)]
pub struct KioskRegistry {
    keys: ApiKeys,
    locations: HashMap<String, String>,
    /// The kiosks where a member of staff may open visits.
    staff: std::collections::HashSet<String>,
}

impl KioskRegistry {
    /// From `(id, location, key_sha256 hex)` triples; the error is the id of the first bad hash.
    pub fn new<'a>(
        kiosks: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    ) -> Result<KioskRegistry, String> {
        let mut pairs = Vec::new();
        let mut locations = HashMap::new();
        for (id, location, hash) in kiosks {
            pairs.push((id, hash));
            locations.insert(id.to_owned(), location.to_owned());
        }
        Ok(KioskRegistry {
            keys: ApiKeys::new(pairs)?,
            locations,
            staff: Default::default(),
        })
    }

    /// The same registry, with staff sign-in allowed at the kiosks `ids` names.
    pub fn with_staff_sign_in<'a>(
        mut self,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> KioskRegistry {
        self.staff = ids.into_iter().map(str::to_owned).collect();
        self
    }

    /// The kiosk whose key this is.
    pub fn kiosk_for(&self, presented: &str) -> Option<RegisteredKiosk> {
        let id = self.keys.system_for(presented)?;
        let location = self.locations.get(id)?;
        Some(RegisteredKiosk {
            id: id.to_owned(),
            location: location.clone(),
            staff_sign_in: self.staff.contains(id),
        })
    }
}

/// The registered kiosk a request came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisteredKiosk {
    pub id: String,
    pub location: String,
    /// A member of staff may open visits here.
    pub staff_sign_in: bool,
}

impl FromRequestParts<ServerState> for RegisteredKiosk {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &ServerState,
    ) -> Result<RegisteredKiosk, ApiError> {
        let refused =
            |message: &str| ApiError::new(StatusCode::FORBIDDEN, "unknown_kiosk", message);
        let key = parts
            .headers
            .get(KIOSK_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .ok_or_else(|| refused("a registered kiosk's key is required (X-Indsigt-Kiosk)"))?;
        state
            .kiosks
            .kiosk_for(key)
            .ok_or_else(|| refused("the kiosk key is not registered"))
    }
}

/// The body of `POST /v1/kiosk-visits`: only what the citizen chose. The kiosk, its location and the
/// time are the server's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitBody {
    pub helper: Helper,
}
