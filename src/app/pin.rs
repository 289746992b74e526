//! The operator PIN: Argon2id hashes in PHC form (`$argon2id$v=19$…`), as `[kiosk] operator_pin_hash` holds.

use crate::kiosk::Pin;
use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// Whether `pin` matches `hash`. No hash, or a hash that cannot be read, matches nothing.
pub fn verify(hash: Option<&str>, pin: &Pin) -> bool {
    let Some(parsed) = hash.and_then(|h| PasswordHash::new(h).ok()) else {
        return false;
    };
    Argon2::default()
        .verify_password(pin.0.as_bytes(), &parsed)
        .is_ok()
}

/// A new Argon2id hash of `pin`, with a random salt, for the config file.
pub fn hash(pin: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(pin.as_bytes(), &salt)?
        .to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_pin_matches_and_others_do_not() {
        let h = hash("4711").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify(Some(&h), &Pin("4711".into())));
        assert!(!verify(Some(&h), &Pin("4712".into())));
        assert!(!verify(None, &Pin("4711".into())));
        assert!(!verify(Some("$argon2id$garbage"), &Pin("4711".into())));
    }
}
