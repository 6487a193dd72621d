//! The Manager's home (issue #14) through its use case: the same number of statements whatever
//! the number of products, unpaid invoices and activity lines, within a stated budget, for a
//! manager (who sees every part) and for a collaborator with accounting (billing and grants).

use crate::both_backends;
use crate::count::{Counting, SERIAL};
use crate::harness::{Backend, TestApp};
use crate::world::world;

/// The Organization (its currency), the balance, the unpaid invoices, the products, then the
/// activity log's newest lines (managers) or the person's grants (collaborators).
const HOME_BUDGET: u64 = 5;

both_backends!(the_home_costs_the_same_statements_for_1_or_30_products);

async fn the_home_costs_the_same_statements_for_1_or_30_products(backend: Backend) {
    let _one_at_a_time = SERIAL.lock().await;
    let t = TestApp::spawn(backend).await;
    let w = world(&t).await;
    let lr = w.a.lr();
    let mut c = t.client();
    let offer = c
        .offer_where(w.a.id, &lr.token, |o| {
            o["prices"]
                .as_array()
                .is_some_and(|p| p.iter().any(|p| p["period_months"] == 1))
        })
        .await;
    let mut actors = Vec::new();
    for who in [lr, w.a.accountant()] {
        actors.push(
            t.app
                .actor(who.id, w.a.id, guichet_app::Origin::default())
                .await
                .unwrap(),
        );
    }
    let measure = async |actor: &guichet_app::Actor| {
        let counting = Counting::start();
        let home = t.app.home(actor).await.unwrap();
        let (n, seen) = counting.stop();
        (home, n, seen)
    };
    let mut small = Vec::new();
    for actor in &actors {
        measure(actor).await;
        small.push(measure(actor).await);
    }
    // Thirty more products: twenty-seven unpaid, three paid (active, expiring within a month).
    for i in 0..30 {
        let o = c.order(w.a.id, &lr.token, &offer, 1).await;
        if i < 3 {
            c.top_up_and_pay(w.a.id, &lr.token, &o.invoice, 100_000, &format!("h{i}"))
                .await;
        }
    }
    for (actor, (small_home, n_small, seen_small)) in actors.iter().zip(small) {
        let (large, n_large, seen_large) = measure(actor).await;
        if actor.access.role.is_manager() {
            let b = large.billing.as_ref().unwrap();
            assert_eq!(b.unpaid_count, 28, "the fixture's invoice and 27 more");
            assert_eq!(large.expiring_count, 3);
            assert_eq!(large.expiring.len(), 3);
            assert_eq!(large.activity.as_ref().unwrap().len(), 5);
            assert!(small_home.expiring.is_empty());
        }
        assert_eq!(
            n_small,
            n_large,
            "{backend:?}: the home took {n_small} statements, then {n_large} with 30 more products:\n{}\n---\n{}",
            seen_small.join("\n"),
            seen_large.join("\n")
        );
        assert!(
            n_large <= HOME_BUDGET,
            "{backend:?}: the home sent {n_large} statements (budget {HOME_BUDGET}):\n{}",
            seen_large.join("\n")
        );
    }
}
