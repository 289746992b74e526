//! Push: a background task delivers each withdrawal to its system's webhook, following Standard Webhooks
//! (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA-256 of "id.timestamp.body">`
//! with the endpoint's `whsec_` secret). A failed attempt (an error, a timeout, a status other than 2xx, or
//! a redirect, which is never followed) is recorded and retried with exponential backoff and jitter until
//! `webhook_give_up_hours`; then the delivery is kept, marked given up, and listed by
//! `indsigt requests failed`. A delivery marks the request delivered, never done: that comes by ack.
//!
//! Time comes from a [`Clock`] and the backoff from a [`Policy`], so tests need not wait.

use super::backend::Backend;
use crate::store::outbox::{AttemptOutcome, Due, Retry};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jiff::{SignedDuration, Timestamp};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use zeroize::Zeroizing;

/// The current time, injected.
pub type Clock = Arc<dyn Fn() -> Timestamp + Send + Sync>;

/// The clock of the running server.
pub fn system_clock() -> Clock {
    Arc::new(Timestamp::now)
}

/// The longest wait between two attempts.
pub const MAX_BACKOFF: Duration = Duration::from_secs(6 * 3600);

/// How deliveries are retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// The wait before the first retry; each further retry waits twice as long, at most [`MAX_BACKOFF`].
    pub base: Duration,
    pub max: Duration,
    /// Retries stop this long after the request was queued.
    pub give_up_after: Duration,
    /// One attempt's limit, connecting included.
    pub timeout: Duration,
    /// How often the task looks for due deliveries.
    pub poll: Duration,
}

/// What follows a failed attempt, `failed_before` attempts having failed before it. `jitter` in `[0, 1]`
/// spreads the wait over its upper half: `delay / 2 + delay / 2 * jitter`.
pub fn next_retry(
    policy: &Policy,
    failed_before: u32,
    created_at: Timestamp,
    now: Timestamp,
    jitter: f64,
) -> Retry {
    let give_up_at = created_at
        .checked_add(SignedDuration::try_from(policy.give_up_after).unwrap_or(SignedDuration::MAX))
        .unwrap_or(Timestamp::MAX);
    if now >= give_up_at {
        return Retry::GiveUp;
    }
    let factor = 2u32.saturating_pow(failed_before.min(30));
    let delay = policy.base.saturating_mul(factor).min(policy.max);
    let half = delay / 2;
    let delay = half + half.mul_f64(jitter.clamp(0.0, 1.0));
    // Whole seconds, as the store keeps times, and never less than one.
    let secs = i64::try_from(delay.as_secs().max(1)).unwrap_or(i64::MAX);
    let next = now
        .checked_add(SignedDuration::from_secs(secs))
        .unwrap_or(Timestamp::MAX);
    Retry::At(next.min(give_up_at.max(now)))
}

/// A system's webhook endpoint.
#[derive(Clone)]
pub struct Target {
    /// The system's name as its ingest key names it.
    pub system: String,
    pub url: String,
    secret: Arc<Zeroizing<Vec<u8>>>,
}

impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Target")
            .field("system", &self.system)
            .field("url", &self.url)
            .field("secret", &"[REDACTED]")
            .finish()
    }
}

/// Why a webhook secret file cannot be used. Never holds the secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("cannot read it: {0}")]
    Unreadable(String),
    #[error("it must hold whsec_ and then base64")]
    NotWhsec,
    #[error("the secret must be 24 to 64 bytes")]
    BadLength,
}

/// Reads a `whsec_<base64>` secret (surrounding whitespace ignored).
pub fn read_secret(path: &Path) -> Result<Zeroizing<Vec<u8>>, SecretError> {
    let text = Zeroizing::new(
        std::fs::read_to_string(path).map_err(|e| SecretError::Unreadable(e.to_string()))?,
    );
    parse_secret(text.trim())
}

/// The bytes of a `whsec_<base64>` secret.
pub fn parse_secret(text: &str) -> Result<Zeroizing<Vec<u8>>, SecretError> {
    let b64 = text.strip_prefix("whsec_").ok_or(SecretError::NotWhsec)?;
    let bytes = Zeroizing::new(STANDARD.decode(b64).map_err(|_| SecretError::NotWhsec)?);
    if !(24..=64).contains(&bytes.len()) {
        return Err(SecretError::BadLength);
    }
    Ok(bytes)
}

impl Target {
    pub fn new(system: &str, url: &str, secret: Zeroizing<Vec<u8>>) -> Target {
        Target {
            system: system.to_owned(),
            url: url.to_owned(),
            secret: Arc::new(secret),
        }
    }

