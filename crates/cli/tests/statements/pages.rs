//! `/products` (the catalogue with its prices) and `/payments` (the due items with their periods
//! and durations) through their use cases: the same number of statements whatever the number of
//! offers or of due items (issue #12), within a stated budget.

use crate::both_backends;
use crate::count::{Counting, SERIAL};
use crate::harness::{Backend, TestApp};
use crate::world::world;
use guichet_core::Currency;
use guichet_core::product::ProductType;

/// The catalogue: the Organization (its currency), the active offers, every price in force.
const CATALOGUE_BUDGET: u64 = 3;
/// The Payments page: the Organization, the due invoices, the balance, then for every due item at
/// once their lines, their products, the offers' tiers and their prices.
const PAYMENTS_BUDGET: u64 = 7;

both_backends!(
    the_catalogue_costs_the_same_statements_for_2_or_40_offers,
    the_payments_page_costs_the_same_statements_for_1_or_30_due_items,
);

async fn the_catalogue_costs_the_same_statements_for_2_or_40_offers(backend: Backend) {
    let _one_at_a_time = SERIAL.lock().await;
    let t = TestApp::spawn(backend).await;
    let w = world(&t).await;
    let actor = t
        .app
        .actor(w.a.lr().id, w.a.id, guichet_app::Origin::default())
        .await
        .unwrap();
    let now = t.app.now();
    let count = async || {
        let counting = Counting::start();
        let offers = t.app.catalogue(&actor).await.unwrap();
        let (n, seen) = counting.stop();
        (offers, n, seen)
    };
    // A first call opens the reader connection (its set-up pragmas are not the page's).
    count().await;
    let (small, n_small, seen_small) = count().await;
    // Offers with three periods each, every one with an older price and the one in force now, and
    // one announced for later.
    let mut tx = t.app.db.begin().await.unwrap();
    let mut added = Vec::new();
    for i in 0..(40 - small.len().min(40)) {
        let id = guichet_store::billing::insert_offer(
            &mut tx,
            ProductType::WebHosting,
            &format!("Offer {i:02}"),
            now,
        )
        .await
        .unwrap();
        for months in [1, 12, 24] {
            for (from, amount) in [
                (now - 1_000, 100 * months),
                (now - 10, 90 * months + i as i64),
                (now + 1_000, 1),
            ] {
                guichet_store::billing::set_price(&mut tx, id, months, Currency::Chf, amount, from)
                    .await
                    .unwrap();
            }
        }
        added.push(id);
    }
    tx.commit().await.unwrap();
    let (large, n_large, seen_large) = count().await;
    assert!(large.len() >= 40, "{} offers", large.len());
    let offer = large.iter().find(|o| o.id == added[3]).unwrap();
    assert_eq!(
        offer
            .prices
            .iter()
            .map(|(m, p)| (*m, p.minor))
            .collect::<Vec<_>>(),
        [(1, 93), (12, 1083), (24, 2163)],
        "each period at the price in force now, in the order of the periods"
    );
    assert_eq!(
        n_small,
        n_large,
        "{backend:?}: {} offers took {n_small} statements, {} took {n_large}:\n{}\n---\n{}",
        small.len(),
        large.len(),
        seen_small.join("\n"),
        seen_large.join("\n")
    );
    assert!(
        n_large <= CATALOGUE_BUDGET,
        "{backend:?}: the catalogue sent {n_large} statements (budget {CATALOGUE_BUDGET}):\n{}",
        seen_large.join("\n")
    );
}

async fn the_payments_page_costs_the_same_statements_for_1_or_30_due_items(backend: Backend) {
    let _one_at_a_time = SERIAL.lock().await;
    let t = TestApp::spawn(backend).await;
    let w = world(&t).await;
    let lr = w.a.lr();
    let mut c = t.client();
    // An offer with more than one period, so that each due item is offered other durations.
    let offer = c
        .offer_where(w.a.id, &lr.token, |o| {
            o["prices"].as_array().is_some_and(|p| p.len() > 1) && o["type"] != "premium_support"
        })
        .await;
    let actor = t
        .app
        .token_actor(&lr.token, w.a.id, guichet_app::Origin::default())
        .await
        .unwrap();
    let measure = async || {
        let counting = Counting::start();
        let due = t.app.due_items(&actor, true).await.unwrap();
        let (n, seen) = counting.stop();
        (due, n, seen)
    };
    let mut ordered = vec![c.order(w.a.id, &lr.token, &offer, 12).await.invoice];
    measure().await;
    let (small, n_small, seen_small) = measure().await;
    for _ in 0..29 {
        ordered.push(c.order(w.a.id, &lr.token, &offer, 12).await.invoice);
    }
    let (large, n_large, seen_large) = measure().await;
    assert_eq!(large.invoices.len(), small.invoices.len() + 29);
    for id in &ordered {
        let id: guichet_core::InvoiceId = id.parse().unwrap();
        let (months, choices) = large
            .durations
            .get(&id)
            .expect("every ordered item is offered its other durations");
        assert_eq!(*months, 12);
        assert!(
            choices.len() > 1 && choices.iter().any(|c| c.months == 12),
            "{choices:?}"
        );
    }
    assert_eq!(
        n_small,
        n_large,
        "{backend:?}: {} due items took {n_small} statements, {} took {n_large}:\n{}\n---\n{}",
        small.invoices.len(),
        large.invoices.len(),
        seen_small.join("\n"),
        seen_large.join("\n")
    );
    assert!(
        n_large <= PAYMENTS_BUDGET,
        "{backend:?}: the Payments page sent {n_large} statements (budget {PAYMENTS_BUDGET}):\n{}",
        seen_large.join("\n")
    );
}
