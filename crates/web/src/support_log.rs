//! SUP-03: every Manager request an operator makes under a support grant lands in the
//! Organization's activity log — what was asked, and whether it was refused.

use crate::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use guichet_app::Actor;
use std::sync::{Arc, Mutex};

/// Filled by [`crate::ctx::InOrg`] when the request runs as an operator under a grant.
#[derive(Clone, Default)]
pub struct SupportSlot(Arc<Mutex<Option<Actor>>>);

impl SupportSlot {
    pub fn set(&self, actor: &Actor) {
        if let Ok(mut s) = self.0.lock() {
            *s = Some(actor.clone());
        }
    }

    fn take(&self) -> Option<Actor> {
        self.0.lock().ok().and_then(|mut s| s.take())
    }
}

pub async fn record(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let slot = SupportSlot::default();
    req.extensions_mut().insert(slot.clone());
    let method = req.method().to_string();
    let path = req.uri().path().to_string();
    let res = next.run(req).await;
    if let Some(actor) = slot.take()
        && let Err(e) = state
            .app
            .record_support_request(&actor, &method, &path, res.status().as_u16())
            .await
    {
        tracing::error!(error = %e, "support request not recorded");
    }
    res
}
