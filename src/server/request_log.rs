//! The access log of the server itself: method, route template, status and milliseconds. Never the
//! concrete path (it holds ids), a query string, a header or a body.

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;

pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "(no route)".to_owned());
    let response = next.run(request).await;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(
        target: "indsigt::access",
        method = %method,
        route = %route,
        status = response.status().as_u16(),
        ms = format_args!("{ms:.1}"),
        "request"
    );
    response
}
