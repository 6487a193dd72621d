//! A checkout of one invoice paid from the prepaid balance, through the use case: a fixed number of
//! statements (issue #12), whatever the number of earlier payments.

use crate::both_backends;
use crate::count::{Counting, SERIAL};
use crate::harness::{Backend, TestApp};
use crate::world::world;

/// The statements of a prepaid checkout of one invoice: the invoice and its lines, the key, the
/// Organization, the invoice's conditional status change, the entry (three), its products made
/// active (four), the subscribers of its `product.activated` and `invoice.paid` webhooks (one read
/// each; issue #13), the audit line, the answer.
const BUDGET: u64 = 16;

both_backends!(a_prepaid_checkout_of_one_invoice_has_a_fixed_budget);

async fn a_prepaid_checkout_of_one_invoice_has_a_fixed_budget(backend: Backend) {
    let _one_at_a_time = SERIAL.lock().await;
    let t = TestApp::spawn(backend).await;
    let w = world(&t).await;
    let lr = w.a.lr();
    let mut c = t.client();
    let offer = c.offer_where(w.a.id, &lr.token, |_| true).await;
    let mut invoices = Vec::new();
    for _ in 0..4 {
        invoices.push(c.order(w.a.id, &lr.token, &offer, 1).await.invoice);
    }
    let r = c.top_up(w.a.id, &lr.token, 1_000_000, "fund").await;
    assert_eq!(r.status, 201, "{}", r.body);
    let actor = t
        .app
        .token_actor(&lr.token, w.a.id, guichet_app::Origin::default())
        .await
        .unwrap();
    for (i, invoice) in invoices.iter().enumerate() {
        let co = guichet_app::billing::Checkout {
            invoices: vec![invoice.clone()],
            from_prepaid_minor: 1_000_000,
            ..Default::default()
        };
        let counting = Counting::start();
        let answer = t
            .app
            .checkout(&actor, &co, &format!("checkout-{i}"))
            .await
            .unwrap();
        let (n, seen) = counting.stop();
        assert_eq!(
            answer.outcome,
            guichet_app::prepaid::Outcome::Done,
            "{}",
            answer.body
        );
        assert_eq!(answer.body["by_card_minor"], 0, "{}", answer.body);
        // The first checkout may create the accounts it uses; the budget is for the ones after.
        if i > 0 {
            assert!(
                n <= BUDGET,
                "{backend:?}: a prepaid checkout sent {n} statements (budget {BUDGET}):\n{}",
                seen.join("\n")
            );
        }
    }
}
