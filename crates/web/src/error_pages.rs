//! The full error page in the visitor's language for an HTML route's bare error response.

use crate::ctx::Ctx;
use crate::error::ErrorPage;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Turns bare error responses of HTML routes into pages in the visitor's language.
pub async fn render_error_pages(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let (mut parts, body) = req.into_parts();
    let ctx = Ctx::from_request_parts(&mut parts, &state).await;
    let res = next.run(Request::from_parts(parts, body)).await;
    let Some(ErrorPage(key, retry)) = res.extensions().get::<ErrorPage>().cloned() else {
        return res;
    };
    let Ok(ctx) = ctx else { return res };
    let status = res.status();
    let mut page = crate::layout::error_page(&ctx, status, key, retry).into_response();
    *page.status_mut() = status;
    for (name, value) in res.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            page.headers_mut().append(name.clone(), value.clone());
        }
    }
    page
}
