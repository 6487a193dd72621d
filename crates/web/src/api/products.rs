//! API handlers: the catalogue, the products, ordering.

use crate::api::caller::ApiActor;
use crate::api::error::ApiResult;
use crate::api::json::ApiJson;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use guichet_app::AppError;
use guichet_core::grants::Rights;
use guichet_core::period::Date;
use guichet_core::product::{ProductState, ProductType};
use guichet_core::{AddressId, InvoiceId, OfferId, ProductId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct CatalogueJson {
    offers: Vec<OfferJson>,
}

/// An offer with its prices excl. VAT in the Organization's currency.
#[derive(Serialize, ToSchema)]
pub struct OfferJson {
    id: OfferId,
    #[serde(rename = "type")]
    product_type: ProductType,
    name: String,
    prices: Vec<PriceJson>,
}

#[derive(Serialize, ToSchema)]
pub struct PriceJson {
    period_months: i64,
    amount_minor: i64,
}

pub async fn catalogue_get(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<CatalogueJson>> {
    let offers = state.app.catalogue(&a.actor).await?;
    let offers = offers
        .into_iter()
        .map(|o| OfferJson {
            id: o.id,
            product_type: o.product_type,
            name: o.name,
            prices: o
                .prices
                .iter()
                .map(|(m, p)| PriceJson {
                    period_months: *m,
                    amount_minor: p.minor,
                })
                .collect(),
        })
        .collect();
    Ok(Json(CatalogueJson { offers }))
}

/// A product of the Organization.
#[derive(Serialize, ToSchema)]
pub struct ProductJson {
    id: ProductId,
    name: String,
    offer_id: OfferId,
    period_months: i64,
    state: ProductState,
    starts_on: Option<Date>,
    /// The first day no longer paid for.
    expires_on: Option<Date>,
    billing_address_id: Option<AddressId>,
    auto_renew: bool,
    /// When it was cancelled for the end of its term (Unix seconds).
    cancel_requested_at: Option<i64>,
}

fn product_json(p: &guichet_app::views::Product) -> ProductJson {
    ProductJson {
        id: p.id,
        name: p.name.clone(),
        offer_id: p.offer_id,
        period_months: p.period_months,
        state: p.state,
        starts_on: p.starts_on,
        expires_on: p.expires_on,
        billing_address_id: p.billing_address_id,
        auto_renew: p.auto_renew,
        cancel_requested_at: p.cancel_requested_at,
    }
}

#[derive(Serialize, ToSchema)]
pub struct ProductsJson {
    products: Vec<ProductJson>,
}

pub async fn products_list(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<ProductsJson>> {
    let list = state.app.products(&a.actor).await?;
    Ok(Json(ProductsJson {
        products: list.iter().map(product_json).collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct OrderBody {
    offer_id: String,
    period_months: i64,
    billing_address_id: Option<String>,
}

pub async fn product_order(
    State(state): State<AppState>,
    a: ApiActor,
    ApiJson(b): ApiJson<OrderBody>,
) -> ApiResult<(StatusCode, Json<OrderedJson>)> {
    let (product, invoice) = state
        .app
        .order_chosen(
            &a.actor,
            &b.offer_id,
            b.period_months,
            b.billing_address_id.as_deref(),
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(OrderedJson {
            product_id: product,
            invoice_id: invoice,
        }),
    ))
}

/// The product ordered (pending) and its unpaid invoice.
#[derive(Serialize, ToSchema)]
pub struct OrderedJson {
    product_id: ProductId,
    invoice_id: InvoiceId,
}

/// A product and the caller's rights on it.
#[derive(Serialize, ToSchema)]
pub struct ProductDetailJson {
    #[serde(flatten)]
    product: ProductJson,
    rights: Rights,
}

pub async fn product_get(
    State(state): State<AppState>,
    a: ApiActor,
) -> ApiResult<Json<ProductDetailJson>> {
    let id: ProductId = a.param("product")?;
    let rights = state.app.product_rights(&a.actor, id).await?;
    let products = state.app.products(&a.actor).await?;
    let p = products
        .iter()
        .find(|p| p.id == id)
        .ok_or(AppError::NotFound)?;
    Ok(Json(ProductDetailJson {
        product: product_json(p),
        rights,
    }))
}
