//! What can be wrong with a posted AuditEvent or Bundle. Each problem becomes one `OperationOutcome.issue`:
//! its FHIR issue type, the element it is about (`expression`, FHIRPath), the HTTP status, and a sentence
//! (`message_id`, localized at the edge; the `Display` is the English one, for logs and tests). No variant
//! carries a value from the resource that could be personal (a CPR number, a name): only element paths,
//! code systems, codes and counts.

/// One problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FhirError {
    #[error("the body is not JSON")]
    NotJson,
    #[error("the content type must be application/fhir+json or application/json")]
    UnsupportedMediaType,
    #[error("the request body is too large")]
    TooLarge,
    #[error("a bundle holds at most {max} entries")]
    TooManyEntries { max: usize },
    #[error("record ingest needs server.pepper_file")]
    NotConfigured,
    #[error("the resource is {found}, not {wanted}")]
    WrongResource {
        expression: String,
        found: String,
        wanted: &'static str,
    },
    #[error("the bundle type is {found}; only batch is taken")]
    NotBatch { found: String },
    #[error("the element does not fit FHIR R4: {detail}")]
    Invalid { expression: String, detail: String },
    #[error("the AuditEvent has no id; the id makes a repeat harmless")]
    NoId { expression: String },
    #[error("the AuditEvent has no patient entity (entity.role 1, or what.reference to a Patient)")]
    NoPatient { expression: String },
    #[error("the patient entity has no identifier with system urn:oid:1.2.208.176.1.2 (CPR)")]
    NoCpr { expression: String },
    #[error("the CPR number is not ten digits as ddmmyy-nnnn or ddmmyynnnn")]
    MalformedCpr { expression: String },
    #[error("no agent has requestor = true")]
    NoRequestor { expression: String },
    #[error("no purposeOfUse on the requesting agent, and no purposeOfEvent")]
    NoPurpose { expression: String },
    #[error("the catalogue has no purpose for code {code} of system {system}")]
    UnknownPurpose {
        expression: String,
        system: String,
        code: String,
    },
    #[error(
        "the action and subtype do not say what was done (action C, R, U, D or E; a FHIR restful subtype)"
    )]
    UnknownAction { expression: String },
    #[error("recorded must be a FHIR instant (RFC 3339 with a time zone)")]
    BadTime { expression: String },
    #[error("the text is longer than {max} bytes")]
    TooLong { expression: String, max: usize },
    #[error("source.observer names another system than the API key's")]
    WrongSystem { expression: String },
    #[error("the catalogue has no system for this API key")]
    UnknownSystem,
    #[error("the catalogue has no data category in this system, so the entry has no area")]
    NoCategory,
    #[error("no catalogue has been imported")]
    NoCatalogue,
}

