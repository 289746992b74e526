//! What the FHIR routes answer: an R4 `OperationOutcome` with one issue per problem (or one
//! `information` issue on success), and for a bundle an R4 `Bundle` of type `batch-response`.

use serde::{Deserialize, Serialize};

/// R4 `OperationOutcome`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OperationOutcome {
    /// Always `OperationOutcome`.
    pub resource_type: String,
    pub issue: Vec<Issue>,
}

/// R4 `OperationOutcome.issue`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// `error` or `information`.
    pub severity: String,
    /// The FHIR `IssueType` (`required`, `value`, `code-invalid`, `informational`, …).
    pub code: String,
    /// A plain sentence for the sending system's operator.
    pub diagnostics: String,
    /// The element the issue is about, as FHIRPath.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expression: Vec<String>,
}

impl OperationOutcome {
    pub fn new(issue: Vec<Issue>) -> OperationOutcome {
        OperationOutcome {
            resource_type: "OperationOutcome".into(),
            issue,
        }
    }

    /// One issue of severity `information` (the resource was recorded, or had been before).
    pub fn information(diagnostics: String) -> OperationOutcome {
        OperationOutcome::new(vec![Issue {
            severity: "information".into(),
            code: "informational".into(),
            diagnostics,
            expression: Vec::new(),
        }])
    }
}

/// R4 `Bundle` of type `batch-response`: one entry per entry of the batch, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchResponse {
    /// Always `Bundle`.
    pub resource_type: String,
    /// Always `batch-response`.
    #[serde(rename = "type")]
    pub type_: String,
    pub entry: Vec<ResponseEntry>,
}

impl BatchResponse {
    pub fn new(entry: Vec<ResponseEntry>) -> BatchResponse {
        BatchResponse {
            resource_type: "Bundle".into(),
            type_: "batch-response".into(),
            entry,
        }
    }
}

/// R4 `Bundle.entry` of a response: only `response`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseEntry {
    pub response: EntryResponse,
}

/// R4 `Bundle.entry.response`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryResponse {
    /// The HTTP status with its reason phrase, as FHIR writes it (`201 Created`).
    pub status: String,
    pub outcome: OperationOutcome,
}

/// `201 Created`, `422 Unprocessable Entity`, …: the status line FHIR puts in `response.status`.
pub fn status_line(status: u16) -> String {
    let reason = match status {
        200 => "OK",
        201 => "Created",
        400 => "Bad Request",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    };
    format!("{status} {reason}").trim_end().to_owned()
}
