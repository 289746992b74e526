//! Operator sentences: the one place where the inner layers' typed errors become localized text.
//!
//! The store, the demo generator, the kiosk program and the command line return typed errors that carry a
//! message id ([`StoreError::message_id`] and the like) and know nothing of languages. This edge module
//! turns them into the sentences an operator reads on the command line or at start-up. The kiosk's
//! citizen-facing errors are turned into sentences by the views, from the same message ids.

use crate::app::AppError;
use crate::auth::PepperError;
use crate::cli::CliError;
use crate::domain::Lang;
use crate::i18n::{t, tr};
use crate::server::ServeError;
use crate::store::demo::{
    DemoError, MAX_CITIZENS, MAX_EVENTS_PER_CITIZEN, MAX_HEAVY_EVENTS, MAX_TOTAL_EVENTS,
    MIN_CITIZENS,
};
use crate::store::{ImportError, StoreError};
use fluent_bundle::FluentValue;

impl StoreError {
    /// The sentence for this error, in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        let mut args: Vec<(&str, FluentValue)> = Vec::new();
        match self {
            StoreError::NotSqlite { path } => {
                args.push(("path", path.display().to_string().into()))
            }
            StoreError::NewerSchema { found, supported } => {
                args.push(("found", (*found).into()));
                args.push(("supported", (*supported).into()));
            }
            StoreError::Io(e) => args.push(("detail", e.to_string().into())),
            StoreError::Sqlite(d) | StoreError::Corrupt(d) | StoreError::Postgres(d) => {
                args.push(("detail", d.clone().into()))
            }
            StoreError::UnknownCitizen
            | StoreError::NotFound
            | StoreError::Forbidden
            | StoreError::Unavailable => {}
            StoreError::AnswerLacksLanguage { lang: l } => args.push((
                "lang",
                t(lang, &format!("requests-lang-{}", l.code())).into(),
            )),
            StoreError::AnswerTooLong { max } => args.push(("max", (*max).into())),
        }
        tr(lang, self.message_id(), &args)
    }
}

impl DemoError {
    /// The sentence for this error, in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        let mut args: Vec<(&str, FluentValue)> = Vec::new();
        match self {
            DemoError::Store(e) => return e.localized(lang),
            DemoError::CitizensOutOfRange { got } => {
                args.push(("got", (*got).into()));
                args.push(("min", MIN_CITIZENS.into()));
                args.push(("max", MAX_CITIZENS.into()));
            }
            DemoError::HeavyEventsOutOfRange { got } => {
                args.push(("got", (*got).into()));
                args.push(("max", MAX_HEAVY_EVENTS.into()));
            }
            DemoError::EventsPerCitizenOutOfRange { got } => {
                args.push(("got", (*got).into()));
                args.push(("max", MAX_EVENTS_PER_CITIZEN.into()));
            }
            DemoError::TooManyEvents { total } => {
                args.push(("total", total.to_string().into()));
                args.push(("max", MAX_TOTAL_EVENTS.to_string().into()));
            }
            DemoError::OutExists { path } => args.push(("path", path.display().to_string().into())),
            DemoError::Unwritable { path, reason } => {
                args.push(("path", path.display().to_string().into()));
                args.push(("detail", reason.clone().into()));
            }
        }
        tr(lang, self.message_id(), &args)
    }
}

impl AppError {
    /// The sentence for the operator, in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        let (id, detail) = match self {
            AppError::Store { path, error } => (
                "app-error-store",
                format!("{}: {}", path.display(), error.localized(lang)),
            ),
            AppError::SignIn(detail) => ("app-error-sign-in", detail.clone()),
            AppError::Http(detail) => ("app-error-http-source", detail.clone()),
            AppError::Terminal(detail) => ("app-error-terminal", detail.clone()),
        };
        tr(lang, id, &[("detail", detail.into())])
    }
}

impl CliError {
    /// The lines to print on standard error, in `lang`.
    pub fn localized(&self, lang: Lang) -> Vec<String> {
        match self {
            CliError::Config(errors) => errors.localized(lang),
            CliError::App(e) => vec![e.localized(lang)],
            CliError::Demo(e) => vec![e.localized(lang)],
            CliError::BadPin => vec![t(lang, "cli-bad-pin")],
            CliError::Serve(e) => vec![e.localized(lang)],
            CliError::Catalogue(errors) => errors.localized(lang),
            CliError::CatalogueImport(e) => e.localized(lang),
            CliError::Ingest(e) => vec![e.localized(lang)],
            CliError::FeedbackWeeks { got, max } => vec![tr(
                lang,
                "feedback-report-bad-weeks",
                &[("got", (*got).into()), ("max", (*max).into())],
            )],
            CliError::FeedbackNoDatabase(path) => vec![tr(
                lang,
                "feedback-report-no-database",
                &[("path", path.display().to_string().into())],
            )],
            CliError::Store(e) => vec![e.localized(lang)],
            CliError::Requests(e) => vec![e.localized(lang)],
        }
    }
}

