//! Bearer tokens: held in memory only, never printed, zeroized on drop.

use secrecy::{ExposeSecret, SecretString};
use std::fmt;

/// What the token of a visit a member of staff opened starts with: the server makes it, the kiosk ends it
/// at sign-out, and neither takes it for an issuer's JWT.
pub const ASSISTED_TOKEN_PREFIX: &str = "ias_";

/// An OAuth access token. `Debug` prints `[REDACTED]`; the memory is zeroized when it is dropped.
#[derive(Clone)]
pub struct AccessToken(SecretString);

impl AccessToken {
    pub fn new(token: impl Into<String>) -> AccessToken {
        AccessToken(SecretString::from(token.into()))
    }

    /// The token itself, for the `Authorization` header only.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl PartialEq for AccessToken {
    fn eq(&self, other: &AccessToken) -> bool {
        self.expose() == other.expose()
    }
}

impl Eq for AccessToken {}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken([REDACTED])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_token() {
        let t = AccessToken::new("eyJhbGciOiJSUzI1NiJ9.secret");
        assert_eq!(format!("{t:?}"), "AccessToken([REDACTED])");
        assert_eq!(t.expose(), "eyJhbGciOiJSUzI1NiJ9.secret");
    }
}
