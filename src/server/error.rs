//! The API's errors: every one is JSON `{"code": "...", "message": "..."}` with a fitting status.
//! Messages are fixed English sentences; they never carry a token, a subject or other personal data.

use crate::auth::TokenError;
use crate::store::StoreError;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

/// The JSON body of every error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
}

/// An error answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{status} {code}: {message}")]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn unauthorized(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    pub fn not_found() -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", "not found")
    }

    pub fn too_large(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", message)
    }

    pub fn internal() -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the server failed; try again later",
        )
    }

    pub fn unavailable() -> ApiError {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "the service is not available; try again later",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            code: self.code.to_owned(),
            message: self.message,
        };
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::NotFound => ApiError::not_found(),
            StoreError::UnknownCitizen => ApiError::new(
                StatusCode::FORBIDDEN,
                "unknown_citizen",
                "the signed-in citizen is not known to this service",
            ),
            StoreError::AnswerLacksLanguage { lang } => ApiError::bad_request(format!(
                "the answer needs a text in \"{lang}\", the language the citizen filed in"
            )),
            e @ StoreError::AnswerTooLong { .. } => ApiError::bad_request(e.to_string()),
            StoreError::Forbidden => {
                ApiError::new(StatusCode::FORBIDDEN, "forbidden", "not allowed")
            }
            StoreError::Unavailable => ApiError::unavailable(),
            other => {
                // Store errors name statements and files, never bound values.
                tracing::error!(error = %other, "store call failed");
                ApiError::internal()
            }
        }
    }
}

impl From<TokenError> for ApiError {
    fn from(e: TokenError) -> ApiError {
        match e {
            TokenError::Keys(keys) => {
                tracing::warn!(error = %keys, "token could not be checked");
                ApiError::unavailable()
            }
            other => ApiError::unauthorized(other.to_string()),
        }
    }
}