impl PepperError {
    /// The sentence for the operator, in `lang`. It names the file, never the secret.
    pub fn localized(&self, lang: Lang) -> String {
        let path = |p: &std::path::Path| FluentValue::from(p.display().to_string());
        let args: Vec<(&str, FluentValue)> = match self {
            PepperError::Missing { path: p } => vec![("path", path(p))],
            PepperError::Unreadable { path: p, detail } => {
                vec![("path", path(p)), ("detail", detail.clone().into())]
            }
            PepperError::TooShort { path: p, got, min } => vec![
                ("path", path(p)),
                ("got", (*got).into()),
                ("min", (*min).into()),
            ],
        };
        tr(lang, self.message_id(), &args)
    }
}

impl ImportError {
    /// The lines to print, in `lang`: one per entry still in use.
    pub fn localized(&self, lang: Lang) -> Vec<String> {
        match self {
            ImportError::Store(e) => vec![e.localized(lang)],
            ImportError::StillInUse(uses) => {
                let mut lines = vec![t(lang, "catalogue-import-still-in-use")];
                for u in uses {
                    let kind = match u.kind {
                        "category" => "catalogue-kind-category",
                        "consent_type" => "catalogue-kind-consent-type",
                        _ => "catalogue-kind-decision-tool",
                    };
                    lines.push(tr(
                        lang,
                        "catalogue-import-in-use-item",
                        &[
                            ("kind", t(lang, kind).into()),
                            ("id", u.id.clone().into()),
                            ("citizens", u.citizens.into()),
                        ],
                    ));
                }
                lines
            }
        }
    }
}

impl crate::store::postgres::PgError {
    /// The sentence for the operator, in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        use crate::store::postgres::PgError as E;
        let s = |v: &str| fluent_bundle::FluentValue::from(v.to_owned());
        let args: Vec<(&str, FluentValue)> = match self {
            E::BadUrl(d) | E::CaFile(d) | E::BadCertificate(d) | E::Other(d) => {
                vec![("detail", s(d))]
            }
            E::PasswordInUrl => vec![("env", s(crate::store::postgres::PASSWORD_ENV))],
            E::PasswordFile { path, reason } => vec![
                ("path", path.display().to_string().into()),
                ("detail", s(reason)),
            ],
            E::PlainOverNetwork(h) | E::Unreachable(h) | E::TlsRefused(h) => vec![("host", s(h))],
            E::WrongPassword(u) => vec![("user", s(u))],
            E::NoPassword(u) => vec![
                ("user", s(u)),
                ("env", s(crate::store::postgres::PASSWORD_ENV)),
            ],
            E::NoDatabase(d) => vec![("database", s(d))],
            E::NewerSchema { found, supported } => {
                vec![
                    ("found", (*found).into()),
                    ("supported", (*supported).into()),
                ]
            }
        };
        tr(lang, self.message_id(), &args)
    }
}

impl ServeError {
    /// The sentence for the operator, in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        let s = |v: &str| fluent_bundle::FluentValue::from(v.to_owned());
        match self {
            ServeError::MissingKey(key) => tr(lang, "serve-missing-key", &[("key", s(key))]),
            ServeError::BadListen(value) => tr(lang, "serve-bad-listen", &[("value", s(value))]),
            ServeError::Listen { addr, detail } => tr(
                lang,
                "serve-cannot-listen",
                &[("addr", s(addr)), ("detail", s(detail))],
            ),
            ServeError::Tls(detail) => tr(lang, "serve-tls", &[("detail", s(detail))]),
            ServeError::Store(e) => {
                tr(lang, "serve-store", &[("detail", e.localized(lang).into())])
            }
            ServeError::Failed(detail) => tr(lang, "serve-failed", &[("detail", s(detail))]),
            ServeError::Pepper(e) => e.localized(lang),
            ServeError::Postgres(e) => e.localized(lang),
            ServeError::WebhookSecret {
                system,
                path,
                problem,
            } => {
                let id = match problem {
                    crate::server::webhook::SecretError::Unreadable(_) => {
                        "requests-secret-unreadable"
                    }
                    crate::server::webhook::SecretError::NotWhsec => "requests-secret-not-whsec",
                    crate::server::webhook::SecretError::BadLength => "requests-secret-length",
                };
                let detail = match problem {
                    crate::server::webhook::SecretError::Unreadable(d) => d.clone(),
                    _ => String::new(),
                };
                tr(
                    lang,
                    id,
                    &[
                        ("system", s(system)),
                        ("path", path.display().to_string().into()),
                        ("detail", detail.into()),
                    ],
                )
            }
            ServeError::IssuerMismatch { configured, found } => tr(
                lang,
                "serve-issuer-mismatch",
                &[("configured", s(configured)), ("found", s(found))],
            ),
        }
    }
}

impl crate::cli::dpo::RequestsCliError {
    /// The sentence for the DPO or operator, in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        use crate::cli::dpo::RequestsCliError as E;
        match self {
            E::NoDatabase(path) => tr(
                lang,
                "requests-cli-no-database",
                &[("path", path.display().to_string().into())],
            ),
            E::Unpaired => t(lang, "requests-cli-unpaired"),
            E::NothingToDo => t(lang, "requests-cli-nothing-to-do"),
            E::NoReport(id) => tr(lang, "requests-cli-no-report", &[("id", id.clone().into())]),
            E::AlreadyAnswered => t(lang, "requests-cli-already-answered"),
            E::Store(e) => e.localized(lang),
        }
    }
}
