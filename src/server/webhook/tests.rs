use super::*;

fn policy() -> Policy {
    Policy {
        base: Duration::from_secs(30),
        max: MAX_BACKOFF,
        give_up_after: Duration::from_secs(24 * 3600),
        timeout: Duration::from_secs(10),
        poll: Duration::from_secs(1),
    }
}

fn at(secs: i64) -> Timestamp {
    Timestamp::from_second(secs).unwrap()
}

#[test]
fn the_signature_matches_the_standard_webhooks_test_vector() {
    // The test vector of the Standard Webhooks reference libraries.
    let secret = parse_secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
    let target = Target::new("x", "https://example.test/hook", secret);
    assert_eq!(
        target.sign(
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1_614_265_330,
            br#"{"test": 2432232314}"#
        ),
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    );
}

#[test]
fn secrets_must_be_whsec_base64_of_a_sensible_length() {
    assert_eq!(
        parse_secret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap_err(),
        SecretError::NotWhsec
    );
    assert_eq!(
        parse_secret("whsec_not base64!").unwrap_err(),
        SecretError::NotWhsec
    );
    assert_eq!(
        parse_secret("whsec_YWJj").unwrap_err(),
        SecretError::BadLength
    );
    let debug = format!(
        "{:?}",
        Target::new(
            "x",
            "u",
            parse_secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap()
        )
    );
    assert!(
        debug.contains("[REDACTED]") && !debug.contains("MfKQ"),
        "{debug}"
    );
}

#[test]
fn the_backoff_doubles_with_jitter_in_its_upper_half_and_is_capped() {
    let p = policy();
    let created = at(1_000_000);
    let now = at(1_000_100);
    // No jitter: half the delay; full jitter: the whole delay.
    assert_eq!(
        next_retry(&p, 0, created, now, 0.0),
        Retry::At(at(1_000_115))
    );
    assert_eq!(
        next_retry(&p, 0, created, now, 1.0),
        Retry::At(at(1_000_130))
    );
    assert_eq!(
        next_retry(&p, 3, created, now, 1.0),
        Retry::At(at(1_000_100 + 240))
    );
    // Capped at six hours, and never past the give-up time.
    assert_eq!(
        next_retry(&p, 20, created, now, 1.0),
        Retry::At(at(1_000_100 + 6 * 3600))
    );
    let late = at(1_000_000 + 23 * 3600);
    assert_eq!(
        next_retry(&p, 20, created, late, 1.0),
        Retry::At(at(1_000_000 + 24 * 3600))
    );
}

#[test]
fn retries_go_on_for_the_whole_give_up_time_then_stop() {
    let p = policy();
    let created = at(0);
    let mut now = created;
    let mut attempts = 0;
    while let Retry::At(next) = next_retry(&p, attempts, created, now, 0.5) {
        assert!(next > now);
        now = next;
        attempts += 1;
        assert!(attempts < 100, "retries never end");
    }
    assert!(now >= at(24 * 3600), "gave up before 24 hours: {now}");
    assert!(attempts > 5);
}
