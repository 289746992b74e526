//! What a route is: its method, path, handler, guard and OpenAPI facts. The table itself is
//! [`super::routes::ROUTES`]; both the router and `/openapi.json` are written from it.

use super::state::ServerState;
use axum::routing::{MethodFilter, MethodRouter};

/// The HTTP method of a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    /// The lowercase name OpenAPI uses as the key of an operation.
    pub fn openapi_name(self) -> &'static str {
        match self {
            Method::Get => "get",
            Method::Post => "post",
        }
    }

    pub fn filter(self) -> MethodFilter {
        match self {
            Method::Get => MethodFilter::GET,
            Method::Post => MethodFilter::POST,
        }
    }
}

/// How a route is authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    None,
    /// `Authorization: Bearer <access token>`; rate limited per token.
    Bearer,
    /// A bearer token and a registered kiosk's key in `X-Indsigt-Kiosk`.
    BearerAndKiosk,
    /// `Authorization: ApiKey <key>` of a line-of-business system.
    ApiKey,
    /// A registered kiosk's key in `X-Indsigt-Kiosk` alone, no citizen's token.
    Kiosk,
    /// `Authorization: ApiKey <key>` of the data protection officer (`[server] dpo_key_sha256`).
    Dpo,
}

/// What a route answers on success.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// A component schema by name.
    Schema(&'static str),
    /// A list of a component schema.
    ListOf(&'static str),
    /// No body.
    Empty,
}

/// Makes a route's handler for its method (`|m| on(m, handler)`), so the method is written once.
pub type MakeHandler = fn(MethodFilter) -> MethodRouter<ServerState>;

/// One route: everything about it, written once.
#[derive(Clone, Copy)]
pub struct RouteSpec {
    pub method: Method,
    /// The path in axum's and OpenAPI's shared `{param}` syntax.
    pub path: &'static str,
    pub operation: &'static str,
    pub summary: &'static str,
    pub guard: Guard,
    pub status: u16,
    pub answer: Body,
    /// The request body's schema, if any.
    pub request: Option<&'static str>,
    pub handler: MakeHandler,
}

impl std::fmt::Debug for RouteSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RouteSpec")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("operation", &self.operation)
            .finish_non_exhaustive()
    }
}

impl RouteSpec {
    /// The method router of this route.
    pub fn method_router(&self) -> MethodRouter<ServerState> {
        (self.handler)(self.method.filter())
    }
}

/// Shorthand for [`MakeHandler`]s: `handler!(citizen::me)`.
macro_rules! handler {
    ($f:path) => {
        |m| ::axum::routing::on(m, $f)
    };
}
pub(crate) use handler;
