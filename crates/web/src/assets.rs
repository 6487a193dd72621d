//! The stylesheet, embedded in the binary.

use axum::http::header;
use axum::response::IntoResponse;

pub async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../assets/style.css"),
    )
}

/// Mounts Stripe's card field in payment forms when Stripe is the provider (`card_field.rs`).
pub async fn card_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../assets/card.js"),
    )
}

/// Keeps the Payments page's totals in step with the selection (`pages/payments.rs`).
pub async fn payments_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../assets/payments.js"),
    )
}
