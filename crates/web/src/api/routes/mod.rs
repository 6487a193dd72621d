//! The route table, one file a resource (the part of the path after `/orgs/{org}/`). Each file
//! lists its routes with their permission and example body.

mod activity;
mod addresses;
mod invoices;
mod kb;
mod members;
mod orgs;
mod payments;
mod prepaid;
mod products;
mod reminders;
mod renewals;
mod sites;
mod support;
mod teams;
mod tickets;

use crate::api::route::ApiRoute;

/// The route table. Add a route to its resource's file and it is routed, documented and covered by
/// the isolation and role tests.
pub fn routes() -> Vec<ApiRoute> {
    [
        kb::routes(),
        orgs::routes(),
        members::routes(),
        prepaid::routes(),
        addresses::routes(),
        products::routes(),
        sites::routes(),
        renewals::routes(),
        invoices::routes(),
        reminders::routes(),
        payments::routes(),
        teams::routes(),
        activity::routes(),
        support::routes(),
        tickets::routes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