    /// `v1,<base64 HMAC-SHA-256 of "id.timestamp.body">`.
    pub fn sign(&self, id: &str, timestamp: i64, body: &[u8]) -> String {
        let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &self.secret);
        let mut ctx = ring::hmac::Context::with_key(&key);
        ctx.update(id.as_bytes());
        ctx.update(b".");
        ctx.update(timestamp.to_string().as_bytes());
        ctx.update(b".");
        ctx.update(body);
        format!("v1,{}", STANDARD.encode(ctx.sign().as_ref()))
    }
}

/// The id of a request's message: the same on every retry, so the receiver can drop duplicates.
pub fn message_id(request_id: i64) -> String {
    format!("msg_indsigt_request_{request_id}")
}

/// Sends one delivery and says how it went.
async fn attempt(
    client: &reqwest::Client,
    target: &Target,
    due: &Due,
    now: Timestamp,
) -> AttemptOutcome {
    let body = serde_json::json!({
        "type": "request.withdrawal",
        "timestamp": now.to_string(),
        "data": due.request,
    });
    let Ok(body) = serde_json::to_vec(&body) else {
        return AttemptOutcome::Failed;
    };
    let id = message_id(due.request.id);
    let ts = now.as_second();
    let answer = client
        .post(&target.url)
        .header("content-type", "application/json")
        .header("webhook-id", &id)
        .header("webhook-timestamp", ts.to_string())
        .header("webhook-signature", target.sign(&id, ts, &body))
        .body(body)
        .send()
        .await;
    match answer {
        Ok(r) if r.status().is_success() => AttemptOutcome::Delivered(r.status().as_u16()),
        Ok(r) if r.status().is_redirection() => AttemptOutcome::Redirect(r.status().as_u16()),
        Ok(r) => AttemptOutcome::HttpStatus(r.status().as_u16()),
        Err(e) if e.is_timeout() => AttemptOutcome::Timeout,
        Err(e) if e.is_connect() => AttemptOutcome::Connect,
        Err(_) => AttemptOutcome::Failed,
    }
}

fn jitter() -> f64 {
    use rand_core::RngCore;
    f64::from(rand_core::OsRng.next_u32()) / f64::from(u32::MAX)
}

/// The deliveries one round takes per system.
const DUE_PER_ROUND: u32 = 20;

/// How long a round's claim lasts: every attempt of the round at its full timeout, and a minute more.
fn lease_secs(policy: &Policy, due: u32) -> i64 {
    (policy.timeout.as_secs() as i64).saturating_mul(i64::from(due)) + 60
}

/// One round: every due delivery of every target, once.
pub async fn deliver_due(
    pool: &Backend,
    client: &reqwest::Client,
    targets: &[Target],
    policy: &Policy,
    clock: &Clock,
) {
    for target in targets {
        let name = target.system.clone();
        let now = clock();
        // Claimed until the attempts of this round are over, so another server never takes them meanwhile.
        let lease = now + SignedDuration::from_secs(lease_secs(policy, DUE_PER_ROUND));
        let due = match pool.catalogue_system_id(name).await {
            Ok(Some(id)) => pool.due_deliveries(id, now, lease, DUE_PER_ROUND).await,
            Ok(None) => Ok(Vec::new()),
            Err(e) => Err(e),
        };
        let Ok(due) = due else {
            continue;
        };
        for d in due {
            let outcome = attempt(client, target, &d, clock()).await;
            let at = clock();
            let retry = match outcome {
                AttemptOutcome::Delivered(_) => Retry::GiveUp,
                _ => next_retry(policy, d.attempts, d.created_at, at, jitter()),
            };
            if !matches!(outcome, AttemptOutcome::Delivered(_)) {
                tracing::warn!(
                    request = d.request.id,
                    system = %target.system,
                    outcome = outcome.code(),
                    status = outcome.status(),
                    attempts = d.attempts + 1,
                    "webhook delivery failed"
                );
                if retry == Retry::GiveUp {
                    tracing::warn!(
                        request = d.request.id,
                        system = %target.system,
                        "webhook delivery given up; it is kept and listed by `indsigt requests failed`"
                    );
                }
            }
            let id = d.request.id;
            let recorded = pool.record_attempt(id, at, outcome, retry).await;
            if recorded.is_err() {
                tracing::error!(request = id, "a webhook attempt could not be recorded");
            }
        }
    }
}

/// Starts the delivery task; `None` when no system has a webhook.
pub fn spawn(
    pool: Backend,
    targets: Vec<Target>,
    policy: Policy,
    clock: Clock,
) -> Option<tokio::task::JoinHandle<()>> {
    if targets.is_empty() {
        return None;
    }
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(policy.timeout)
        .timeout(policy.timeout)
        .build()
        .inspect_err(|e| tracing::error!(error = %e, "the webhook client could not be built"))
        .ok()?;
    Some(tokio::spawn(async move {
        loop {
            deliver_due(&pool, &client, &targets, &policy, &clock).await;
            tokio::time::sleep(policy.poll).await;
        }
    }))
}

#[cfg(test)]
mod tests;
