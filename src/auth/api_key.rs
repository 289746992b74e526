//! API keys of the line-of-business systems that post to the ingest endpoint. Only SHA-256 hashes of the
//! keys are configured; a presented key is hashed and compared with every configured hash in constant time.

use subtle::ConstantTimeEq;

/// One system's key hash.
#[derive(Clone)]
struct Entry {
    system: String,
    hash: [u8; 32],
}

/// The configured keys, by system.
#[derive(Clone, Default)]
pub struct ApiKeys {
    entries: Vec<Entry>,
}

impl std::fmt::Debug for ApiKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiKeys")
            .field("systems", &self.entries.len())
            .finish()
    }
}

/// The lowercase hex SHA-256 of `key`: what `[[server.ingest_keys]] key_sha256` holds.
pub fn sha256_hex(key: &str) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, key.as_bytes());
    digest.as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

fn parse_hex32(hex: &str) -> Option<[u8; 32]> {
    let hex = hex.trim();
    if hex.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        let pair = hex.get(2 * i..2 * i + 2)?;
        *byte = u8::from_str_radix(pair, 16).ok()?;
    }
    Some(out)
}

impl ApiKeys {
    /// From `(system, key_sha256 hex)` pairs. Returns the system of the first pair whose hash is not 64 hex
    /// digits as the error.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<ApiKeys, String> {
        let mut entries = Vec::new();
        for (system, hex) in pairs {
            let hash = parse_hex32(hex).ok_or_else(|| system.to_owned())?;
            entries.push(Entry {
                system: system.to_owned(),
                hash,
            });
        }
        Ok(ApiKeys { entries })
    }

    /// The system whose key this is. Every configured hash is compared, each in constant time.
    pub fn system_for(&self, presented: &str) -> Option<&str> {
        let digest = ring::digest::digest(&ring::digest::SHA256, presented.as_bytes());
        let mut found = None;
        for entry in &self.entries {
            if bool::from(entry.hash.ct_eq(digest.as_ref())) {
                found = Some(entry.system.as_str());
            }
        }
        found
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_maps_to_its_system_only() {
        let a = sha256_hex("key-a");
        let b = sha256_hex("key-b");
        let keys = ApiKeys::new([("momentum", a.as_str()), ("nexus", b.as_str())]).unwrap();
        assert_eq!(keys.system_for("key-a"), Some("momentum"));
        assert_eq!(keys.system_for("key-b"), Some("nexus"));
        assert_eq!(keys.system_for("key-c"), None);
        assert_eq!(keys.system_for(""), None);
        assert!(ApiKeys::new([("x", "abc")]).is_err());
    }
}