impl FhirError {
    /// The FHIR `IssueType` code.
    pub fn issue_code(&self) -> &'static str {
        match self {
            FhirError::NotJson | FhirError::Invalid { .. } => "structure",
            FhirError::UnsupportedMediaType
            | FhirError::WrongResource { .. }
            | FhirError::NotBatch { .. } => "not-supported",
            FhirError::TooLarge | FhirError::TooManyEntries { .. } => "too-costly",
            FhirError::NotConfigured => "exception",
            FhirError::NoId { .. }
            | FhirError::NoPatient { .. }
            | FhirError::NoCpr { .. }
            | FhirError::NoRequestor { .. }
            | FhirError::NoPurpose { .. } => "required",
            FhirError::MalformedCpr { .. } | FhirError::BadTime { .. } => "value",
            FhirError::UnknownPurpose { .. } | FhirError::UnknownAction { .. } => "code-invalid",
            FhirError::TooLong { .. } => "too-long",
            FhirError::WrongSystem { .. }
            | FhirError::UnknownSystem
            | FhirError::NoCategory
            | FhirError::NoCatalogue => "business-rule",
        }
    }

    /// The HTTP status of an answer with only this problem: 400 for what is not an R4 resource of the
    /// right kind, 422 for a resource Indsigt cannot record.
    pub fn status(&self) -> u16 {
        match self {
            FhirError::NotJson
            | FhirError::Invalid { .. }
            | FhirError::WrongResource { .. }
            | FhirError::NotBatch { .. } => 400,
            FhirError::UnsupportedMediaType => 415,
            FhirError::TooLarge | FhirError::TooManyEntries { .. } => 413,
            FhirError::NotConfigured => 503,
            _ => 422,
        }
    }

    /// The element the problem is about, as FHIRPath (`AuditEvent.entity[1].what.identifier`).
    pub fn expression(&self) -> Option<&str> {
        match self {
            FhirError::WrongResource { expression, .. }
            | FhirError::Invalid { expression, .. }
            | FhirError::NoId { expression }
            | FhirError::NoPatient { expression }
            | FhirError::NoCpr { expression }
            | FhirError::MalformedCpr { expression }
            | FhirError::NoRequestor { expression }
            | FhirError::NoPurpose { expression }
            | FhirError::UnknownPurpose { expression, .. }
            | FhirError::UnknownAction { expression }
            | FhirError::BadTime { expression }
            | FhirError::TooLong { expression, .. }
            | FhirError::WrongSystem { expression } => Some(expression),
            FhirError::NotBatch { .. } => Some("Bundle.type"),
            FhirError::TooManyEntries { .. } => Some("Bundle.entry"),
            _ => None,
        }
    }

    /// The message id of the sentence; its variables are [`FhirError::args`].
    pub fn message_id(&self) -> &'static str {
        match self {
            FhirError::NotJson => "fhir-not-json",
            FhirError::UnsupportedMediaType => "fhir-unsupported-media-type",
            FhirError::TooLarge => "fhir-too-large",
            FhirError::TooManyEntries { .. } => "fhir-too-many-entries",
            FhirError::NotConfigured => "fhir-not-configured",
            FhirError::WrongResource { .. } => "fhir-wrong-resource",
            FhirError::NotBatch { .. } => "fhir-not-batch",
            FhirError::Invalid { .. } => "fhir-invalid",
            FhirError::NoId { .. } => "fhir-no-id",
            FhirError::NoPatient { .. } => "fhir-no-patient",
            FhirError::NoCpr { .. } => "fhir-no-cpr",
            FhirError::MalformedCpr { .. } => "fhir-malformed-cpr",
            FhirError::NoRequestor { .. } => "fhir-no-requestor",
            FhirError::NoPurpose { .. } => "fhir-no-purpose",
            FhirError::UnknownPurpose { .. } => "fhir-unknown-purpose",
            FhirError::UnknownAction { .. } => "fhir-unknown-action",
            FhirError::BadTime { .. } => "fhir-bad-time",
            FhirError::TooLong { .. } => "fhir-too-long",
            FhirError::WrongSystem { .. } => "fhir-wrong-system",
            FhirError::UnknownSystem => "fhir-unknown-system",
            FhirError::NoCategory => "fhir-no-category",
            FhirError::NoCatalogue => "fhir-no-catalogue",
        }
    }

    /// The sentence's variables: names and values that come from the schema or the catalogue, never from
    /// a citizen.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            FhirError::TooManyEntries { max } | FhirError::TooLong { max, .. } => {
                vec![("max", max.to_string())]
            }
            FhirError::WrongResource { found, wanted, .. } => {
                vec![("found", found.clone()), ("wanted", (*wanted).to_owned())]
            }
            FhirError::NotBatch { found } => vec![("found", found.clone())],
            FhirError::Invalid { detail, .. } => vec![("detail", detail.clone())],
            FhirError::UnknownPurpose { system, code, .. } => {
                vec![("system", system.clone()), ("code", code.clone())]
            }
            _ => Vec::new(),
        }
    }
}
