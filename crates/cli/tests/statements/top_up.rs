//! A card top-up through the API's use case: a fixed number of statements (issue #12), whatever the
//! number of Organizations and earlier top-ups. Since the card charge runs in two phases outside any
//! transaction (issue #13) the budget is per phase: the reservation transaction (the key, the
//! Organization, the ceiling with pending top-ups, the pending charge: 4), the provider's reference
//! (1, on its own), the settlement transaction (the charge's compare-and-set returning it, the entry:
//! 3, the outgoing webhooks' subscribers of `payment.received` and `prepaid.credited` in one read,
//! and a write per event only when an endpoint listens, the audit line, the key's answer: 7). The
//! reply is the answer the settlement kept, not read back: 12 in all.

use crate::both_backends;
use crate::count::{Counting, SERIAL};
use crate::harness::{Backend, TestApp};
use crate::world::world;

both_backends!(a_top_up_has_a_fixed_budget_per_phase);

async fn a_top_up_has_a_fixed_budget_per_phase(backend: Backend) {
    let _one_at_a_time = SERIAL.lock().await;
    let t = TestApp::spawn(backend).await;
    let w = world(&t).await;
    let lr = w.a.lr();
    let actor = t
        .app
        .token_actor(&lr.token, w.a.id, guichet_app::Origin::default())
        .await
        .unwrap();
    let card = guichet_app::prepaid::CardFields {
        card_number: "4242424242424242".into(),
        card_expiry: "12/30".into(),
        card_cvc: "123".into(),
        ..Default::default()
    };
    // The first top-up creates the accounts it uses; the budget is for the ones after it.
    t.app
        .top_up_by_card(&actor, 1_000, &card, "warm-up")
        .await
        .unwrap();
    for i in 0..3 {
        let counting = Counting::start();
        let answer = t
            .app
            .top_up_by_card(&actor, 1_000 + i, &card, &format!("top-up-{i}"))
            .await
            .unwrap();
        let (n, seen) = counting.stop();
        assert_eq!(answer.outcome, guichet_app::prepaid::Outcome::Created);
        assert!(
            n <= 12,
            "{backend:?}: a top-up sent {n} statements (budget 12):\n{}",
            seen.join("\n")
        );
    }
}
