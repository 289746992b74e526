//! The tokens whose signature this process has already checked, so that a kiosk's next request with the
//! same token does not verify the same ECDSA or RSA signature again (a quarter of the server's CPU for a
//! log page, measured with `perf` under `benches/pg_scale.sh`).
//!
//! It holds no token and no claim: only the SHA-256 of each whole token (header, claims and signature, so a
//! token changed in any byte is not known) and until when it may skip the check. Everything else is still
//! checked on every request (`iss`, `aud`, `exp`, `nbf`, the subject). Entries count only for the key set
//! they were checked with: when the keys are fetched again (a rotation, a removed key, or just their
//! maximum age), the memo forgets them all. An entry lasts until the token's `exp`, and at most
//! [`MAX_SECS`]. At most [`CAPACITY`] entries: when full, the expired ones go, and if none has expired, all.
//! Kept per process; a second server checks the signature once more (`docs/scale.md`).

use super::jwks::Jwk;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The longest an entry skips the check, whatever the token's `exp`.
pub const MAX_SECS: i64 = 300;
/// The most entries kept (about 100 bytes each).
pub const CAPACITY: usize = 10_000;

type Digest = [u8; 32];

#[derive(Default)]
struct Inner {
    /// The key set the entries were checked with.
    keys: Option<Arc<Vec<Jwk>>>,
    /// A token's SHA-256 and the unix second from which it must be checked again.
    seen: HashMap<Digest, i64>,
}

impl Inner {
    /// The entries checked with `keys`: none if the keys were fetched again since.
    fn with_keys(&mut self, keys: &Arc<Vec<Jwk>>) -> &mut HashMap<Digest, i64> {
        if !self.keys.as_ref().is_some_and(|k| Arc::ptr_eq(k, keys)) {
            self.keys = Some(keys.clone());
            self.seen.clear();
        }
        &mut self.seen
    }
}

/// See the module's text.
#[derive(Default)]
pub struct SignatureMemo {
    inner: Mutex<Inner>,
}

impl std::fmt::Debug for SignatureMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SignatureMemo")
    }
}

fn digest(token: &[u8]) -> Digest {
    let mut out = [0u8; 32];
    out.copy_from_slice(ring::digest::digest(&ring::digest::SHA256, token).as_ref());
    out
}

impl SignatureMemo {
    pub fn new() -> SignatureMemo {
        SignatureMemo::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // Nothing in the memo can be left half-written by a panic; a poisoned lock is still usable.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether `token`'s signature was checked with `keys` and may be taken as good at `now`.
    pub fn knows(&self, keys: &Arc<Vec<Jwk>>, token: &[u8], now: i64) -> bool {
        self.lock()
            .with_keys(keys)
            .get(&digest(token))
            .is_some_and(|&until| now < until)
    }

    /// Remembers that `token`'s signature is good with `keys`, until its `exp` (at most [`MAX_SECS`]).
    pub fn remember(&self, keys: &Arc<Vec<Jwk>>, token: &[u8], exp: i64, now: i64) {
        let until = exp.min(now.saturating_add(MAX_SECS));
        if until <= now {
            return;
        }
        let mut inner = self.lock();
        let seen = inner.with_keys(keys);
        if seen.len() >= CAPACITY {
            seen.retain(|_, &mut until| now < until);
            if seen.len() >= CAPACITY {
                seen.clear();
            }
        }
        seen.insert(digest(token), until);
    }

    /// How many entries are kept.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.lock().seen.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Arc<Vec<Jwk>> {
        Arc::new(Vec::new())
    }

    #[test]
    fn a_remembered_token_is_known_until_its_exp_and_no_other_is() {
        let (memo, k) = (SignatureMemo::new(), keys());
        assert!(!memo.knows(&k, b"a.b.c", 1000));
        memo.remember(&k, b"a.b.c", 1100, 1000);
        assert!(memo.knows(&k, b"a.b.c", 1000));
        assert!(memo.knows(&k, b"a.b.c", 1099));
        assert!(!memo.knows(&k, b"a.b.c", 1100), "past exp");
        // The same claims with another signature, or one byte changed, are not known.
        assert!(!memo.knows(&k, b"a.b.d", 1000));
        assert!(!memo.knows(&k, b"a.b.c ", 1000));
    }

    #[test]
    fn an_entry_lasts_at_most_max_secs_and_an_expired_token_is_not_kept() {
        let (memo, k) = (SignatureMemo::new(), keys());
        memo.remember(&k, b"long", 1_000_000, 1000);
        assert!(memo.knows(&k, b"long", 1000 + MAX_SECS - 1));
        assert!(!memo.knows(&k, b"long", 1000 + MAX_SECS));
        memo.remember(&k, b"old", 999, 1000);
        assert!(!memo.knows(&k, b"old", 1000));
        assert_eq!(memo.len(), 1);
    }

    #[test]
    fn keys_fetched_again_forget_every_entry() {
        let (memo, old) = (SignatureMemo::new(), keys());
        memo.remember(&old, b"t", 2000, 1000);
        assert!(memo.knows(&old, b"t", 1000));
        // The same keys, fetched again: another set, checked anew.
        let new = keys();
        assert!(!memo.knows(&new, b"t", 1000));
        assert_eq!(memo.len(), 0);
        assert!(!memo.knows(&old, b"t", 1000));
    }

    #[test]
    fn a_full_memo_drops_the_expired_entries_then_all() {
        let (memo, k) = (SignatureMemo::new(), keys());
        for i in 0..CAPACITY {
            let exp = if i % 2 == 0 { 1010 } else { 1200 };
            memo.remember(&k, format!("t{i}").as_bytes(), exp, 1000);
        }
        assert_eq!(memo.len(), CAPACITY);
        // At 1100 half have expired: they go, the new one comes in.
        memo.remember(&k, b"new", 1200, 1100);
        assert_eq!(memo.len(), CAPACITY / 2 + 1);
        assert!(memo.knows(&k, b"t1", 1100));
        assert!(!memo.knows(&k, b"t0", 1100));
        // Full of live entries: all go, and only the newest is kept.
        let mut i = 0;
        while memo.len() < CAPACITY {
            memo.remember(&k, format!("u{i}").as_bytes(), 1200, 1100);
            i += 1;
        }
        memo.remember(&k, b"last", 1200, 1100);
        assert_eq!(memo.len(), 1);
        assert!(memo.knows(&k, b"last", 1100));
        assert!(!memo.knows(&k, b"new", 1100));
    }
}
