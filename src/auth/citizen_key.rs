//! The citizen key: how the store knows a citizen without holding their CPR number.
//!
//! Line-of-business systems know citizens by CPR number, and so does a NemLog-in broker's token. The store
//! keeps only `HMAC-SHA-256(pepper, cpr)`, hex encoded, where the pepper is a secret read from a file that
//! never enters the database or the logs. The same CPR number always gives the same key under the same
//! pepper, so ingest and sign-in meet on it; without the pepper, the key cannot be turned back into a CPR
//! number by trying the few billion possible ones. On PostgreSQL the key is also the distribution column.

use crate::domain::Cpr;
use ring::hmac;
use secrecy::{ExposeSecret, SecretBox};
use std::fmt;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The shortest pepper accepted, in bytes (256 bits, the HMAC-SHA-256 key size).
pub const MIN_PEPPER_BYTES: usize = 32;

/// The secret key of the citizen-key HMAC. Held in memory only; zeroized when dropped; never printed.
pub struct Pepper(SecretBox<Vec<u8>>);

impl fmt::Debug for Pepper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pepper([REDACTED])")
    }
}

/// Why the pepper could not be used. Each has a message id; the path is the operator's own config.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum PepperError {
    #[error("the pepper file {path} does not exist")]
    Missing { path: PathBuf },
    #[error("the pepper file {path} cannot be read: {detail}")]
    Unreadable { path: PathBuf, detail: String },
    #[error("the pepper in {path} has {got} bytes; at least {min} are needed")]
    TooShort {
        path: PathBuf,
        got: usize,
        min: usize,
    },
}

impl PepperError {
    pub fn message_id(&self) -> &'static str {
        match self {
            PepperError::Missing { .. } => "error-pepper-missing",
            PepperError::Unreadable { .. } => "error-pepper-unreadable",
            PepperError::TooShort { .. } => "error-pepper-too-short",
        }
    }
}

impl Pepper {
    /// Reads the pepper from `path`. A trailing newline (as `echo` or an editor leaves it) is not part of
    /// it; anything shorter than [`MIN_PEPPER_BYTES`] is refused.
    pub fn from_file(path: &Path) -> Result<Pepper, PepperError> {
        let bytes = std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => PepperError::Missing {
                path: path.to_owned(),
            },
            _ => PepperError::Unreadable {
                path: path.to_owned(),
                detail: e.kind().to_string(),
            },
        })?;
        let secret = SecretBox::new(Box::new(bytes));
        let len = trimmed_len(secret.expose_secret());
        if len < MIN_PEPPER_BYTES {
            return Err(PepperError::TooShort {
                path: path.to_owned(),
                got: len,
                min: MIN_PEPPER_BYTES,
            });
        }
        let mut kept = secret.expose_secret().clone();
        kept.truncate(len);
        Ok(Pepper(SecretBox::new(Box::new(kept))))
    }

    /// A pepper from bytes already in memory (tests, and a secret handed over by a vault).
    pub fn from_bytes(bytes: Vec<u8>) -> Option<Pepper> {
        (bytes.len() >= MIN_PEPPER_BYTES).then(|| Pepper(SecretBox::new(Box::new(bytes))))
    }

    /// A pepper from a constant, whose length is checked when the program is built (the public demo
    /// pepper of `indsigt demo-data`).
    pub fn from_const<const N: usize>(bytes: &[u8; N]) -> Pepper {
        const { assert!(N >= MIN_PEPPER_BYTES, "a pepper needs at least 32 bytes") };
        Pepper(SecretBox::new(Box::new(bytes.to_vec())))
    }

    /// The citizen key of `cpr`: 64 lowercase hex digits.
    pub fn citizen_key(&self, cpr: &Cpr) -> String {
        let key = hmac::Key::new(hmac::HMAC_SHA256, self.0.expose_secret());
        // The ten digits, without the dash, so both spellings of a number give one key.
        let digits: String = cpr.reveal().chars().filter(char::is_ascii_digit).collect();
        let tag = hmac::sign(&key, digits.as_bytes());
        tag.as_ref().iter().map(|b| format!("{b:02x}")).collect()
    }
}

impl Pepper {
    /// A keyed tag of `parts` (joined with NUL bytes) for a purpose other than the citizen key: 32
    /// lowercase hex digits. `purpose` keeps the tags of different uses apart.
    pub fn tag(&self, purpose: &str, parts: &[&str]) -> String {
        let key = hmac::Key::new(hmac::HMAC_SHA256, self.0.expose_secret());
        let mut ctx = hmac::Context::with_key(&key);
        ctx.update(purpose.as_bytes());
        for p in parts {
            ctx.update(b"\0");
            ctx.update(p.as_bytes());
        }
        ctx.sign().as_ref()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// The length without trailing `\n` and `\r`.
fn trimmed_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .rposition(|b| *b != b'\n' && *b != b'\r')
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pepper() -> Pepper {
        Pepper::from_bytes(b"0123456789abcdef0123456789abcdef".to_vec()).unwrap()
    }

    #[test]
    fn the_key_is_the_hmac_of_the_ten_digits() {
        // Computed independently: `printf 3102414822 | openssl dgst -sha256 -hmac 0123456789abcdef0123456789abcdef`.
        let want = "98f2078e0658efe6ec1933bd2d8b2244809ca07503b86ae70dca2c3b0bc1879e";
        for spelling in ["310241-4822", "3102414822"] {
            let cpr = Cpr::parse(spelling).unwrap();
            assert_eq!(pepper().citizen_key(&cpr), want, "{spelling}");
        }
        let other = Pepper::from_bytes(b"another pepper, also 32 bytes long".to_vec()).unwrap();
        assert_ne!(other.citizen_key(&Cpr::parse("3102414822").unwrap()), want);
    }

    #[test]
    fn a_pepper_file_is_read_without_its_newline_and_refused_when_missing_or_short() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pepper");
        std::fs::write(&path, b"0123456789abcdef0123456789abcdef\n").unwrap();
        let cpr = Cpr::parse("3102414822").unwrap();
        let from_file = Pepper::from_file(&path).unwrap();
        assert_eq!(from_file.citizen_key(&cpr), pepper().citizen_key(&cpr));
        assert_eq!(format!("{from_file:?}"), "Pepper([REDACTED])");

        std::fs::write(&path, b"too short\n").unwrap();
        let err = Pepper::from_file(&path).unwrap_err();
        assert_eq!(
            err,
            PepperError::TooShort {
                path: path.clone(),
                got: 9,
                min: MIN_PEPPER_BYTES
            }
        );
        assert!(
            !err.to_string().contains("too short"),
            "the secret is not in the error"
        );

        let missing = dir.path().join("nope");
        assert_eq!(
            Pepper::from_file(&missing).unwrap_err(),
            PepperError::Missing { path: missing }
        );
        assert!(Pepper::from_bytes(vec![7; MIN_PEPPER_BYTES - 1]).is_none());
    }
}
