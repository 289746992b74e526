//! Per-token rate limiting of the citizen endpoints: a token bucket per access token, keyed by a hash of
//! the token (the token itself is never kept). Full buckets are forgotten when the table grows.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

/// How many buckets are kept before idle (full) ones are dropped.
const PRUNE_AT: usize = 10_000;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

/// Token buckets: `burst` requests at once, refilled at `per_minute` per minute.
#[derive(Debug)]
pub struct RateLimiter {
    per_second: f64,
    burst: f64,
    buckets: Mutex<HashMap<[u8; 16], Bucket>>,
}

/// The key of a bearer token's bucket: the first 16 bytes of its SHA-256.
pub fn token_key(token: &str) -> [u8; 16] {
    let digest = ring::digest::digest(&ring::digest::SHA256, token.as_bytes());
    let mut key = [0u8; 16];
    key.copy_from_slice(digest.as_ref().get(..16).unwrap_or(&[0u8; 16]));
    key
}

impl RateLimiter {
    pub fn new(per_minute: u32, burst: u32) -> RateLimiter {
        RateLimiter {
            per_second: f64::from(per_minute.max(1)) / 60.0,
            burst: f64::from(burst.max(1)),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one request from the bucket of `key`. `Err(seconds)`: none left; try again after that long.
    pub fn check(&self, key: [u8; 16], now: Instant) -> Result<(), u64> {
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if buckets.len() >= PRUNE_AT {
            let (rate, burst) = (self.per_second, self.burst);
            buckets.retain(|_, b| {
                b.tokens + now.saturating_duration_since(b.last).as_secs_f64() * rate < burst
            });
        }
        let bucket = buckets.entry(key).or_insert(Bucket {
            tokens: self.burst,
            last: now,
        });
        let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.per_second).min(self.burst);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = (1.0 - bucket.tokens) / self.per_second;
            Err(wait.ceil().max(1.0) as u64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_burst_then_the_rate() {
        let limiter = RateLimiter::new(60, 3);
        let t0 = Instant::now();
        let key = token_key("a");
        for _ in 0..3 {
            assert!(limiter.check(key, t0).is_ok());
        }
        assert_eq!(limiter.check(key, t0), Err(1));
        // Another token has its own bucket.
        assert!(limiter.check(token_key("b"), t0).is_ok());
        // One second refills one request at 60 per minute.
        assert!(limiter.check(key, t0 + Duration::from_secs(1)).is_ok());
        assert!(limiter.check(key, t0 + Duration::from_secs(1)).is_err());
    }
}
